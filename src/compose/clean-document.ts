import type { AdminDocument } from "../document/model.ts";
import { oneLine } from "../format/text.ts";

/**
 * Every text of a document made one line with no invisible characters
 * ({@link oneLine}): one rule for the DOCX and the PDF. A name with a line
 * break (a YAML block scalar, or "\n" in quotes) in a header, a signature or a
 * table cell would otherwise be a line break in the DOCX and a missing glyph
 * U+000A in the PDF; a soft hyphen or a zero-width space would be hidden by
 * Word and drawn by the PDF. Every line of the model is one line: body lines
 * are split by parseMarkup before they get here.
 *
 * Gives the clean document and its size for the limit (compose-all.ts): the characters of text in
 * it, every string of it, tables and appendices included, counted on the way.
 */
export function cleanDocument(doc: AdminDocument): { doc: AdminDocument; size: number } {
  const counter = { size: 0 };
  return { doc: clean(doc, counter) as AdminDocument, size: counter.size };
}

function clean(v: unknown, counter: { size: number }): unknown {
  if (typeof v === "string") {
    const s = oneLine(v);
    counter.size += s.length;
    return s;
  }
  if (Array.isArray(v)) return v.map((x) => clean(x, counter));
  if (v && typeof v === "object") {
    // A plain object with the same own keys, as Object.fromEntries makes ("__proto__" an own key like any other).
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      const x = clean((v as Record<string, unknown>)[k], counter);
      if (k === "__proto__") Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
      else out[k] = x;
    }
    return out;
  }
  return v;
}
