/**
 * Deterministic DOCX packaging: every entry gets the same date and the entries come
 * in a fixed order ([Content_Types].xml first, then by name), so the same parts
 * always give the same bytes (src/zip/write-zip.ts, node:zlib).
 */
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
