/**
 * The minutes' two-signature layout, in both outputs, for every order of
 * signers: THƯ KÝ (or the first other signer) left, CHỦ TỌA (or the next
 * other signer) right, the seal with the right side; nobody drawn twice or
 * dropped. The DOCX is read cell by cell, the PDF by the x of each name.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument, lineHeight } from "../../src/arrange/arrange.ts";
import type { AdminDocument, SignatureBlock } from "../../src/document/model.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { TextItem } from "../../src/pdf/types.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { childElements, parseXml, type XmlElement } from "../../src/render/docx/xml.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, findAll, paragraphTexts, part } from "../render/docx/docx-helpers.ts";
import { minutesDocument } from "../render/docx/fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);

const secretary: SignatureBlock = { role: "secretary", lines: ["THƯ KÝ"], name: "Nguyễn Văn Thư" };
const chair: SignatureBlock = { role: "chair", lines: ["CHỦ TỌA"], name: "Dương Văn Chủ" };
const member: SignatureBlock = { role: "member", lines: ["ĐẠI DIỆN ĐƠN VỊ", "SỞ Y TẾ"], name: "Trần Văn Viên" };
const other: SignatureBlock = { role: "member", lines: ["ĐẠI DIỆN ĐƠN VỊ"], name: "Lê Thị Khác" };

/** Signers in the order given → the names expected [left, right] ("" for an empty side). */
const CASES: [string, SignatureBlock[], [string, string]][] = [
  ["secretary, chair", [secretary, chair], [secretary.name, chair.name]],
  ["chair, secretary", [chair, secretary], [secretary.name, chair.name]],
  ["chair, member", [chair, member], [member.name, chair.name]],
  ["member, chair", [member, chair], [member.name, chair.name]],
  ["secretary, member", [secretary, member], [secretary.name, member.name]],
  ["member, secretary", [member, secretary], [secretary.name, member.name]],
  ["member, other", [member, other], [member.name, other.name]],
  ["chair alone", [chair], ["", chair.name]],
  ["secretary alone", [secretary], [secretary.name, ""]],
];

function minutesWith(signatures: SignatureBlock[]): AdminDocument {
  return { ...minutesDocument(), signatures };
}

/** Texts of the two cells of the signature table (the last table before Nơi nhận). */
function docxSides(doc: AdminDocument): [string[], string[]] {
  const xml = part(docxParts(renderDocx(doc, shell, arrangeDocument(doc, style, testFonts), style)), "word/document.xml");
  const body = findAll(parseXml(xml).root, "w:body")[0]!;
  const tables = childElements(body).filter((e) => e.name === "w:tbl");
  const row = findAll(tables[tables.length - 1]!, "w:tr")[0]!;
  const cells = childElements(row).filter((e) => e.name === "w:tc");
  expect(cells).toHaveLength(2);
  const texts = (c: XmlElement) => paragraphTexts(`<w:body xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${serialize(c)}</w:body>`).filter((t) => t !== "");
  return [texts(cells[0]!), texts(cells[1]!)];
}

/** A cell back to XML text, enough for paragraphTexts (only w:p, w:r and w:t matter). */
function serialize(el: XmlElement): string {
  return findAll(el, "w:p")
    .map((p) => `<w:p>${findAll(p, "w:t").map((t) => `<w:r><w:t>${escape(textOf(t))}</w:t></w:r>`).join("")}</w:p>`)
    .join("");
}
const textOf = (el: XmlElement): string => el.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** Where each name is drawn in the PDF: "left" or "right" half of the text area, once per occurrence. */
function pdfSides(doc: AdminDocument): { names: Map<string, ("left" | "right")[]>; seal: ("left" | "right")[] } {
  const laid = layoutDocument(doc, style, testFonts);
  const left = style.page.marginLeftMm * (72 / 25.4);
  const mid = left + (arrangeDocument(doc, style, testFonts).textWidth / 2);
  const names = new Map<string, ("left" | "right")[]>();
  const seal: ("left" | "right")[] = [];
  for (const page of laid.pages) {
    const words = page.items.filter((i): i is TextItem => i.kind === "text");
    for (const sig of doc.signatures) {
      // A name is drawn as one item per word when justified; its first word's x decides.
      const first = sig.name.split(" ")[0]!;
      const hits = words.filter((w) => w.text === sig.name || w.text === first);
      for (const h of hits) names.set(sig.name, [...(names.get(sig.name) ?? []), h.x < mid ? "left" : "right"]);
    }
    for (const a of page.anchors) if (a.name.startsWith("ky.co-quan")) seal.push(a.x + a.w / 2 < mid ? "left" : "right");
  }
  return { names, seal };
}

describe("the minutes' two signatures", () => {
  for (const [label, sigs, [left, right]] of CASES) {
    const doc = minutesWith(sigs);
    it(`${label}: DOCX and PDF put ${left || "nobody"} left and ${right || "nobody"} right`, () => {
      const [l, r] = docxSides(doc);
      expect(l.includes(left) || left === "", `DOCX left cell ${JSON.stringify(l)}`).toBe(true);
      expect(r.includes(right) || right === "", `DOCX right cell ${JSON.stringify(r)}`).toBe(true);
      if (left === "") expect(l).toEqual([]);
      if (right === "") expect(r).toEqual([]);
      // Every signer exactly once in the DOCX.
      for (const s of sigs) expect([...l, ...r].filter((t) => t === s.name), s.name).toHaveLength(1);

      const { names, seal } = pdfSides(doc);
      for (const s of sigs) expect(names.get(s.name), `PDF ${s.name}`).toEqual([s.name === left ? "left" : "right"]);
      // The organisation's seal goes with the right side (CHỦ TỌA), when there is one.
      expect(seal).toEqual(right !== "" ? ["right"] : []);
    });
  }

  it("levels the names: the side with fewer title lines gets their height in its name's space before, in both outputs", () => {
    const doc = minutesWith([chair, member]);
    const a = arrangeDocument(doc, style, testFonts).signature!;
    expect(a.layout).toBe("pair");
    if (a.layout !== "pair") return;
    expect(a.left?.lines).toEqual(["ĐẠI DIỆN ĐƠN VỊ", "SỞ Y TẾ"]);
    expect(a.right?.lines).toEqual(["CHỦ TỌA"]);
    expect(a.left?.nameSpaceBefore).toBe(a.left?.signatureSpace);
    expect(a.right!.nameSpaceBefore - a.right!.signatureSpace).toBeCloseTo(lineHeight(style.styles.signatureTitle, testFonts), 6);
    const laid = layoutDocument(doc, style, testFonts);
    const ys = laid.pages.flatMap((p) => p.items).filter((i): i is TextItem => i.kind === "text" && (i.text === "Trần" || i.text === "Dương" || i.text === member.name || i.text === chair.name));
    expect(new Set(ys.map((i) => i.y)).size).toBe(1);
  });
});
