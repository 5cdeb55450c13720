import { parseXml } from "../../src/render/docx/xml.ts";
import { findAll } from "../render/docx/docx-helpers.ts";

/** Each table of a document.xml, as rows of cell texts (paragraphs of a cell joined by a space). */
export function docxTables(documentXml: string): string[][][] {
  const root = parseXml(documentXml).root;
  const text = (el: Parameters<typeof findAll>[0]) =>
    findAll(el, "w:p")
      .map((p) => findAll(p, "w:t").map((t) => t.children.join("")).join(""))
      .join(" ")
      .trim();
  return findAll(root, "w:tbl").map((tbl) => findAll(tbl, "w:tr").map((tr) => findAll(tr, "w:tc").map(text)));
}
