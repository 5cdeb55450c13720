/**
 * An appendix issued as a separate file (not made yet: our appendices are
 * inside their main document): the layout puts the organisation's field at
 * the top right of page 1, emit makes it a field, the sign command signs it
 * with text only (no image), as Decree 30 asks.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emitPdf } from "../../src/pdf/emit/emit-pdf.ts";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { LaidOutDocument } from "../../src/pdf/types.ts";
import { checkProject } from "../../src/pipeline.ts";
import { readShellStyle, type ShellStyle } from "../../src/render/docx/style.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { readPkcs12 } from "../../src/sign/p12.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { testIdentity } from "./identity.ts";
import { findSignatures, verifySignature } from "./verify.ts";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";

const MM = 72 / 25.4;
let fonts: FontSet;
let style: ShellStyle;
let laid: LaidOutDocument;
let plain: LaidOutDocument;
const tmp = mkdtempSync(join(tmpdir(), "ktd-appendix-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(async () => {
  const checked = await checkProject(exampleWorld());
  style = readShellStyle(new Uint8Array(readFileSync(join(REPO, "templates", "shell.docx"))));
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  const doc = checked.documents.find((d) => d.doc.stem === "bao-cao-tong-ket")!.doc;
  laid = layoutDocument(doc, style, fonts, { separateAppendix: true });
  plain = layoutDocument(doc, style, fonts);
}, 60_000);

describe("an appendix issued as a separate file", () => {
  it("has the organisation's field at the top right of page 1, in the top margin, clear of every text", () => {
    const anchor = laid.pages[0]!.anchors.find((a) => a.name === FIELD.appendixSeal)!;
    expect(anchor).toBeDefined();
    const page = laid.pages[0]!;
    expect(anchor.x + anchor.w).toBeCloseTo(page.width - style.page.marginRightMm * MM, 1);
    expect(anchor.y).toBeGreaterThan(0);
    expect(anchor.y + anchor.h).toBeLessThanOrEqual(style.page.marginTopMm * MM);
    for (const it of page.items) if (it.kind === "text") expect(it.y - it.size, it.text).toBeGreaterThan(anchor.y + anchor.h);
    // Nothing else moves.
    expect(laid.pages.map((p) => p.items)).toEqual(plain.pages.map((p) => p.items));
    expect(laid.pages.slice(1).map((p) => p.anchors)).toEqual(plain.pages.slice(1).map((p) => p.anchors));
    expect(plain.pages.flatMap((p) => p.anchors).some((a) => a.name === FIELD.appendixSeal)).toBe(false);
  });

  it("signs it with text only: the organisation and the signing time", async () => {
    const bytes = await emitPdf(laid, fonts);
    const t = testIdentity({ commonName: "Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh", organization: "UBND tỉnh Trà Vinh" });
    const r = await signPdf(bytes, { identity: readPkcs12(t.p12, t.password), fonts, clock: () => new Date("2021-02-05T02:30:00Z"), field: FIELD.appendixSeal });
    expect(r.field).toBe(FIELD.appendixSeal);
    expect(findSignatures(r.bytes).map((s) => verifySignature(r.bytes, s).ok)).toEqual([true]);
    if (hasCommand("pdfsig")) {
      const file = join(tmp, "appendix.pdf");
      writeFileSync(file, r.bytes);
      expect(run("pdfsig", [file])).toMatch(/Signature Field Name: ky\.co-quan-phu-luc[\s\S]*?Signature is Valid/);
    }
  });
});
