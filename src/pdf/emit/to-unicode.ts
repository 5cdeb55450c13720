/**
 * The ToUnicode CMap of an embedded subset (ISO 32000 9.10.3): each CID, as
 * the two-byte code Identity-H shows, to the character it was included for,
 * so text extraction, search and copy give the text back. Consecutive CIDs
 * of consecutive characters are one bfrange (CIDs are given in code point
 * order, so ASCII is one line); a range never crosses a change of the high
 * byte of either side, and a block holds at most 100 entries, as the CMap
 * syntax asks.
 */

const hex4 = (n: number) => n.toString(16).toUpperCase().padStart(4, "0");

/** UTF-16BE hex of a code point (a surrogate pair beyond the BMP). */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

function blocks(kind: "bfchar" | "bfrange", entries: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < entries.length; i += 100) {
    const part = entries.slice(i, i + 100);
    out.push(`${part.length} begin${kind}\n${part.join("\n")}\nend${kind}`);
  }
  return out;
}

/** `unicodeOf[cid]` is the code point CID `cid` stands for (index 0, .notdef, and gaps are skipped). */
export function toUnicodeCMap(unicodeOf: readonly (number | undefined)[]): string {
  const chars: string[] = [];
  const ranges: string[] = [];
  let cid = 1;
  while (cid < unicodeOf.length) {
    const cp = unicodeOf[cid];
    if (cp === undefined) {
      cid++;
      continue;
    }
    let end = cid;
    while (
      cp < 0x10000 &&
      end + 1 < unicodeOf.length &&
      unicodeOf[end + 1] === cp + (end + 1 - cid) &&
      (end + 1) >> 8 === cid >> 8 &&
      (cp + (end + 1 - cid)) >> 8 === cp >> 8
    )
      end++;
    if (end > cid) ranges.push(`<${hex4(cid)}> <${hex4(end)}> <${hex4(cp)}>`);
    else chars.push(`<${hex4(cid)}> <${utf16Hex(cp)}>`);
    cid = end + 1;
  }
  return [
    "/CIDInit /ProcSet findresource begin",
    "12 dict begin",
    "begincmap",
    "/CIDSystemInfo <<",
    "  /Registry (Adobe)",
    "  /Ordering (UCS)",
    "  /Supplement 0",
    ">> def",
    "/CMapName /Adobe-Identity-UCS def",
    "/CMapType 2 def",
    "1 begincodespacerange",
    "<0000><ffff>",
    "endcodespacerange",
    ...blocks("bfchar", chars),
    ...blocks("bfrange", ranges),
    "endcmap",
    "CMapName currentdict /CMap defineresource pop",
    "end",
    "end",
  ].join("\n");
}
