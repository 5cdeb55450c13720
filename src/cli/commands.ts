// The pipeline's modules (and pdf-lib, fontkit, docxtemplater behind them) load only when a
// command needs them, as one engine (load-engine.ts): a build with nothing to do never loads them.
import type { BuildOptions, BuildResult } from "../write/build.ts";
import { KEPT_OUTPUT_CODES, keptAsEdit } from "../write/options.ts";
import { basename, dirname, resolve } from "node:path";
import type { Reason } from "../write/plan.ts";
import { upToDate } from "../write/up-to-date.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { fontsourceTinosDir } from "../pdf/fonts/package-dir.ts";
import type { CliOptions } from "./args.ts";
import { heapForBuild } from "./heap-growth.ts";
import { optimiserForRendering } from "./optimiser.ts";
import { loadEngine } from "./load-engine.ts";
import { describeReason, makeReporter, type Reporter } from "./reporter.ts";
import { FONT_PRESET_DIR, toolVersion } from "./tool-version.ts";

/**
 * With --year, another year's warnings are left out (a file of data/<other year>/, or a check of
 * that year said at khoi.yaml); errors are always said, since they stop the build whatever the year.
 */
export function ofYear(d: Diagnostic, year: number | undefined, dataDir: string): boolean {
  if (year === undefined || d.severity === "error") return true;
  const folder = new RegExp(`^${dataDir.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/(\\d{4})/`).exec(d.pos.file)?.[1];
  if (folder !== undefined && folder !== String(year)) return false;
  return d.params["year"] === undefined || String(d.params["year"]) === String(year);
}

function report(all: Diagnostic[], opts: CliOptions, out: (s: string) => void): { errors: number; warnings: number } {
  const items = all.filter((d) => ofYear(d, opts.year, opts.dataDir));
  for (const d of items) out(formatDiagnostic(d, opts.lang));
  const errors = items.filter((d) => d.severity === "error").length;
  return { errors, warnings: items.length - errors };
}

export async function runValidate(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const { checkProject, pendingChange, Diagnostics, SourceCache, DATA_CACHE } = await loadEngine();
  const pending = new Diagnostics();
  await pendingChange(world, pending);
  // The build's data cache is read, never written: validate takes no lock and may run beside a build or on a read-only out/.
  const cache = await SourceCache.open(world, `${opts.outDir}/${DATA_CACHE}`, toolVersion());
  const { diagnostics } = await checkProject(world, opts.dataDir, cache);
  const { errors, warnings } = report([...pending.sorted(), ...diagnostics], opts, out);
  out(summaryLine(errors, warnings, opts.lang));
  return errors ? 1 : 0;
}

export function buildOptions(opts: CliOptions): BuildOptions {
  const packageDir = fontsourceTinosDir();
  return {
    dataDir: opts.dataDir,
    outDir: opts.outDir,
    fontSource: opts.fontSource,
    toolVersion: toolVersion(),
    check: opts.check,
    ...(opts.replaceSigned ? { replaceSigned: true } : {}),
    ...(opts.replaceEdited ? { replaceEdited: true } : {}),
    ...(packageDir ? { fontPackageDir: packageDir } : {}),
    fontPreset: FONT_PRESET_DIR,
    ...(opts.only ? { only: opts.only } : {}),
    ...(opts.year ? { year: opts.year } : {}),
    ...(opts.watch ? { keepForNextBuild: true } : {}),
  };
}

