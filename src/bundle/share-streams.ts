import { createHash } from "node:crypto";
import { PDFArray, PDFDict, PDFRawStream, PDFRef, PDFStream, type PDFContext, type PDFObject } from "@cantoo/pdf-lib";

/**
 * Every document of a year embeds the same font subsets (one per font file and
 * build, src/pdf/emit/prepared-fonts.ts), so the copied pages of a bundle carry
 * the same font streams once per document. This keeps one of each stream equal
 * in dictionary and bytes and points every reference to it: the bundle is the
 * same to read, a fraction of the size, and takes less memory to write.
 * Deterministic: the objects are visited in the context's order. Returns how
 * many copies were dropped.
 */
export function shareEqualStreams(ctx: PDFContext): number {
  const first = new Map<string, PDFRef>();
  const same = new Map<PDFRef, PDFRef>();
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFRawStream)) continue;
    const key = createHash("sha256").update(obj.dict.toString()).update("\0").update(obj.contents).digest("hex");
    const kept = first.get(key);
    if (kept) same.set(ref, kept);
    else first.set(key, ref);
  }
  if (!same.size) return 0;
  const point = (o: PDFObject): void => {
    if (o instanceof PDFStream) return point(o.dict);
    if (o instanceof PDFDict) {
      for (const [k, v] of o.entries()) {
        const to = v instanceof PDFRef ? same.get(v) : undefined;
        if (to) o.set(k, to);
        else point(v);
      }
    } else if (o instanceof PDFArray) {
      for (let i = 0; i < o.size(); i++) {
        const v = o.get(i);
        const to = v instanceof PDFRef ? same.get(v) : undefined;
        if (to) o.set(i, to);
        else point(v);
      }
    }
  };
  for (const [, obj] of ctx.enumerateIndirectObjects()) point(obj);
  for (const ref of same.keys()) ctx.delete(ref);
  return same.size;
}
