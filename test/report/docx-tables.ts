/** The tables of a DOCX as rows of cell texts, read from word/document.xml with pizzip (for comparing figures). */
import PizZip from "pizzip";

const decodeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** The text of a piece of WordprocessingML: its w:t runs, paragraphs joined by a space. */
function textOf(xml: string): string {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeXml(t[1]!)).join(""))
    .join(" ")
    .replace(/\s+/g, " ")
    .trim();
}

/** Every table of the document, in order; each row its cells' texts. (Our DOCX has no nested tables.) */
export function docxTables(bytes: Uint8Array): string[][][] {
  const xml = new PizZip(bytes).file("word/document.xml")!.asText();
  return [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) => [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))));
}

/** The whole text of the document body. */
export function docxText(bytes: Uint8Array): string {
  return textOf(new PizZip(bytes).file("word/document.xml")!.asText());
}
