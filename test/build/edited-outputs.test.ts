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
import { toolVersion } from "../../src/cli/tool-version.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { upToDate } from "../../src/write/up-to-date.ts";
import { exampleWorld } from "../helpers/example.ts";

// The command line's own tool version: the builds here and those through runBuild (which names the tool as it is) share one build of the example.
const TOOL = toolVersion();
const opts = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: TOOL, ...extra });
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);
const DOCX = "out/2020/to-trinh.docx";
const PDF = "out/2020/to-trinh.pdf";
const BUNDLE = "out/2020/ho-so-thi-dua-2020.pdf";
const REPORT = "out/2020/index.html";
const DATA = "data/2020/to-trinh.md";
const edited = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.code === "build/edited-output");
/** Whether two files' bytes are the same (compared as buffers: a deep equality of a megabyte's array takes seconds). */
const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) => a !== undefined && b !== undefined && Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const manifestOf = (w: MemoryWorld) => JSON.parse(dec(w.files.get("out/.manifest.json")));
const ask = (w: MemoryWorld) => upToDate(w, { dataDir: "data", outDir: "out", toolVersion: TOOL, fontSource: "package" });

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
  const next = text.replace("luu: { don_vi_soan_thao: VP, so_ban: 2 }", "luu: { don_vi_soan_thao: TĐKT, so_ban: 2 }");
  expect(next).not.toBe(text);
  w.files.set(DATA, enc(next));
}

/**
 * The example built once, by the command line itself (so that its tool version is the manifest's), for every test of
 * this file: each works on a copy of it.
 */
let example: Promise<MemoryWorld> | undefined;
function builtExample(): Promise<MemoryWorld> {
  return (example ??= (async () => {
    const w = exampleWorld();
    const first = await cli(w);
    expect(first.code, first.lines.join("\n")).toBe(0);
    return w;
  })());
}

