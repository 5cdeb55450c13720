/**
 * The DOCX says spacing with spacing: no empty paragraph stands for space. The
 * room for the signature is the name's space before, as the arrangement gives
 * it; a side of the minutes with fewer title lines levels its name the same
 * way. The only empty paragraphs left are the drawn lines (a Rule paragraph's
 * bottom border), a name left blank to be written by hand (it still carries
 * the room above it), a paragraph that carries a section's properties, and
 * the one paragraph a table cell must hold when it has nothing to show.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument, signatureSpace } from "../../../src/arrange/arrange.ts";
import type { AdminDocument } from "../../../src/document/model.ts";
import { STYLE } from "../../../src/document/style-roles.ts";
import { renderDocx } from "../../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { readShellStyle } from "../../../src/render/docx/style.ts";
import { attr, childElements, parseXml, type XmlElement } from "../../../src/render/docx/xml.ts";
import { testFonts } from "../../helpers/render-docx.ts";
import { docxParts, findAll, part } from "./docx-helpers.ts";
import { minutesDocument, planDocument, proposalDocument } from "./fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);

const styleOf = (p: XmlElement): string | undefined => {
  const pPr = childElements(p).find((e) => e.name === "w:pPr");
  const ps = pPr && childElements(pPr).find((e) => e.name === "w:pStyle");
  return ps ? attr(ps, "w:val") : undefined;
};
const spacingBefore = (p: XmlElement): number | undefined => {
  const pPr = childElements(p).find((e) => e.name === "w:pPr");
  const sp = pPr && childElements(pPr).find((e) => e.name === "w:spacing");
  const v = sp ? attr(sp, "w:before") : undefined;
  return v === undefined ? undefined : Number(v);
};
/** Shows something: text, a tab or a break. */
const hasContent = (p: XmlElement) => findAll(p, "w:t").length + findAll(p, "w:br").length + findAll(p, "w:tab").length > 0;

function body(doc: AdminDocument): XmlElement {
  const xml = part(docxParts(renderDocx(doc, shell, arrangeDocument(doc, style, testFonts), style)), "word/document.xml");
  return findAll(parseXml(xml).root, "w:body")[0]!;
}

/** Empty paragraphs that are not a drawn line, a section's end or a cell's one paragraph. */
function spacers(root: XmlElement): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (el: XmlElement) => {
    const kids = childElements(el);
    const paras = kids.filter((k) => k.name === "w:p");
    for (const k of kids) {
      if (k.name !== "w:p") walk(k);
      else if (!hasContent(k) && styleOf(k) !== STYLE.rule && styleOf(k) !== STYLE.signatureName && findAll(k, "w:sectPr").length === 0 && !(el.name === "w:tc" && paras.length === 1)) out.push(k);
    }
  };
  walk(root);
  return out;
}

const cases: [string, AdminDocument][] = [
  ["plan", planDocument()],
  ["proposal", proposalDocument()],
  ["minutes", minutesDocument()],
  ["minutes, sides of different lengths", { ...minutesDocument(), signatures: [
    { role: "secretary", lines: ["THƯ KÝ"], name: "Nguyễn Văn Thư" },
    { role: "chair", lines: ["CHỦ TỌA", "GIÁM ĐỐC SỞ Y TẾ"], name: "Dương Văn Chủ" },
  ] }],
  ["two signers", { ...planDocument(), signatures: [
    { role: "leader", lines: ["TM. KHỐI THI ĐUA"], name: "Nguyễn Văn A" },
    { role: "deputy", lines: ["PHÓ KHỐI TRƯỞNG"], name: "Trần Văn B" },
  ] }],
];

describe("DOCX spacing", () => {
  for (const [label, doc] of cases) {
    it(`${label}: no empty paragraph stands for space; each name's space before is the arrangement's`, () => {
      const root = body(doc);
      expect(spacers(root).map((p) => styleOf(p) ?? "(no style)")).toEqual([]);
      const arr = arrangeDocument(doc, style, testFonts).signature!;
      const sides = arr.layout === "single" ? arr.signers : [arr.left, arr.right].filter((s) => s !== undefined);
      const names = findAll(root, "w:p").filter((p) => styleOf(p) === STYLE.signatureName);
      expect(names.map(spacingBefore)).toEqual(sides.map((s) => Math.round(s.nameSpaceBefore * 20)));
      // The room for the signature: four lines of the shell's Signature Space style (85 pt in ours).
      for (const s of sides) expect(s.signatureSpace).toBe(signatureSpace(style.styles, testFonts));
      expect(signatureSpace(style.styles, testFonts)).toBe(85);
    });
  }
});
