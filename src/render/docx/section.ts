/**
 * Section properties derived from the shell's final w:sectPr: the same margins and
 * headers, portrait or landscape (page size swapped, margins kept as they are), and
 * the "no number on the first page" switch (w:titlePg) kept only on the document's
 * first section, so an appendix's first page carries its number.
 */
import { child, parseXml, serializeXml, setAttr, attr, type XmlElement } from "./xml.ts";

export interface SectionOptions {
  landscape: boolean;
  /** The document's first section (keeps w:titlePg). */
  first: boolean;
}

export class SectionTemplate {
  private readonly base: XmlElement;
  private readonly baseLandscape: boolean;

  constructor(sectPr: XmlElement) {
    if (sectPr.name !== "w:sectPr") throw new Error(`expected w:sectPr, got ${sectPr.name}`);
    this.base = sectPr;
    const pgSz = child(sectPr, "w:pgSz");
    this.baseLandscape = pgSz !== undefined && attr(pgSz, "w:orient") === "landscape";
  }

  /** The body's final w:sectPr of a document.xml. */
  static fromDocumentXml(documentXml: string): SectionTemplate {
    const body = child(parseXml(documentXml).root, "w:body");
    const sectPr = body?.children.filter((c): c is XmlElement => typeof c !== "string").at(-1);
    if (!sectPr || sectPr.name !== "w:sectPr") throw new Error("the shell's document.xml has no final w:sectPr");
    return new SectionTemplate(sectPr);
  }

  sectPrXml(opts: SectionOptions): string {
    const el = structuredClone(this.base);
    if (!opts.first) el.children = el.children.filter((c) => typeof c === "string" || c.name !== "w:titlePg");
    const pgSz = child(el, "w:pgSz");
    if (pgSz && opts.landscape !== this.baseLandscape) {
      const w = attr(pgSz, "w:w");
      const h = attr(pgSz, "w:h");
      if (w !== undefined && h !== undefined) {
        setAttr(pgSz, "w:w", h);
        setAttr(pgSz, "w:h", w);
      }
      if (opts.landscape) setAttr(pgSz, "w:orient", "landscape");
      else pgSz.attrs = pgSz.attrs.filter(([n]) => n !== "w:orient");
    }
    return serializeXml(el);
  }
}
