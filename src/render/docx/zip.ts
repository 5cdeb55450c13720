/**
 * Deterministic ZIP packaging: every entry gets the same date and the entries come
 * in a fixed order ([Content_Types].xml first, then by name), so the same parts
 * always give the same bytes.
 */
import PizZip from "pizzip";

/**
 * 1980-01-01 00:00:00, the first DOS date. Built from local-time components because
 * the ZIP format stores local time and PizZip reads it with getHours()/getDate():
 * the bytes are then the same in every time zone.
 */
export const FIXED_ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);

const CONTENT_TYPES = "[Content_Types].xml";

export function entryOrder(names: string[]): string[] {
  const rest = names.filter((n) => n !== CONTENT_TYPES).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.includes(CONTENT_TYPES) ? [CONTENT_TYPES, ...rest] : rest;
}

/** Packs parts (text is written as UTF-8) into a deterministic, deflated ZIP. */
export function packZip(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const zip = new PizZip();
  for (const name of entryOrder([...parts.keys()])) {
    const data = parts.get(name);
    if (data === undefined) continue;
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    zip.file(name, bytes, { binary: true, date: FIXED_ZIP_DATE, createFolders: false });
  }
  return zip.generate({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 }, platform: "DOS" });
}

/** Reads every file entry (folders skipped) of a PizZip as bytes. */
export function zipParts(zip: PizZip): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) {
    const file = zip.files[name];
    if (!file || file.dir) continue;
    parts.set(name, file.asUint8Array());
  }
  return parts;
}

/** Repacks a PizZip deterministically. */
export function repackZip(zip: PizZip): Uint8Array {
  return packZip(zipParts(zip));
}
