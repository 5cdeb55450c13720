/**
 * Deterministic DOCX packaging: every entry gets the same date and the entries come
 * in a fixed order ([Content_Types].xml first, then by name), so the same parts
 * always give the same bytes (src/zip/write-zip.ts, node:zlib).
 */
import type PizZip from "pizzip";
import { deflatePart, writeZip, type DeflatedPart } from "../../zip/write-zip.ts";

const CONTENT_TYPES = "[Content_Types].xml";

export function entryOrder(names: string[]): string[] {
  const rest = names.filter((n) => n !== CONTENT_TYPES).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.includes(CONTENT_TYPES) ? [CONTENT_TYPES, ...rest] : rest;
}

/** Packs parts, some maybe deflated already, in entryOrder. */
export function packDeflated(parts: ReadonlyMap<string, DeflatedPart>): Uint8Array {
  return writeZip(entryOrder([...parts.keys()]).map((name) => ({ name, part: parts.get(name)! })));
}

/** Packs parts (text is written as UTF-8) into a deterministic, deflated ZIP. */
export function packZip(parts: ReadonlyMap<string, string | Uint8Array>): Uint8Array {
  const deflated = new Map<string, DeflatedPart>();
  for (const [name, data] of parts) deflated.set(name, deflatePart(data));
  return packDeflated(deflated);
}

/** Reads every file entry (folders skipped) of a PizZip as bytes (for tests that edit a DOCX with PizZip). */
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
