/** Empty signature fields from the layout's "ky.*" anchors: names, structure, placement, determinism, no change to the text. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFString } from "@cantoo/pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitPdf } from "../../../src/pdf/emit/emit-pdf.ts";
import { signatureFieldPlacements } from "../../../src/pdf/emit/signature-fields.ts";
import type { FontSet } from "../../../src/pdf/fonts/font-set.ts";
import type { Anchor, LaidOutDocument } from "../../../src/pdf/types.ts";
import { listSignatureFields } from "../../../src/sign/pdf-fields.ts";
import { hasCommand } from "../../../src/tools/external.ts";
import { latin1, packageFontSet } from "./emit-helpers.ts";
import { A4, fourFacesDocument } from "./sample-document.ts";

let fonts: FontSet;
beforeAll(async () => {
  fonts = await packageFontSet();
});

const ANCHORS: Anchor[] = [
  { name: "ky.nguoi-ky", x: 327.4, y: 467.3, w: 170, h: 85 },
  { name: "ky.co-quan", x: 299.1, y: 467.3, w: 85, h: 85 },
  { name: "not-a-field", x: 10, y: 10, w: 10, h: 10 },
];

function withAnchors(anchors: Anchor[]): LaidOutDocument {
  const doc = fourFacesDocument(fonts);
  return { ...doc, pages: doc.pages.map((p) => ({ ...p, anchors })) };
}

const N = PDFName.of;

describe("signature fields", () => {
  it("turns every ky.* anchor into an empty /Sig field with one widget, named as the anchor, under a parent field 'ky'", async () => {
    const bytes = await emitPdf(withAnchors(ANCHORS), fonts);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const fields = listSignatureFields(pdf);
    expect(fields.map((f) => [f.name, f.signed, f.page])).toEqual([
      ["ky.nguoi-ky", false, 0],
      ["ky.co-quan", false, 0],
    ]);
    const [signer] = fields;
    // y from the top in the layout; from the bottom in PDF.
    expect(signer!.rect).toEqual([327.4, Math.round((A4.height - 467.3 - 85) * 100) / 100, 497.4, Math.round((A4.height - 467.3) * 100) / 100]);
    const w = signer!.widget;
    expect(w.lookup(N("FT"))).toBe(N("Sig"));
    expect(w.lookup(N("Subtype"))).toBe(N("Widget"));
    expect(w.lookup(N("F"), PDFNumber).asNumber()).toBe(4); // printed once signed, never hidden
    expect(w.get(N("P"))).toBe(pdf.getPage(0).ref);
    expect(w.lookup(N("T"), PDFString).decodeText()).toBe("nguoi-ky");
    const parent = w.lookup(N("Parent"), PDFDict);
    expect(parent.lookup(N("T"), PDFString).decodeText()).toBe("ky");
    expect(parent.lookup(N("Kids"), PDFArray).size()).toBe(2);
    // An empty appearance: nothing drawn until signed.
    const ap = w.lookup(N("AP"), PDFDict).lookup(N("N"));
    expect(ap).toBeInstanceOf(PDFRawStream);
    expect((ap as PDFRawStream).getContents().length).toBe(0);
    const form = pdf.catalog.lookup(N("AcroForm"), PDFDict);
    expect(form.lookup(N("SigFlags"), PDFNumber).asNumber()).toBe(1);
    expect(form.lookup(N("Fields"), PDFArray).size()).toBe(1);
    expect(pdf.getPage(0).node.Annots()?.size()).toBe(2);
  });

  it("adds no AcroForm to a document without ky.* anchors", async () => {
    const bytes = await emitPdf(withAnchors([ANCHORS[2]!]), fonts);
    expect(latin1(bytes)).not.toContain("/AcroForm");
    expect(latin1(bytes)).not.toContain("/Widget");
  });

  it("gives the same bytes on every build", async () => {
    const a = await emitPdf(withAnchors(ANCHORS), fonts);
    const b = await emitPdf(withAnchors(ANCHORS), await packageFontSet());
    expect(b).toEqual(a);
  });

  it("refuses two fields of one name, a name a PDF field cannot have, and a field without area", () => {
    const doc = (anchors: Anchor[]) => withAnchors(anchors);
    expect(() => signatureFieldPlacements(doc([ANCHORS[0]!, ANCHORS[0]!]))).toThrow('two signature fields named "ky.nguoi-ky"');
    expect(() => signatureFieldPlacements(doc([{ ...ANCHORS[0]!, name: "ky.người ký" }]))).toThrow("must be ASCII");
    expect(() => signatureFieldPlacements(doc([{ ...ANCHORS[0]!, name: "ky..x" }]))).toThrow("must be ASCII");
    expect(() => signatureFieldPlacements(doc([{ ...ANCHORS[0]!, w: 0 }]))).toThrow("no area");
  });

  describe.skipIf(!hasCommand("pdftotext") || !hasCommand("qpdf") || !hasCommand("pdfsig"))("in poppler and qpdf", () => {
    const dir = mkdtempSync(join(tmpdir(), "ktd-fields-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: "utf8" });

    it("reads, prints and checks as before; pdfsig lists the fields as unsigned", async () => {
      const plain = join(dir, "plain.pdf");
      const withFields = join(dir, "fields.pdf");
      writeFileSync(plain, await emitPdf(withAnchors([]), fonts));
      writeFileSync(withFields, await emitPdf(withAnchors(ANCHORS), fonts));
      expect(run("pdftotext", [withFields, "-"])).toBe(run("pdftotext", [plain, "-"]));
      expect(run("qpdf", ["--check", withFields])).toContain("No syntax or stream encoding errors");
      const sig = run("pdfsig", [withFields]);
      expect(sig).toContain("Signature Field Name: ky.nguoi-ky");
      expect(sig).toContain("Signature Field Name: ky.co-quan");
      expect(sig.match(/The signature form field is not signed\./g)).toHaveLength(2);
      // Rendered, the page is the same picture with and without the (empty) fields.
      execFileSync("pdftoppm", ["-r", "40", "-png", plain, join(dir, "plain")]);
      execFileSync("pdftoppm", ["-r", "40", "-png", withFields, join(dir, "fields")]);
      const { readFileSync } = await import("node:fs");
      expect(readFileSync(join(dir, "fields-1.png")).equals(readFileSync(join(dir, "plain-1.png")))).toBe(true);
    });
  });
});
