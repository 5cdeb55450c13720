// The pipeline's modules (and pdf-lib, fontkit, docxtemplater behind them) load only when a
// command needs them: a build with nothing to do never loads them.
import type { BuildOptions, BuildResult } from "../write/build.ts";
import { upToDate } from "../write/up-to-date.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { formatDiagnostic, summaryLine } from "../diagnostics/format.ts";
import type { World } from "../io/world.ts";
import { fontsourceTinosDir } from "../pdf/fonts/package-dir.ts";
import type { CliOptions } from "./args.ts";
import { describeReason, makeReporter, type Reporter } from "./reporter.ts";
import { toolVersion } from "./tool-version.ts";

function report(items: Diagnostic[], opts: CliOptions, out: (s: string) => void): { errors: number; warnings: number } {
  for (const d of items) out(formatDiagnostic(d, opts.lang));
  const errors = items.filter((d) => d.severity === "error").length;
  return { errors, warnings: items.length - errors };
}

export async function runValidate(world: World, opts: CliOptions, out: (s: string) => void): Promise<number> {
  const [{ checkProject }, { pendingChange }, { Diagnostics }] = await Promise.all([import("../pipeline.ts"), import("../write/transaction.ts"), import("../diagnostics/diagnostic.ts")]);
  const pending = new Diagnostics();
  await pendingChange(world, pending);
  const { diagnostics } = await checkProject(world, opts.dataDir);
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
    ...(opts.only ? { only: opts.only } : {}),
    ...(opts.year ? { year: opts.year } : {}),
  };
}

/** One build (or check) with its report; returns the exit status. */
export async function runBuild(world: World, opts: CliOptions, rep: Reporter = makeReporter(process.stderr, process.env)): Promise<number> {
  const t0 = world.monotonicMs();
  const vi = opts.lang === "vi";
  const options = buildOptions(opts);
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
  const { buildProject } = await import("../write/build.ts");
  const result = await buildProject(world, { ...options, onProgress: (d, t, k) => rep.progress(d, t, k) });
  rep.finish();
  const { errors, warnings } = report(result.diagnostics, opts, (s) => rep.line(s));
  const seconds = ((world.monotonicMs() - t0) / 1000).toFixed(2);
  if (opts.check) return checkSummary(result, opts, rep, errors);
  for (const f of result.written) rep.line((vi ? "đã ghi " : "wrote ") + f);
  for (const f of result.removed) rep.line((vi ? "đã xóa " : "removed ") + f);
  for (const f of result.kept ?? []) rep.line((vi ? "giữ nguyên (đã sửa tay) " : "kept (edited by hand) ") + f);
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
  const built = result.rebuilt.length;
  rep.line(doneLine(built, result.skipped.length, seconds, opts));
  return 0;
}

function checkSummary(result: BuildResult, opts: CliOptions, rep: Reporter, errors: number): number {
  const vi = opts.lang === "vi";
  if (errors) return 1;
  for (const p of result.rebuilt) rep.line(`${p.key}: ${p.reasons.map((r) => describeReason(r, opts.lang)).join("; ")}`);
  for (const y of result.yearOutputs ?? []) rep.line(`${y.path}: ${y.reasons.map((r) => describeReason(r, opts.lang)).join("; ")}`);
  for (const f of result.removed) rep.line(vi ? `${f}: văn bản không còn, tệp sẽ bị xóa` : `${f}: document no longer exists, file would be removed`);
  const years = result.yearOutputs?.length ?? 0;
  const stale = result.rebuilt.length + result.removed.length + years;
  rep.line(
    stale
      ? vi
        ? `Kiểm tra: ${result.rebuilt.length} văn bản${years ? ` và ${years} tệp chung của năm` : ""} chưa cập nhật. Chạy npm run build-docs rồi commit out/.`
        : `Check: ${result.rebuilt.length} documents${years ? ` and ${years} of the year's combined files` : ""} out of date. Run npm run build-docs and commit out/.`
      : vi
        ? `Kiểm tra: cả ${result.skipped.length} văn bản trong out/ đều đúng với dữ liệu.`
        : `Check: all ${result.skipped.length} documents in out/ match the data.`,
  );
  return stale ? 1 : 0;
}

/** The closing line of a build that succeeded. */
function doneLine(built: number, skipped: number, seconds: string, opts: CliOptions): string {
  return opts.lang === "vi"
    ? `Xong: ${built} văn bản được lập, ${skipped} bỏ qua (không đổi), 0 lỗi, ${seconds} giây.`
    : `Done: ${built} documents built, ${skipped} skipped (unchanged), 0 failed, ${seconds} s.`;
}
