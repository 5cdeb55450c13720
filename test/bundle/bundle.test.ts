/**
 * The print bundle as the build makes it for the example year: every document's pages, in the
 * workflow's order, a bookmark per document, no signature field, Vietnamese metadata, the same
 * bytes on a second build, clean for qpdf; and only rebuilt when one of its PDFs changes.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument, PDFName } from "@cantoo/pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { hasCommand, run } from "../../src/tools/external.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { upToDate } from "../../src/write/up-to-date.ts";
import { builtExample, exampleOptions, rebuiltExample } from "../helpers/shared-example.ts";
import { flatten, pageCount, readOutline, signatureTraces } from "./read-pdf.ts";
import { exampleStems } from "../helpers/registry-stems.ts";

const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => exampleOptions(extra);
const BUNDLE = "out/2020/ho-so-thi-dua-2020.pdf";
/** The members in the order of khoi.yaml (the build's order of the registrations). */
const UNITS = ["svhttdl", "so-y-te", "so-gddt", "so-ldtbxh", "so-tttt", "so-khcn", "ban-dan-toc", "dai-ptth", "bao-tra-vinh", "dh-tra-vinh"];
const qpdf = hasCommand("qpdf");
const dir = mkdtempSync(join(tmpdir(), "bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the example year's print bundle", async () => {
  // The example's first build from an empty out/, shared with the other files of this test process.
  const { world, result: first } = await builtExample();
  const bundle = world.files.get(BUNDLE)!;
  const docPdfs = [...world.files].filter(([k]) => k.startsWith("out/2020/") && k.endsWith(".pdf") && k !== BUNDLE);

  it("is written by the build, beside the documents, with no error", () => {
    expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(first.written).toContain(BUNDLE);
    expect(bundle).toBeDefined();
    expect(docPdfs.length).toBe(exampleStems().length);
  });

  it("has as many pages as the documents together, and a bookmark per document at its first page, in the workflow's order", async () => {
    const counts = new Map<string, number>();
    for (const [k, b] of docPdfs) counts.set(k.slice("out/2020/".length, -4), await pageCount(b));
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(await pageCount(bundle)).toBe(total);
    const { items, root, pageMode } = await readOutline(bundle);
    expect(pageMode).toBe("UseOutlines");
    const leaves = flatten(items).filter((i) => i.children.length === 0);
    expect(leaves).toHaveLength(docPdfs.length);
    // Each document's bookmark opens its first page: the pages before it are the documents before it.
    const titles = new Map<string, string>();
    for (const [k, b] of docPdfs) {
      const t = (await PDFDocument.load(b, { updateMetadata: false })).getTitle()!;
      titles.set(k.slice("out/2020/".length, -4), t);
    }
    const stems = leaves.map((l) => [...titles].find(([, t]) => l.title.startsWith(t))?.[0]);
    // The build's order: the registry's, which is the workflow's (test/bundle/contents.test.ts).
    expect(stems).toEqual(exampleStems(UNITS));
    let at = 0;
    for (const [i, l] of leaves.entries()) {
      expect(l.page, l.title).toBe(at);
      at += counts.get(stems[i]!)!;
    }
    // The registrations under one closed parent; the outline opens on its first level.
    expect(items.map((i) => i.title)).toEqual([titles.get("ke-hoach") + " (Số: 01/KH-K8)", "Đăng ký thi đua của các đơn vị", ...items.slice(2).map((i) => i.title)]);
    expect(items[1]!.children).toHaveLength(UNITS.length);
    expect(items[1]!.count).toBe(-UNITS.length);
    expect(root?.get(PDFName.of("Count"))?.toString()).toBe(String(items.length));
    // UTF-16BE with a byte-order mark, so Vietnamese shows.
    for (const i of flatten(items)) expect(i.hex.slice(0, 4).toUpperCase(), i.title).toBe("FEFF");
    expect(items[1]!.children[1]!.title).toMatch(/^Đăng ký thi đua năm 2020: Sở Y tế/);
  });

  it("keeps each font file once, however many documents embed it (the pages are the same to read)", () => {
    const text = Buffer.from(bundle).toString("latin1");
    const fontFiles = (t: string) => (t.match(/\/Length1 /g) ?? []).length;
    const documents = docPdfs.map(([, b]) => Buffer.from(b).toString("latin1"));
    const inDocuments = documents.reduce((n, d) => n + fontFiles(d), 0);
    // Every document embeds the build's shared subsets: the bundle keeps one of each.
    expect(inDocuments).toBeGreaterThan(fontFiles(documents[0]!) * 10);
    expect(fontFiles(text)).toBe(fontFiles(documents[0]!));
    expect(bundle.length).toBeLessThan(documents.reduce((n, d) => n + d.length, 0) / 2);
  });

  it("carries no signature field: no widget, no /AcroForm, no signature value", async () => {
    // The documents do have them (the test would be empty otherwise).
    expect((await signatureTraces(world.files.get("out/2020/ke-hoach.pdf")!)).widgets).toBeGreaterThan(0);
    expect(await signatureTraces(bundle)).toEqual({ widgets: 0, acroForm: false, raw: [] });
  });

  it("says it is a reading copy, with the year and the bloc in its title, and dates from the documents", async () => {
    const pdf = await PDFDocument.load(bundle, { updateMetadata: false });
    expect(pdf.getTitle()).toBe("Hồ sơ thi đua năm 2020 – Khối 8");
    expect(pdf.getSubject()).toBe("Bản đọc: không có ô chữ ký số; văn bản có giá trị pháp lý là các tệp PDF đã ký số riêng");
    expect(pdf.getAuthor()).toBe("Khối 8");
    // The latest document (the proposal, 09/02/2021), 00:00 Vietnam time.
    expect(Buffer.from(bundle).toString("latin1")).toContain("/ModDate (D:20210209000000+07'00')");
    expect(Buffer.from(bundle).toString("latin1")).toContain("/CreationDate (D:20210209000000+07'00')");
  });

  it("is the same bytes on a second build from nothing", async () => {
    // A second build from an empty out/, made after every in-process memo was forgotten (not taken from the first build's).
    const { world: w2 } = await rebuiltExample();
    expect(Buffer.compare(Buffer.from(w2.files.get(BUNDLE)!), Buffer.from(bundle))).toBe(0);
  });

  it.skipIf(!qpdf)("passes qpdf --check", () => {
    const path = join(dir, "ho-so.pdf");
    writeFileSync(path, bundle);
    expect(run("qpdf", ["--check", path])).toContain("No syntax or stream encoding errors");
  });

  it("is not rebuilt when nothing changed; the no-op check vouches for it", async () => {
    const again = await buildProject(world, opts());
    expect(again.written).toEqual([]);
    expect(again.yearOutputs).toEqual([]);
    expect(world.files.get(BUNDLE)).toBe(bundle);
    expect((await buildProject(world, opts({ check: true }))).yearOutputs).toEqual([]);
    expect(await upToDate(world, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package" })).toBeDefined();
  });

  it("is rebuilt when a document's PDF changes, and --check says so first", async () => {
    const path = "data/2020/dang-ky/so-y-te.yaml";
    world.files.set(path, new TextEncoder().encode(new TextDecoder().decode(world.files.get(path)!).replace(/lao_dong_tien_tien: \d+/, "lao_dong_tien_tien: 321")));
    const check = await buildProject(world, opts({ check: true }));
    // (The year's report, made from the PDFs too, is named with it: test/report/year-output.test.ts.)
    expect(check.yearOutputs?.filter((y) => y.key === "2020/ho-so")).toEqual([{ key: "2020/ho-so", path: BUNDLE, reasons: [{ code: "input", file: "out/2020/dang-ky-so-y-te.pdf" }] }]);
    const build = await buildProject(world, opts());
    expect(build.written).toContain(BUNDLE);
    expect(Buffer.compare(Buffer.from(world.files.get(BUNDLE)!), Buffer.from(bundle))).not.toBe(0);
  });

  it("is rebuilt when it was deleted or edited, and only then", async () => {
    world.files.delete(BUNDLE);
    expect(await upToDate(world, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package" })).toBeUndefined();
    const check = await buildProject(world, opts({ check: true }));
    expect(check.rebuilt).toEqual([]);
    expect(check.yearOutputs?.map((y) => y.reasons)).toEqual([[{ code: "output-missing", file: BUNDLE }]]);
    const build = await buildProject(world, opts());
    expect(build.written).toEqual([BUNDLE]);
    // Edited by hand: the user's, kept with a warning, and rebuilt on purpose (test/build/edited-outputs.test.ts).
    world.files.set(BUNDLE, new Uint8Array([37, 80, 68, 70]));
    const kept = await buildProject(world, opts());
    expect(kept.kept).toEqual([BUNDLE]);
    expect(world.files.get(BUNDLE)).toEqual(new Uint8Array([37, 80, 68, 70]));
    expect((await buildProject(world, opts({ replaceEdited: true }))).written).toEqual([BUNDLE]);
  });

  it("follows a document rebuilt with --only (the others read from out/), and is left as it is, with a warning, when one is missing", async () => {
    const before = world.files.get(BUNDLE)!;
    const path = "data/2020/ke-hoach.md";
    world.files.set(path, new TextEncoder().encode(new TextDecoder().decode(world.files.get(path)!).replace("Tổ chức và phát động", "Tổ chức, phát động")));
    const only = await buildProject(world, opts({ only: "ke-hoach" }));
    // (And the year's report, which shows the plan's title, the results file that hashes its files, and the register of 2020 with its title.)
    expect(only.written.sort()).toEqual(["out/2020/ke-hoach.docx", "out/2020/ke-hoach.pdf", BUNDLE, "out/2020/index.html", "out/2020/ket-qua-2020.json", "out/2020/ket-qua-2020.xlsx", "out/2020/so-van-ban-2020.xlsx"].sort());
    expect((await readOutline(world.files.get(BUNDLE)!)).items[0]!.title).toContain("Tổ chức, phát động");
    expect(await pageCount(world.files.get(BUNDLE)!)).toBe(await pageCount(before));
    world.files.delete("out/2020/to-trinh.pdf");
    world.files.set(path, new TextEncoder().encode(new TextDecoder().decode(world.files.get(path)!).replace("Tổ chức, phát động", "Tổ chức và phát động")));
    const kept = world.files.get(BUNDLE)!;
    const missing = await buildProject(world, opts({ only: "ke-hoach" }));
    // The year's report and results file, made from the PDFs too, are left as they are in the same way.
    expect(missing.diagnostics.filter((d) => d.code === "build/year-output-skipped").map((d) => [d.severity, d.pos.file, d.params.whyEn])).toEqual([
      ["warning", BUNDLE, "out/2020/to-trinh.pdf is missing"],
      ["warning", "out/2020/index.html", "out/2020/to-trinh.pdf is missing"],
      ["warning", "out/2020/ket-qua-2020.json", "out/2020/to-trinh.pdf is missing"],
      ["warning", "out/2020/ket-qua-2020.xlsx", "out/2020/to-trinh.pdf is missing"],
    ]);
    expect(world.files.get(BUNDLE)).toBe(kept);
    // The next full build makes the missing PDF and the bundle.
    const full = await buildProject(world, opts());
    expect(full.written).toEqual(expect.arrayContaining(["out/2020/to-trinh.pdf", BUNDLE]));
  });

  it("is removed with its year, as the build wrote it, when the year's data goes", async () => {
    const { world: w } = await builtExample();
    for (const k of [...w.files.keys()]) if (k.startsWith("data/2020/")) w.files.delete(k);
    const r = await buildProject(w, opts());
    expect(r.removed).toContain(BUNDLE);
    expect(w.files.has(BUNDLE)).toBe(false);
  });
});