/** One build (or check) with its report; returns the exit status. */
export async function runBuild(world: World, opts: CliOptions, rep: Reporter = makeReporter(process.stderr, process.env)): Promise<number> {
  const t0 = world.monotonicMs();
  const vi = opts.lang === "vi";
  const options = buildOptions(opts);
  // A bloc of a province's workspace (khoi/<id>/ beside tinh.yaml) built on its own does not take the province's defaults.
  if (basename(dirname(resolve(opts.root))) === "khoi" && (await world.fileSize("../../tinh.yaml").catch(() => undefined)) !== undefined)
    rep.line(
      vi
        ? `Lưu ý: khối này nằm trong thư mục của tỉnh (../../tinh.yaml); lệnh build không dùng mặc định của tỉnh. Lập bằng: npm run tinh -- build --khoi ${basename(resolve(opts.root))}`
        : `Note: this bloc is in a province's workspace (../../tinh.yaml); build does not use the province's defaults. Build it with: npm run tinh -- build --khoi ${basename(resolve(opts.root))}`,
    );
  // Only a plain build with the package's fonts: --check (what CI trusts) always composes the documents
  // again, and system fonts (--pdf-fonts auto) may change without any project file changing.
  if (!opts.only && !opts.year && !opts.check && opts.fontSource === "package") {
    const current = await upToDate(world, { dataDir: opts.dataDir, outDir: opts.outDir, toolVersion: options.toolVersion!, fontSource: opts.fontSource });
    if (current) {
      const { warnings } = report(current.warnings, opts, (s) => rep.line(s));
      rep.line(summaryLine(0, warnings, opts.lang));
      const seconds = ((world.monotonicMs() - t0) / 1000).toFixed(2);
      rep.line(doneLine(0, current.documents, seconds, opts));
      return 0;
    }
  }
  const { buildProject } = await loadEngine();
  // Reported as soon as the documents are committed (the caches beside them are written after), else when the build ends.
  let status: number | undefined;
  const onProgress = (d: number, t: number, k: string) => {
    // A one-shot build of many documents keeps its heap small (heap-growth.ts), and optimises its code (optimiser.ts).
    if (d === 1) {
      heapForBuild(t, opts.watch);
      optimiserForRendering(t);
    }
    rep.progress(d, t, k);
  };
  const result = await buildProject(world, { ...options, onProgress, onCommitted: (r) => void (status = reportBuild(r, opts, rep, t0, world)) });
  return status ?? reportBuild(result, opts, rep, t0, world);
}

/** What a build did, said: its diagnostics, the files it wrote and removed, and the closing line; returns the exit status. */
function reportBuild(result: BuildResult, opts: CliOptions, rep: Reporter, t0: number, world: World): number {
  const vi = opts.lang === "vi";
  rep.finish();
  const { errors, warnings } = report(result.diagnostics, opts, (s) => rep.line(s));
  const seconds = ((world.monotonicMs() - t0) / 1000).toFixed(2);
  if (opts.check) return checkSummary(result, opts, rep, errors);
  for (const f of result.written) rep.line((vi ? "đã ghi " : "wrote ") + f);
  for (const f of result.removed) rep.line((vi ? "đã xóa " : "removed ") + f);
  for (const f of result.kept ?? []) {
    const byHand = keptAsEdit(result.diagnostics, f);
    rep.line((vi ? (byHand ? "giữ nguyên (đã sửa tay) " : "giữ nguyên (không phải bản công cụ đã ghi) ") : byHand ? "kept (edited by hand) " : "kept (not a copy the tool wrote) ") + f);
  }
  rep.line(summaryLine(errors, warnings, opts.lang));
  if (errors) {
    if (result.written.length || result.removed.length)
      rep.line(
        vi
          ? "Lần lập dừng giữa chừng vì lỗi trên; các tệp đã ghi đều nguyên vẹn, lần chạy sau sẽ lập nốt phần còn lại."
          : "The build stopped part-way because of the error above; the files written are whole, and the next run finishes the rest.",
      );
    else rep.line(vi ? "Không ghi tệp nào vì có lỗi; thư mục kết quả giữ nguyên." : "Nothing was written because of the errors; the output folder is unchanged.");
    return 1;
  }
  // Only what was written counts as built; a document of which a kept edited file is all that differs is said as such.
  const built = new Set(result.built ?? []);
  const kept = new Set(result.kept ?? []);
  const notBuilt = result.rebuilt.filter((p) => !built.has(p.key));
  const keptOnly = notBuilt.filter((p) => p.outputs.some((o) => kept.has(o))).length;
  const byHand = [...kept].every((f) => keptAsEdit(result.diagnostics, f));
  rep.line(doneLine(built.size, result.skipped.length + notBuilt.length - keptOnly, seconds, opts, keptOnly, byHand));
  return 0;
}