describe("an output edited by hand", async () => {
  const built = await builtExample();
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
    expect(same(w.files.get(DOCX), mine)).toBe(true);
    const [d, ...more] = edited(r);
    expect(more).toEqual([]);
    expect([d?.severity, d?.pos.file, d?.params.path, d?.params.only]).toEqual(["warning", DOCX, DOCX, "to-trinh"]);
    const text = formatDiagnostic(d!, "vi");
    expect(text).toContain(`${DOCX}:1:1: cảnh báo [build/edited-output] ${DOCX} đã được sửa tay`);
    expect(text).toContain(`${PDF}, out/2020/to-trinh.ky-so.json vẫn được lập theo dữ liệu`);
    expect(text).toContain("Đưa phần sửa vào data/");
    expect(text).toContain("npm run build-docs -- --only to-trinh --replace-edited");
    expect(r.written).toContain(PDF);
    expect(r.written).not.toContain(DOCX);
    expect(r.kept).toEqual([DOCX]);
    expect(same(w.files.get(PDF), pdfBefore)).toBe(false);
    // The manifest says what the build wrote: the old DOCX's hash, the new PDF's.
    const outputs = manifestOf(w).documents["2020/to-trinh"].outputs;
    expect(outputs[DOCX]).toBe(sha256(original));
    expect(outputs[PDF]).toBe(sha256(w.files.get(PDF)!));
    // The next build, the build with nothing to do and --check still see it as edited.
    expect(await ask(w)).toBeUndefined();
    const again = await buildProject(w, opts());
    expect(edited(again).map((x) => x.pos.file)).toEqual([DOCX]);
    expect(again.written).toEqual([]);
    expect(same(w.files.get(DOCX), mine)).toBe(true);
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
    expect(same(w.files.get(DOCX), original)).toBe(false);
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
    expect(same(w.files.get(DOCX), original)).toBe(false);
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
    const mine = new Uint8Array(Buffer.concat([built.files.get(PDF)!, enc("\n% sửa tay\n")]));
    w.files.set(PDF, mine);
    changeData(w);
    const bundle = w.files.get(BUNDLE)!;
    const r = await buildProject(w, opts());
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(same(w.files.get(PDF), mine)).toBe(true);
    expect(edited(r).map((d) => [d.pos.file, d.params.alsoEn])).toEqual([[PDF, `; ${DOCX}, out/2020/to-trinh.ky-so.json still follows the data, so it now differs from this edited copy`]]);
    expect(r.written).toContain(DOCX);
    expect(r.written).not.toContain(BUNDLE);
    expect(same(w.files.get(BUNDLE), bundle)).toBe(true);
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

/** The command line on one world: its exit status and every line it printed. */
async function cli(w: MemoryWorld, ...args: string[]): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const rep = { progress() {}, line: (s: string) => lines.push(s), finish() {} };
  const code = await runBuild(w, parseArgs(["build", "--pdf-fonts", "package", ...args]), rep);
  return { code, lines };
}

describe("what the command line says while an edited file is kept", async () => {
  const built = await builtExample();
  const copy = () => memoryWorld(Object.fromEntries(built.files), { outside: async (p) => new Uint8Array(await (await import("node:fs/promises")).readFile(p)) });
  const original = built.files.get(DOCX)!;
  const doneOf = (lines: string[]) => lines.find((l) => l.startsWith("Xong:"));

  it("counts a document as built only when one of its files was written", async () => {
    const w = copy();
    w.files.set(DOCX, editInWord(original));
    // The data unchanged: the DOCX is kept and the PDF made again to the same bytes, so no file of it is
    // written (only the year's report, which now lists the kept file).
    const unchanged = await cli(w);
    expect(unchanged.code).toBe(0);
    expect(unchanged.lines).toContain(`giữ nguyên (đã sửa tay) ${DOCX}`);
    expect(unchanged.lines.filter((l) => l.startsWith("đã ghi "))).toEqual([`đã ghi ${REPORT}`]);
    expect(doneOf(unchanged.lines)).toMatch(/^Xong: 0 văn bản được lập, \d+ bỏ qua \(không đổi\), 1 giữ nguyên bản sửa tay, 0 lỗi/);
    // The data changed: the PDF is written, so the document is built (its DOCX still kept).
    changeData(w);
    const changed = await cli(w);
    expect(changed.lines).toContain(`đã ghi ${PDF}`);
    expect(doneOf(changed.lines)).toMatch(/^Xong: 1 văn bản được lập, \d+ bỏ qua \(không đổi\), 0 lỗi/);
    // And again: nothing of it is written.
    const again = await cli(w);
    expect(again.lines.filter((l) => l.startsWith("đã ghi "))).toEqual([]);
    expect(doneOf(again.lines)).toMatch(/^Xong: 0 văn bản được lập, \d+ bỏ qua \(không đổi\), 1 giữ nguyên bản sửa tay, 0 lỗi/);
  });

  it("--check names the kept file as the one reason and the way out, not a stale year output and not 'run build-docs'", async () => {
    const w = copy();
    w.files.set(DOCX, editInWord(original));
    changeData(w);
    expect((await cli(w)).code).toBe(0);
    const { code, lines } = await cli(w, "--check");
    expect(code).toBe(1);
    expect(lines).toContain(`2020/to-trinh: tệp ${DOCX} đã bị sửa tay`);
    expect(lines.filter((l) => l.startsWith(`${BUNDLE}:`) || l.startsWith(`${REPORT}:`))).toEqual([]);
    expect(lines.join("\n")).not.toContain("Chạy npm run build-docs rồi commit");
    const summary = lines[lines.length - 1]!;
    expect(summary).toContain(`Kiểm tra: 1 tệp trong out/ đã được sửa tay (${DOCX})`);
    expect(summary).toContain("đưa phần sửa vào data/ rồi chạy npm run build-docs -- --only to-trinh --replace-edited");
    expect(summary).toContain("hoặc xóa tệp đó");
    // An edit with no build since: the print bundle is not stale for it (its PDF is made again to the same
    // bytes); the year's report is, as the next build lists the kept file in it.
    const v = copy();
    v.files.set(DOCX, editInWord(original));
    const fresh = await cli(v, "--check");
    expect(fresh.code).toBe(1);
    expect(fresh.lines.filter((l) => l.startsWith(`${BUNDLE}:`))).toEqual([]);
    expect(fresh.lines.filter((l) => l.startsWith(`${REPORT}:`))).toEqual([`${REPORT}: nội dung thay đổi (mẫu hoặc dữ liệu liên quan)`]);
    expect(fresh.lines[fresh.lines.length - 1]).toContain(`1 tệp trong out/ đã được sửa tay (${DOCX})`);
  });

  it("--check with an edited file and data not yet built says both", async () => {
    const w = copy();
    w.files.set(DOCX, editInWord(original));
    changeData(w);
    const { code, lines } = await cli(w, "--check");
    expect(code).toBe(1);
    expect(lines).toContain(`${BUNDLE}: dữ liệu thay đổi: ${PDF}`);
    const summary = lines[lines.length - 1]!;
    expect(summary).toContain("Chạy npm run build-docs rồi commit out/");
    expect(summary).toContain(`1 tệp trong out/ đã được sửa tay (${DOCX})`);
  });
});

describe("a damaged record of the last build", async () => {
  const built = await builtExample();
  const copy = () => memoryWorld(Object.fromEntries(built.files), { outside: async (p) => new Uint8Array(await (await import("node:fs/promises")).readFile(p)) });
  const original = built.files.get(DOCX)!;
  const lost = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.code === "build/unrecorded-output");

  it("does not let the build replace a file edited by hand; the message is Vietnamese and says where", async () => {
    for (const broken of ["{broken", "{\n<<<<<<< HEAD\n", "\uFEFF[]"]) {
      const w = copy();
      const mine = editInWord(original);
      w.files.set(DOCX, mine);
      w.files.set("out/.manifest.json", enc(broken));
      const r = await buildProject(w, opts());
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(same(w.files.get(DOCX), mine)).toBe(true);
      expect(r.written).not.toContain(DOCX);
      // The year's report differs too (it now lists the kept file): it is kept as well, being unknown.
      expect(r.kept).toEqual([DOCX, REPORT]);
      expect(lost(r).map((d) => [d.severity, d.pos.file, d.params.only])).toEqual([
        ["warning", REPORT, "ke-hoach"],
        ["warning", DOCX, "to-trinh"],
      ]);
      const damaged = r.diagnostics.find((d) => d.code === "manifest/damaged")!;
      const text = formatDiagnostic(damaged, "vi");
      expect(text).not.toMatch(/JSON at|Expected|Unexpected|property|token/);
      expect(text).not.toContain("Không cần làm gì");
      expect(text).toContain("giữ nguyên");
      if (broken === "{broken") expect([damaged.pos.line, damaged.pos.column]).toEqual([1, 2]);
      if (broken.includes("<<<")) expect([damaged.pos.line, damaged.pos.column]).toEqual([2, 1]);
      expect(formatDiagnostic(lost(r)[1]!, "vi")).toContain("--only to-trinh --replace-edited");
      // The next build, with a whole manifest again, still keeps it.
      const again = await buildProject(w, opts());
      expect(same(w.files.get(DOCX), mine)).toBe(true);
      expect(again.kept).toEqual([DOCX, REPORT]);
      expect([...lost(again), ...edited(again)].map((d) => d.pos.file)).toEqual([REPORT, DOCX]);
      // --check reckons with the build keeping them: nothing else is out of date because of them.
      const check = await buildProject(w, opts({ check: true }));
      expect(check.kept).toEqual([REPORT, DOCX]);
      expect(lost(check).map((d) => d.pos.file)).toEqual([REPORT, DOCX]);
      expect(check.rebuilt.map((p) => [p.key, p.reasons])).toEqual([["2020/to-trinh", [{ code: "output-changed", file: DOCX }]]]);
      expect((check.yearOutputs ?? []).filter((y) => y.path !== REPORT)).toEqual([]);
      // Rebuilt on purpose, it is the build's own again.
      const replaced = await buildProject(w, opts({ only: "to-trinh", replaceEdited: true }));
      expect(replaced.written).toContain(DOCX);
      expect((await buildProject(w, opts({ check: true }))).rebuilt).toEqual([]);
    }
  });

  it("with the data changed too, no file that differs from the data's copy is replaced: each is named", async () => {
    const w = copy();
    const mine = editInWord(original);
    w.files.set(DOCX, mine);
    changeData(w);
    w.files.set("out/.manifest.json", enc("{broken"));
    const pdf = w.files.get(PDF)!;
    const r = await buildProject(w, opts());
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(same(w.files.get(DOCX), mine)).toBe(true);
    expect(same(w.files.get(PDF), pdf)).toBe(true);
    expect(r.written.filter((p) => p.endsWith(".docx") || p.endsWith(".pdf"))).toEqual([]);
    expect(lost(r).map((d) => d.pos.file)).toEqual(expect.arrayContaining([DOCX, PDF]));
    // Rebuilt on purpose, all of it follows the data again.
    const replaced = await buildProject(w, opts({ replaceEdited: true }));
    expect(replaced.written).toEqual(expect.arrayContaining([DOCX, PDF]));
    expect((await buildProject(w, opts({ check: true }))).rebuilt).toEqual([]);
  });

  it("an output the build makes to the very same bytes is not kept: only the manifest is written", async () => {
    const w = copy();
    w.files.set("out/.manifest.json", enc("{broken"));
    const r = await buildProject(w, opts());
    expect(r.kept).toEqual([]);
    expect(lost(r)).toEqual([]);
    expect(r.written).toEqual([]);
    expect(manifestOf(w).documents["2020/to-trinh"].outputs[DOCX]).toBe(sha256(original));
  });

  it("a missing record (a fresh clone, the first build) replaces the files as before", async () => {
    const w = copy();
    w.files.set(DOCX, editInWord(original));
    w.files.delete("out/.manifest.json");
    const r = await buildProject(w, opts());
    expect(r.kept).toEqual([]);
    expect(same(w.files.get(DOCX), original)).toBe(true);
  });
});

