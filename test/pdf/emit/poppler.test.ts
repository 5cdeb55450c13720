/**
 * The emitted PDF as other tools see it: qpdf --check, pdftotext (the text
 * back exactly, in all four faces), pdffonts (embedded subsets with ToUnicode),
 * word positions (y down, baseline), and an incremental update appended later
 * (as a signing tool does). Skips when poppler-utils or qpdf is not installed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "@cantoo/pdf-lib";
import { hasCommand } from "../../../src/tools/external.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitPdf } from "../../../src/pdf/emit/emit-pdf.ts";
import type { FontSet } from "../../../src/pdf/fonts/font-set.ts";
import { packageFontSet, systemFontSet } from "./emit-helpers.ts";
import { VIETNAMESE_LINE, fourFacesDocument, longDocument } from "./sample-document.ts";

const has = hasCommand;

const TOOLS = ["pdftotext", "pdffonts", "pdfinfo", "qpdf"];
const lacking = TOOLS.filter((t) => !has(t));
if (lacking.length) console.warn(`Skipping the poppler/qpdf checks of the emitted PDF: ${lacking.join(", ")} not installed (apt-get install poppler-utils qpdf)`);

const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });
const words = (s: string) => s.split(/\s+/).filter(Boolean).join(" ");

describe.skipIf(lacking.length > 0)("the emitted PDF in poppler and qpdf", () => {
  const dir = mkdtempSync(join(tmpdir(), "ktd-pdf-"));
  const sets: [string, FontSet][] = [];
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    sets.push(["package", await packageFontSet()]);
    const sys = await systemFontSet();
    if (sys) sets.push(["system", sys]);
  });

  /** The four-faces document emitted once per font set, shared by the checks that only read it. */
  const fourFaces = new Map<string, Promise<Uint8Array>>();
  const emitted = (name: string, fonts: FontSet) => {
    if (!fourFaces.has(name)) fourFaces.set(name, emitPdf(fourFacesDocument(fonts), fonts));
    return fourFaces.get(name)!;
  };

  const write = (name: string, bytes: Uint8Array) => {
    const p = join(dir, name);
    writeFileSync(p, bytes);
    return p;
  };

  it("passes qpdf --check and gives the Vietnamese text back exactly in all four faces", async () => {
    for (const [name, fonts] of sets) {
      const file = write(`${name}.pdf`, await emitted(name, fonts));
      expect(run("qpdf", ["--check", file])).toContain("No syntax or stream encoding errors");
      expect(words(run("pdftotext", [file, "-"]))).toBe(Array(4).fill(VIETNAMESE_LINE).join(" "));
    }
  });

  it("embeds every font as a subset with a ToUnicode map", async () => {
    for (const [name, fonts] of sets) {
      const file = write(`${name}.pdf`, await emitted(name, fonts));
      const rows = run("pdffonts", [file]).trim().split("\n").slice(2);
      expect(rows.length).toBeGreaterThanOrEqual(4);
      for (const row of rows) expect(row).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes\s/);
    }
  });

  it("puts words where the layout said: x from the left, baseline y from the top", async () => {
    const [name, fonts] = sets[0]!;
    const file = write(`${name}.pdf`, await emitted(name, fonts));
    const html = run("pdftotext", ["-bbox", file, "-"]);
    const first = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Cộng<\/word>/.exec(html);
    expect(first).not.toBeNull();
    const [xMin, yMin, xMax, yMax] = first!.slice(1).map(Number) as [number, number, number, number];
    expect(xMin).toBeCloseTo(85, 1);
    expect(xMax - xMin).toBeCloseTo(fonts.width("Cộng", "regular", 13), 1);
    expect(yMin).toBeLessThan(100);
    expect(yMax).toBeGreaterThan(100);
    expect(yMax - 100).toBeLessThan(100 - yMin); // baseline near the bottom of the box
  });

  it("shows the metadata and a landscape page in pdfinfo", async () => {
    const [, fonts] = sets[0]!;
    const file = write("info.pdf", await emitPdf(longDocument(fonts, 3, 500, true), fonts));
    const info = run("pdfinfo", ["-f", "1", "-l", "3", file]);
    expect(info).toContain("Title:           Kế hoạch tổ chức phong trào thi đua năm 2020");
    expect(info).toContain("Encrypted:       no");
    expect(info).toMatch(/Page\s+1 size:\s+595\.28 x 841\.89/);
    expect(info).toMatch(/Page\s+3 size:\s+841\.89 x 595\.28/);
    expect(info).toContain("Pages:           3");
  });

  it("survives incremental updates appended to it (as signatures are): a hand-written one, then pdf-lib's", async () => {
    const [name, fonts] = sets[0]!;
    const original = await emitted(name, fonts);
    const text = Buffer.from(original).toString("latin1");
    const trailer = text.slice(text.lastIndexOf("trailer"));
    const size = Number(/\/Size (\d+)/.exec(trailer)![1]);
    const root = /\/Root (\d+ 0 R)/.exec(trailer)![1];
    const id = /\/ID (\[[^\]]*\])/.exec(trailer)![1];
    const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf("startxref")))![1]);
    // One new object (a new Info dictionary), its xref section and a trailer pointing back with /Prev.
    const objAt = original.length + 1;
    let update = `\n${size} 0 obj\n<< /Title (Signed) >>\nendobj\n`;
    const xrefAt = original.length + update.length;
    update += `xref\n${size} 1\n${String(objAt).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /ID ${id} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    const handUpdated = write("hand-updated.pdf", Buffer.concat([original, Buffer.from(update, "latin1")]));
    expect(run("qpdf", ["--check", handUpdated])).toContain("No syntax or stream encoding errors");
    expect(run("pdfinfo", [handUpdated])).toContain("Title:           Signed");

    // pdf-lib's incremental save, adding objects as a visible signature does.
    const doc = await PDFDocument.load(original, { forIncrementalUpdate: true, updateMetadata: false });
    doc.setSubject("Đã ký số");
    doc.getPage(0).drawRectangle({ x: 400, y: 60, width: 120, height: 40, borderWidth: 1 });
    const updated = await doc.save({ useObjectStreams: false });
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const file = write("updated.pdf", updated);
    expect(run("qpdf", ["--check", file])).toContain("No syntax or stream encoding errors");
    expect(run("pdfinfo", [file])).toContain("Subject:         Đã ký số");
    expect(words(run("pdftotext", [file, "-"]))).toBe(Array(4).fill(VIETNAMESE_LINE).join(" "));
  });
});