function checkSummary(result: BuildResult, opts: CliOptions, rep: Reporter, errors: number): number {
  const vi = opts.lang === "vi";
  if (errors) return 1;
  // A file edited by hand is kept by the build: it is not a reason to run the build, which would not change it.
  const kept = new Set(result.kept ?? []);
  const byKept = (r: Reason) => r.code === "output-changed" && kept.has(r.file);
  const stale = result.rebuilt.filter((p) => p.outputs.some((o) => !kept.has(o)) && p.reasons.some((r) => !byKept(r)));
  const years = (result.yearOutputs ?? []).filter((y) => !kept.has(y.path));
  for (const p of result.rebuilt) rep.line(`${p.key}: ${p.reasons.map((r) => describeReason(r, opts.lang)).join("; ")}`);
  for (const y of years) rep.line(`${y.path}: ${y.reasons.map((r) => describeReason(r, opts.lang)).join("; ")}`);
  for (const f of result.removed) rep.line(vi ? `${f}: văn bản không còn, tệp sẽ bị xóa` : `${f}: document no longer exists, file would be removed`);
  const parts: string[] = [];
  if (stale.length + result.removed.length + years.length)
    parts.push(
      vi
        ? `${stale.length} văn bản${years.length ? ` và ${years.length} tệp chung của năm` : ""} chưa cập nhật. Chạy npm run build-docs rồi commit out/.`
        : `${stale.length} documents${years.length ? ` and ${years.length} of the year's combined files` : ""} out of date. Run npm run build-docs and commit out/.`,
    );
  if (kept.size) {
    // Each kept file's document: the --only name its warning gives.
    const only = [...new Set(result.diagnostics.filter((d) => KEPT_OUTPUT_CODES.has(d.code) && kept.has(d.pos.file)).map((d) => String(d.params.only)).filter(Boolean))];
    const files = [...kept].join(", ");
    // Every kept file known as the build's own, edited since: said as an edit; else also as a file the tool did not write.
    const byHand = [...kept].every((f) => keptAsEdit(result.diagnostics, f));
    // One --only per command: with several documents, the command is given once with each name listed.
    const name = only.length === 1 ? only[0]! : vi ? "<văn bản>" : "<document>";
    const each = only.length > 1 ? (vi ? ` với từng văn bản (${only.join(", ")})` : ` for each document (${only.join(", ")})`) : "";
    parts.push(
      vi
        ? `${kept.size} tệp trong out/ ${byHand ? "đã được sửa tay" : "đã được sửa tay hoặc không do công cụ ghi"} (${files}), khác với dữ liệu; lập lại cũng không thay đổi được vì công cụ giữ nguyên bản sửa tay. Để hết: đưa phần sửa vào data/ rồi chạy npm run build-docs -- --only ${name} --replace-edited${each}, hoặc xóa tệp đó rồi chạy npm run build-docs; sau đó commit out/.`
        : `${kept.size} files in out/ ${byHand ? "were edited by hand" : "were edited by hand or not written by the tool"} (${files}) and differ from the data; a build does not change them, as it keeps edits. To clear this: put the change into data/ and run npm run build-docs -- --only ${name} --replace-edited${each}, or delete the file and run npm run build-docs; then commit out/.`,
    );
  }
  rep.line(
    parts.length
      ? (vi ? "Kiểm tra: " : "Check: ") + parts.join(" ")
      : vi
        ? `Kiểm tra: cả ${result.skipped.length} văn bản trong out/ đều đúng với dữ liệu.`
        : `Check: all ${result.skipped.length} documents in out/ match the data.`,
  );
  return parts.length ? 1 : 0;
}

/** The closing line of a build that succeeded. */
function doneLine(built: number, skipped: number, seconds: string, opts: CliOptions, keptOnly = 0, byHand = true): string {
  const keptVi = byHand ? "giữ nguyên bản sửa tay" : "giữ nguyên tệp đã có trong out/";
  const keptEn = byHand ? "kept as edited by hand" : "kept as found in out/";
  return opts.lang === "vi"
    ? `Xong: ${built} văn bản được lập, ${skipped} bỏ qua (không đổi), ${keptOnly ? `${keptOnly} ${keptVi}, ` : ""}0 lỗi, ${seconds} giây.`
    : `Done: ${built} documents built, ${skipped} skipped (unchanged), ${keptOnly ? `${keptOnly} ${keptEn}, ` : ""}0 failed, ${seconds} s.`;
}