/**
 * A file at an output's path that out/'s record has no copy of, while the record is whole: the build did not
 * write it (a file kept when its document was removed from the data, then the document put back; a file put
 * there by hand). It is the user's, kept like an edited one, never replaced without --replace-edited.
 */
describe("a file in out/ that the last build did not write", async () => {
  const built = await builtExample();
  const copy = () => memoryWorld(Object.fromEntries(built.files), { outside: async (p) => new Uint8Array(await (await import("node:fs/promises")).readFile(p)) });
  const INVITE = "data/2020/giay-moi.md";
  const INVITE_DOCX = "out/2020/giay-moi.docx";
  const INVITE_PDF = "out/2020/giay-moi.pdf";
  const foreign = (r: { diagnostics: Diagnostic[] }) => r.diagnostics.filter((d) => d.code === "build/foreign-output");

  it("an edited file kept when its document was removed is still kept when the document comes back", async () => {
    const w = copy();
    const mine = editInWord(built.files.get(INVITE_DOCX)!);
    w.files.set(INVITE_DOCX, mine);
    const data = w.files.get(INVITE)!;
    w.files.delete(INVITE);
    const removed = await buildProject(w, opts());
    expect(removed.diagnostics.filter((d) => d.code === "build/kept-file").map((d) => d.pos.file)).toEqual([INVITE_DOCX]);
    expect(w.files.has(INVITE_PDF)).toBe(false);
    w.files.set(INVITE, data);
    const back = await buildProject(w, opts());
    expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(same(w.files.get(INVITE_DOCX), mine)).toBe(true);
    expect(back.written).not.toContain(INVITE_DOCX);
    // Its other file, which the build removed as its own, follows the data again.
    expect(back.written).toContain(INVITE_PDF);
    expect(foreign(back).map((d) => [d.severity, d.pos.file, d.params.only])).toEqual([["warning", INVITE_DOCX, "giay-moi"]]);
    expect(formatDiagnostic(foreign(back)[0]!, "vi")).toContain("--only giay-moi --replace-edited");
    // Not called an edit: the build does not know what the file is.
    expect(formatDiagnostic(foreign(back)[0]!, "vi")).toContain(`${INVITE_PDF}, out/2020/giay-moi.ky-so.json vẫn được lập theo dữ liệu nên nay khác tệp được giữ nguyên này`);
    expect(formatDiagnostic(foreign(back)[0]!, "en")).toContain("out/'s record has no copy the tool wrote there");
    // Still kept by the next build, and named by --check, until it is replaced on purpose.
    const again = await buildProject(w, opts());
    expect(same(w.files.get(INVITE_DOCX), mine)).toBe(true);
    expect(foreign(again).map((d) => d.pos.file)).toEqual([INVITE_DOCX]);
    const check = await buildProject(w, opts({ check: true }));
    expect(check.kept).toEqual([INVITE_DOCX]);
    // The build says it is kept, not as an edit; so does the year's file it holds back.
    const built2 = await cli(w);
    expect(built2.lines).toContain(`giữ nguyên (không phải bản công cụ đã ghi) ${INVITE_DOCX}`);
    expect(built2.lines.join("\n")).toContain(`${INVITE_DOCX} không phải bản công cụ đã ghi và được giữ nguyên, khác với dữ liệu`);
    expect(built2.lines.join("\n")).not.toContain("đã sửa tay) ");
    const said = await cli(w, "--check");
    expect(said.code).toBe(1);
    expect(said.lines.at(-1)).toContain(`1 tệp trong out/ đã được sửa tay hoặc không do công cụ ghi (${INVITE_DOCX})`);
    expect(said.lines.at(-1)).toContain("--only giay-moi --replace-edited");
    const replaced = await buildProject(w, opts({ only: "giay-moi", replaceEdited: true }));
    expect(replaced.written).toContain(INVITE_DOCX);
    expect((await buildProject(w, opts({ check: true }))).rebuilt).toEqual([]);
  });

  it("the files of a later build that `git restore out/` left untracked are the build's own by its local record: replaced, not kept", async () => {
    const w = copy();
    const data = w.files.get(INVITE)!;
    w.files.delete(INVITE);
    await buildProject(w, opts());
    // out/ committed without the invitation …
    const committed = new Map([...w.files].filter(([p]) => p.startsWith("out/") && !p.startsWith("out/.cache/")));
    w.files.set(INVITE, data);
    await buildProject(w, opts());
    expect(w.files.has(INVITE_DOCX)).toBe(true);
    // … restored, while the files only the later build wrote stay (git leaves untracked files).
    for (const [p, bytes] of committed) w.files.set(p, bytes);
    expect(committed.has(INVITE_DOCX)).toBe(false);
    w.files.set(INVITE, enc(dec(data).replace("Hội trường Sở Văn hóa", "Phòng họp Sở Văn hóa")));
    const check = await buildProject(w, opts({ check: true }));
    expect(check.kept).toEqual([]);
    expect(check.rebuilt.map((p) => p.key)).toContain("2020/giay-moi");
    const r = await buildProject(w, opts());
    expect(foreign(r)).toEqual([]);
    expect(r.written).toEqual(expect.arrayContaining([INVITE_DOCX, INVITE_PDF]));
    expect((await buildProject(w, opts({ check: true }))).rebuilt).toEqual([]);
  });

  it("a file put there by hand is kept; one with the very bytes the build makes is taken as its own", async () => {
    const w = copy();
    const data = w.files.get(INVITE)!;
    const made = w.files.get(INVITE_DOCX)!;
    w.files.delete(INVITE);
    await buildProject(w, opts());
    // The build's own files of a removed document are removed.
    expect(w.files.has(INVITE_DOCX)).toBe(false);
    const theirs = enc("một tệp của người dùng, đặt tay vào out/");
    w.files.set(INVITE_DOCX, theirs);
    w.files.set(INVITE, data);
    // --check, which cannot tell it from the very bytes the build makes, says the document is out of date, not kept.
    const check = await buildProject(w, opts({ check: true }));
    expect(check.kept).toEqual([]);
    expect(check.rebuilt.map((p) => p.key)).toEqual(["2020/giay-moi"]);
    const back = await buildProject(w, opts());
    expect(same(w.files.get(INVITE_DOCX), theirs)).toBe(true);
    expect(foreign(back).map((d) => d.pos.file)).toEqual([INVITE_DOCX]);
    // The same file as the build makes: nothing to keep, nothing said.
    const w2 = copy();
    w2.files.delete(INVITE);
    await buildProject(w2, opts());
    w2.files.set(INVITE_DOCX, made);
    w2.files.set(INVITE, data);
    const same2 = await buildProject(w2, opts());
    expect(foreign(same2)).toEqual([]);
    expect(same2.kept ?? []).toEqual([]);
  });
});
