/**
 * A file in out/ edited by hand (a DOCX changed in Word, a PDF changed in another program, the year's
 * report) is the user's: the build keeps it, warns with its path and what to do, and replaces it only
 * with --replace-edited. The document's other file still follows the data; the manifest keeps the hash
 * the build wrote, so the next build, --check and the build with nothing to do see the edit again.
 */
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";
import { runBuild } from "../../src/cli/commands.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { upToDate } from "../../src/write/up-to-date.ts";
import { exampleWorld } from "../helpers/example.ts";

const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test", ...extra });
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const DOCX = "out/2020/to-trinh.docx";
const PDF = "out/2020/to-trinh.pdf";
const BUNDLE = "out/2020/ho-so-thi-dua-2020.pdf";
const REPORT = "out/2020/index.html";
const DATA = "data/2020/to-trinh.md";
const edited = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.code === "build/edited-output");
const manifestOf = (w: MemoryWorld) => JSON.parse(dec(w.files.get("out/.manifest.json")));
const ask = (w: MemoryWorld) => upToDate(w, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package" });

/** What Word does to the file: the same package, one word changed, zipped again. */
function editInWord(docx: Uint8Array): Uint8Array {
  const zip = new PizZip(docx);
  const xml = zip.file("word/document.xml")!.asText();
  const next = xml.replace("Như trên", "Như trên (sửa tay)");
  expect(next).not.toBe(xml);
  zip.file("word/document.xml", next);
  return zip.generate({ type: "uint8array", compression: "DEFLATE" });
}

/** A change of the data that touches the document (its list of recipients). */
function changeData(w: MemoryWorld): void {
  const text = dec(w.files.get(DATA));
  const next = text.replace('"Lưu: VT"', '"Lưu: VT, TĐKT"');
  expect(next).not.toBe(text);
  w.files.set(DATA, enc(next));
}

describe("an output edited by hand", async () => {
  const built = exampleWorld();
  const first = await buildProject(built, opts());
  expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const copy = () => memoryWorld(Object.fromEntries(built.files), { outside: async (p) => new Uint8Array(await (await import("node:fs/promises")).readFile(p)) });
  const original = built.files.get(DOCX)!;

  it("is kept when the data changes: a warning names it and says what to do, and the PDF is still made from the data", async () => {
    const w = copy();
    const mine = editInWord(original);
    w.files.set(DOCX, mine);
    changeData(w);
    const pdfBefore = w.files.get(PDF)!;
    const r = await buildProject(w, opts());
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(w.files.get(DOCX)).toEqual(mine);
    const [d, ...more] = edited(r);
    expect(more).toEqual([]);
    expect([d?.severity, d?.pos.file, d?.params.path, d?.params.only]).toEqual(["warning", DOCX, DOCX, "to-trinh"]);
    const text = formatDiagnostic(d!, "vi");
    expect(text).toContain(`${DOCX}:1:1: cảnh báo [build/edited-output] ${DOCX} đã được sửa tay`);
    expect(text).toContain(`${PDF} vẫn được lập theo dữ liệu`);
    expect(text).toContain("Đưa phần sửa vào data/");
    expect(text).toContain("npm run build-docs -- --only to-trinh --replace-edited");
    expect(r.written).toContain(PDF);
    expect(r.written).not.toContain(DOCX);
    expect(r.kept).toEqual([DOCX]);
    expect(w.files.get(PDF)).not.toEqual(pdfBefore);
    // The manifest says what the build wrote: the old DOCX's hash, the new PDF's.
    const outputs = manifestOf(w).documents["2020/to-trinh"].outputs;
    expect(outputs[DOCX]).toBe(sha256(original));
    expect(outputs[PDF]).toBe(sha256(w.files.get(PDF)!));
    // The next build, the build with nothing to do and --check still see it as edited.
    expect(await ask(w)).toBeUndefined();
    const again = await buildProject(w, opts());
    expect(edited(again).map((x) => x.pos.file)).toEqual([DOCX]);
    expect(again.written).toEqual([]);
    expect(w.files.get(DOCX)).toEqual(mine);
    const check = await buildProject(w, opts({ check: true }));
    expect(check.rebuilt.map((p) => [p.key, p.reasons])).toEqual([["2020/to-trinh", [{ code: "output-changed", file: DOCX }]]]);
    expect(edited(check).map((x) => x.pos.file)).toEqual([DOCX]);
    // The year's report names the kept file among its warnings (the print bundle has no DOCX in it).
    expect(dec(w.files.get(REPORT))).toContain(`[build/edited-output]<br>${DOCX} đã được sửa tay`);
  });

  it("is replaced by the data's copy with --replace-edited, and then is current", async () => {
    const w = copy();
    w.files.set(DOCX, editInWord(original));
    changeData(w);
    const r = await buildProject(w, opts({ only: "to-trinh", replaceEdited: true }));
    expect(edited(r)).toEqual([]);
    expect(r.written).toContain(DOCX);
    expect(r.written).toContain(PDF);
    expect(w.files.get(DOCX)).not.toEqual(original);
    expect(new PizZip(w.files.get(DOCX)!).file("word/document.xml")!.asText()).not.toContain("sửa tay");
    const check = await buildProject(w, opts({ check: true }));
    expect(check.rebuilt).toEqual([]);
    expect(edited(check)).toEqual([]);
  });

  it("is not what a file unchanged by the user is: that one is replaced as before, without a word", async () => {
    const w = copy();
    changeData(w);
    const r = await buildProject(w, opts());
    expect(edited(r)).toEqual([]);
    expect(r.written).toEqual(expect.arrayContaining([DOCX, PDF]));
    expect(w.files.get(DOCX)).not.toEqual(original);
    expect(r.kept).toEqual([]);
  });

  it("is not a file a build cut off before its manifest left: the very bytes this build makes", async () => {
    const w = copy();
    const oldManifest = w.files.get("out/.manifest.json")!;
    changeData(w);
    await buildProject(w, opts());
    // The files written, the manifest not: as the kill test leaves it.
    w.files.set("out/.manifest.json", oldManifest);
    const r = await buildProject(w, opts());
    expect(edited(r)).toEqual([]);
    expect(r.kept).toEqual([]);
    expect(manifestOf(w).documents["2020/to-trinh"].outputs[DOCX]).toBe(sha256(w.files.get(DOCX)!));
  });

  it("a PDF edited by hand (not signed) is kept too, and the print bundle is not made from it", async () => {
    const w = copy();
    const mine = new Uint8Array([...built.files.get(PDF)!, ...enc("\n% sửa tay\n")]);
    w.files.set(PDF, mine);
    changeData(w);
    const bundle = w.files.get(BUNDLE)!;
    const r = await buildProject(w, opts());
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(w.files.get(PDF)).toEqual(mine);
    expect(edited(r).map((d) => [d.pos.file, d.params.alsoEn])).toEqual([[PDF, `; ${DOCX} still follows the data, so it now differs from this edited copy`]]);
    expect(r.written).toContain(DOCX);
    expect(r.written).not.toContain(BUNDLE);
    expect(w.files.get(BUNDLE)).toEqual(bundle);
    const held = r.diagnostics.filter((d) => d.code === "build/year-output-skipped").map((d) => [d.pos.file, d.params.whyEn]);
    expect(held).toContainEqual([BUNDLE, `${PDF} was edited by hand and is kept; it differs from the data`]);
  });

  it("the year's report edited by hand is kept too", async () => {
    const w = copy();
    w.files.set(REPORT, enc("<p>sửa tay</p>"));
    changeData(w);
    const r = await buildProject(w, opts());
    expect(dec(w.files.get(REPORT))).toBe("<p>sửa tay</p>");
    expect(edited(r).map((d) => d.pos.file)).toEqual([REPORT]);
    expect(r.written).not.toContain(REPORT);
    expect(r.written).toContain(DOCX);
    // Its manifest entry is the one of the file the build last wrote: the next build sees the edit again.
    expect(manifestOf(w).yearOutputs["2020/bao-cao-nam"]).toEqual(manifestOf(built).yearOutputs["2020/bao-cao-nam"]);
    expect(edited(await buildProject(w, opts())).map((d) => d.pos.file)).toEqual([REPORT]);
  });

  it("the command line says it is kept, not written, exits 0, and --check exits 1 naming it", async () => {
    const w = copy();
    w.files.set(DOCX, editInWord(original));
    changeData(w);
    const lines: string[] = [];
    const rep = { progress() {}, line: (s: string) => lines.push(s), finish() {} };
    expect(await runBuild(w, parseArgs(["build", "--pdf-fonts", "package"]), rep)).toBe(0);
    expect(lines).toContain(`giữ nguyên (đã sửa tay) ${DOCX}`);
    expect(lines).not.toContain(`đã ghi ${DOCX}`);
    expect(lines).toContain(`đã ghi ${PDF}`);
    expect(lines.some((l) => l.startsWith(`${DOCX}:1:1: cảnh báo [build/edited-output]`))).toBe(true);
    const checked: string[] = [];
    expect(await runBuild(w, parseArgs(["build", "--check"]), { ...rep, line: (s: string) => checked.push(s) })).toBe(1);
    expect(checked.some((l) => l.startsWith(`${DOCX}:1:1: cảnh báo [build/edited-output]`))).toBe(true);
    expect(checked).toContain(`2020/to-trinh: tệp ${DOCX} đã bị sửa tay`);
    expect(parseArgs(["build", "--only", "to-trinh", "--replace-edited"]).replaceEdited).toBe(true);
  });
});
