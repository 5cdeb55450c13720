/**
 * The names of the signature fields: the contract between the PDF layout,
 * which places them (an anchor named after the field), emit, which turns every
 * anchor whose name starts with "ky." into an empty signature field, the sign
 * command and docs/ky-so.md. Pure data, no imports.
 *
 * A name is a fully qualified PDF field name: "ky" is a parent field (a
 * partial name may not contain a period, ISO 32000-1 12.7.3.2), and
 * "nguoi-ky", "co-quan", ... are its signature fields. Change none of them
 * lightly: offices configure their signing tools with these names.
 */

/** Every anchor whose name starts with this is a signature field of that name. */
export const SIGNATURE_FIELD_PREFIX = "ky.";

export const FIELD = {
  /** The signer (người ký) of a single-signer document: between the title lines and the name. */
  signer: "ky.nguoi-ky",
  /** Minutes: the secretary (THƯ KÝ), left. */
  secretary: "ky.thu-ky",
  /** Minutes: the chair (CHỦ TỌA), right. */
  chair: "ky.chu-toa",
  /** The organisation (its seal), overlapping the left third of the signer's (the chair's in minutes). */
  seal: "ky.co-quan",
  /** An appendix issued as a separate file: the organisation's signature at the top right of page 1. */
  appendixSeal: "ky.co-quan-phu-luc",
} as const;

/** The field of a signature block's role ("signer", "secretary", "chair"); another role gets "ky.<role>". */
export function signatureFieldName(role: string): string {
  const known = (FIELD as Record<string, string>)[role];
  if (known && role !== "seal" && role !== "appendixSeal") return known;
  const safe = role
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `${SIGNATURE_FIELD_PREFIX}${safe || "nguoi-ky"}`;
}

/** "ky.nguoi-ky" twice in one document becomes "ky.nguoi-ky", "ky.nguoi-ky-2". */
export function uniqueFieldName(name: string, taken: Set<string>): string {
  let out = name;
  for (let i = 2; taken.has(out); i++) out = `${name}-${i}`;
  taken.add(out);
  return out;
}
