/** Reading rendered DOCX files back in tests. */
import PizZip from "pizzip";
import { childElements, parseXml, type XmlElement, type XmlNode } from "../../../src/render/docx/xml.ts";

/** Parts of a DOCX as text, by entry name; throws if the ZIP is invalid. */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  const zip = new PizZip(bytes);
  const parts = new Map<string, string>();
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir) parts.set(name, file.asText());
  return parts;
}

export function part(parts: Map<string, string>, name: string): string {
  const text = parts.get(name);
  if (text === undefined) throw new Error(`no part ${name}`);
  return text;
}

/** Every element named `name` in document order. */
export function findAll(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (node: XmlNode): void => {
    if (typeof node === "string") return;
    if (node.name === name) out.push(node);
    node.children.forEach(walk);
  };
  walk(el);
  return out;
}

/** The text of each paragraph (w:t, w:tab as a tab, w:br as a new line), in document order, including those in tables. */
export function paragraphTexts(documentXml: string): string[] {
  const root = parseXml(documentXml).root;
  return findAll(root, "w:p").map((p) =>
    findAll(p, "w:r")
      .flatMap((r) => childElements(r))
      .map((c) => (c.name === "w:t" ? c.children.join("") : c.name === "w:tab" ? "\t" : c.name === "w:br" ? "\n" : ""))
      .join(""),
  );
}

/** Asserts that each needle occurs in `haystack` after the previous one; returns the missing one. */
export function firstOutOfOrder(haystack: string[], needles: string[]): string | undefined {
  let at = 0;
  for (const needle of needles) {
    const found = haystack.findIndex((h, i) => i >= at && h.includes(needle));
    if (found < 0) return needle;
    at = found;
  }
  return undefined;
}
