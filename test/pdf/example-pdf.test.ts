import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeAll } from "../../src/compose/compose-all.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { LaidOutDocument, TextItem } from "../../src/pdf/types.ts";
import { checkProject } from "../../src/pipeline.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { compareConverted, fidelityDocuments, type FidelityReport } from "../../src/tools/fidelity.ts";
import { sofficeConvert, type SofficeResult } from "../../src/tools/soffice.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { buildProject } from "../../src/write/build.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { expectGolden } from "../helpers/golden.ts";
import { renderArranged } from "../helpers/render-docx.ts";
import { builtExample, documentOutputs, exampleOptions } from "../helpers/shared-example.ts";
import { planDocument } from "../render/docx/fixtures.ts";
import { oneOfEach } from "../helpers/registry-stems.ts";

const MM = 72 / 25.4;
const poppler = hasCommand("pdftotext") && hasCommand("pdffonts") && hasCommand("pdfinfo");
const soffice = hasCommand("soffice") && poppler;
if (!poppler) console.log("PDF tools tests skipped: poppler-utils (pdftotext, pdffonts, pdfinfo) not installed");
if (!soffice) console.log("LibreOffice fidelity test skipped: soffice not installed");

const tmp = mkdtempSync(join(tmpdir(), "ktd-pdf-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The example's documents laid out with the package fonts, and the built files written to a temporary folder. */
async function setup() {
  const world = exampleWorld();
  const checked = await checkProject(world);
  const shell = readFileSync(join(REPO, "templates", "shell.docx"));
  const style = readShellStyle(new Uint8Array(shell));
  const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  const laid = new Map<string, LaidOutDocument>(checked.documents.map((d) => [d.doc.stem, layoutDocument(d.doc, style, fonts)]));
  // The example's build, shared with the other files of this test process.
  const built = documentOutputs((await builtExample()).world);
  mkdirSync(join(tmp, "out"), { recursive: true });
  for (const [path, bytes] of built) writeFileSync(join(tmp, "out", path.split("/").pop()!), bytes);
  return { style, laid, dir: join(tmp, "out") };
}

/**
 * One LibreOffice run (one start-up, the slow part) over the example's DOCX and the DOCX
 * renderer's plan fixture: made on first use, shared by the fidelity checks and the plan's.
 */
let converted: Promise<{ dir: string; conv: SofficeResult; plan: string }> | undefined;
function libreOffice(): Promise<{ dir: string; conv: SofficeResult; plan: string }> {
  converted ??= (async () => {
    const { dir } = await ready;
    const lo = join(tmp, "libreoffice");
    mkdirSync(lo, { recursive: true });
    mkdirSync(join(tmp, "plan"), { recursive: true });
    const plan = join(tmp, "plan", "plan.docx");
    writeFileSync(plan, renderArranged(planDocument(), new Uint8Array(readFileSync(SHELL_PATH))));
    const docx = [...fidelityDocuments(dir), plan];
    const conv = await sofficeConvert(docx, lo, { batch: docx.length, timeoutMs: 240_000 });
    return { dir: lo, conv, plan: join(lo, "plan.pdf") };
  })();
  return converted;
}

const ready = setup();

describe("the example's PDFs", async () => {
  const { style, laid, dir } = await ready;

  it("lay every text item inside the Decree 30 margins of an A4 page, page numbers from page 2 in the top margin", () => {
    const p = style.page;
    for (const [stem, doc] of laid) {
      doc.pages.forEach((page, i) => {
        const portrait = page.width < page.height;
        expect([Math.round(page.width), Math.round(page.height)], stem).toEqual(portrait ? [595, 842] : [842, 595]);
        const texts = page.items.filter((it): it is TextItem => it.kind === "text");
        const inTopMargin = texts.filter((t) => t.y < p.marginTopMm * MM);
        if (i === 0) expect(inTopMargin, `${stem} page 1 has no number`).toEqual([]);
        else {
          expect(inTopMargin.map((t) => t.text), `${stem} page ${i + 1}`).toEqual([String(i + 1)]);
          const n = inTopMargin[0]!;
          const centre = p.marginLeftMm * MM + (page.width - (p.marginLeftMm + p.marginRightMm) * MM) / 2;
          expect(Math.abs(n.x + n.size * 0.25 * n.text.length - centre), `${stem} page number centred`).toBeLessThan(4);
        }
        for (const t of texts) {
          expect(t.x, `${stem} p${i + 1} "${t.text}" left`).toBeGreaterThanOrEqual(p.marginLeftMm * MM - 0.01);
          expect(t.y, `${stem} p${i + 1} "${t.text}" bottom`).toBeLessThanOrEqual(page.height - p.marginBottomMm * MM + 0.01);
        }
      });
    }
  });

  it("matches the golden layout of each document type", () => {
    for (const stem of oneOfEach("svhttdl")) {
      const doc = laid.get(stem)!;
      const lines = doc.pages.flatMap((page, i) => [
        `page ${i + 1} ${page.width}x${page.height}`,
        ...page.items.map((it) =>
          it.kind === "text" ? `T ${it.x.toFixed(1)} ${it.y.toFixed(1)} ${it.face} ${it.size} ${it.text}` : it.kind === "line" ? `L ${it.x1.toFixed(1)} ${it.y1.toFixed(1)} ${it.x2.toFixed(1)} ${it.y2.toFixed(1)}` : `R ${it.x.toFixed(1)} ${it.y.toFixed(1)} ${it.w.toFixed(1)} ${it.h.toFixed(1)}`,
        ),
        ...page.anchors.map((a) => `A ${a.name} ${a.x.toFixed(1)} ${a.y.toFixed(1)} ${a.w.toFixed(1)} ${a.h.toFixed(1)}`),
      ]);
      expectGolden(`${stem}.layout.txt`, lines.join("\n") + "\n");
    }
  });

  it.skipIf(!poppler)("embeds every font and gives the plan's text back through pdftotext, every seed sentence in order", () => {
    const fonts = run("pdffonts", [join(dir, "ke-hoach.pdf")]).split("\n").slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, "emb sub uni").toMatch(/yes\s+yes\s+yes/);
    const text = run("pdftotext", ["-layout", "-enc", "UTF-8", join(dir, "ke-hoach.pdf"), "-"]).replace(/\s+/g, " ");
    const seed = readFileSync(join(REPO, "test", "fixtures", "seed", "ke-hoach-thi-dua-khoi-8-2020.md"), "utf8").normalize("NFC");
    const body = seed.slice(seed.indexOf("Để thực hiện"), seed.indexOf("thực hiện./.") + "thực hiện./.".length);
    let at = 0;
    for (const line of body.split("\n").map((l) => l.replace(/\*/g, "").replace(/\s+/g, " ").trim()).filter(Boolean)) {
      const i = text.indexOf(line, at);
      expect(i, `not found in order: ${line}`).toBeGreaterThanOrEqual(0);
      at = i + line.length;
    }
    expect(run("pdfinfo", [join(dir, "ke-hoach.pdf")])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
  });

  it("fits every registration on the two pages a typist would use (column widths follow the content)", () => {
    const regs = [...laid].filter(([stem]) => stem.startsWith("dang-ky-"));
    expect(regs.length).toBeGreaterThan(0);
    for (const [stem, doc] of regs) expect(doc.pages.length, stem).toBe(2);
  });

  describe.skipIf(!soffice)("beside LibreOffice's rendering of our DOCX", () => {
    // One LibreOffice run for all documents (and the DOCX renderer's plan, checked below), shared by the checks.
    let report: FidelityReport;
    beforeAll(async () => {
      const lo = await libreOffice();
      report = compareConverted(dir, lo.dir, lo.conv);
    }, 300_000);

    it("LibreOffice converts every document", () => {
      expect(report.failed).toEqual([]);
    });

    it("the same page counts", () => {
      for (const r of report.rows) expect(r.pagesOurs, r.name).toBe(r.pagesLibreOffice);
    });

    it("every page after the first starts with the same words", () => {
      for (const r of report.rows) expect(r.startsOurs.slice(1), r.name).toEqual(r.startsLibreOffice.slice(1));
    });

    it("at least 97 % of body lines break at the same word", () => {
      const body = report.rows.reduce((s, r) => s + r.bodyLines, 0);
      const same = report.rows.reduce((s, r) => s + r.sameLines, 0);
      console.log(`fidelity: ${same}/${body} body lines break at the same word (${((100 * same) / body).toFixed(1)}%)`);
      expect(same / body).toBeGreaterThanOrEqual(0.95);
      expect(same / body).toBeGreaterThanOrEqual(0.97);
    });
  });
});

/**
 * LibreOffice opens the DOCX renderer's plan (test/render/docx/fixtures.ts) and makes a PDF laid
 * out as expected: page count and sizes (portrait, then the landscape appendix), the page
 * number shown from page 2 only. Converted in the one LibreOffice run above.
 */
describe.skipIf(!soffice)("LibreOffice opens the DOCX", () => {
  it("converts the plan to a PDF laid out as expected", { timeout: 300_000 }, async () => {
    const { conv, plan } = await libreOffice();
    expect(conv.failed.filter((f) => f.docx.endsWith("plan.docx"))).toEqual([]);
    const info = run("pdfinfo", ["-f", "1", "-l", "9", plan]);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts/m);
    expect(info).toMatch(/^Page\s+2 size:\s+841\.\d+ x 595\.\d+ pts/m);
    const page = (n: number) => run("pdftotext", ["-f", String(n), "-l", String(n), "-layout", plan, "-"]);
    const first = page(1);
    expect(first).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(first).toContain("Dương Hoàng Sum");
    expect(first.trim().split("\n")[0]?.trim()).not.toBe("1");
    expect(page(2).trim().split("\n")[0]?.trim()).toBe("2");
  });
});

describe("one source of style", () => {
  it("a margin and a font size changed in the shell change the DOCX and the PDF alike", async () => {
    const { default: PizZip } = await import("pizzip");
    const shell = new PizZip(readFileSync(join(REPO, "templates", "shell.docx")));
    const doc = shell.file("word/document.xml")!.asText().replace(/w:left="1701"/, 'w:left="1984"'); // 30 mm → 35 mm
    const styles = shell.file("word/styles.xml")!.asText();
    const i = styles.indexOf('w:styleId="Normal"');
    const j = styles.indexOf("</w:style>", i);
    const normal = styles.slice(i, j).replace(/<w:sz w:val="28"\/>/, '<w:sz w:val="26"/>'); // 14 → 13 pt
    shell.file("word/document.xml", doc);
    shell.file("word/styles.xml", styles.slice(0, i) + normal + styles.slice(j));
    const changed = new Uint8Array(shell.generate({ type: "uint8array" }));
    const style = readShellStyle(changed);
    expect(style.page.marginLeftMm).toBeCloseTo(35, 0);
    expect(style.styles.body.sizePt).toBe(13);

    const world = exampleWorld({ "templates/shell.docx": changed });
    // The build, with --only the plan (the one document checked here): the other documents need not be made.
    const built = await buildProject(world, exampleOptions({ only: "ke-hoach" }));
    expect(built.written).toContain("out/2020/ke-hoach.docx");
    const docx = new PizZip(world.files.get("out/2020/ke-hoach.docx")!).file("word/document.xml")!.asText();
    expect(docx).toContain('w:left="1984"');
    const checked = await checkProject(world);
    const plan = checked.documents.find((d) => d.doc.stem === "ke-hoach")!;
    const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
    const pdf = layoutDocument(plan.doc, style, fonts);
    const body = pdf.pages[0]!.items.filter((it): it is TextItem => it.kind === "text" && it.face === "regular" && it.size === 13);
    expect(body.length).toBeGreaterThan(20);
    expect(Math.min(...pdf.pages[0]!.items.filter((it): it is TextItem => it.kind === "text").map((t) => t.x))).toBeGreaterThanOrEqual(35 * MM - 0.01);
  });
});
