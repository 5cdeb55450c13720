/**
 * npm run bench [-- --runs N] [--json <file>]: how fast the tool is as a person
 * feels it. Whole processes first, each run in turn with its like in the same
 * run of the bench (node -e 0, npm's own cost, a Typst compile of a comparable
 * page, LibreOffice converting the same DOCX in one process), as medians with
 * min–max of N runs; then the warm figures, in one process. Every project it
 * builds is a copy in a temporary folder outside the project, removed at the
 * end. The report is plain text on standard output (progress on standard
 * error), and the same figures as JSON with --json.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { type BenchContext, fullColdBuild, oneDocumentCold, startUpAndOneEdit, unitsSeries } from "./bench-cli.ts";
import { BENCH_USAGE, type BenchReport, type BenchSection, formatReport, parseBenchArgs, reportJson, runsSection, type WarmRow } from "./bench-report.ts";
import { countryFigures, provinceFigures } from "./bench-province.ts";
import { watchRebuild } from "./bench-watch.ts";
import { warmFigures } from "./bench-warm.ts";
import { hasGnuTime, type ProcessSample } from "./external.ts";

async function main(): Promise<number> {
  const args = parseBenchArgs(process.argv.slice(2));
  if (args.help || args.errors.length) {
    for (const e of args.errors) console.error(e);
    console.error(BENCH_USAGE);
    return args.errors.length ? 2 : 0;
  }
  const root = process.cwd();
  if (!existsSync(join(root, "bin", "khoi-thi-dua.js")) || !existsSync(join(root, "dist", "cli", "main.js"))) {
    console.error("run the bench from the project folder, compiled: npm run bench");
    return 2;
  }
  const loadStart = loadavg();
  const log = (s: string) => process.stderr.write(s + "\n");
  const tmp = mkdtempSync(join(tmpdir(), "ktd-bench-"));
  const ctx: BenchContext = { root, tmp, runs: args.runs, env: { ...process.env, NO_COLOR: "1" }, log, figures: [], skipped: [], notes: [] };
  let failed = false;
  const section = async <T>(name: string, part: BenchSection, fn: () => T | Promise<T>): Promise<T | undefined> => {
    if (!runsSection(args, part)) return undefined;
    try {
      return await fn();
    } catch (err) {
      failed = true;
      ctx.skipped.push(`${name} FAILED: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };
  let warm: { rows: WarmRow[] } = { rows: [] };
  log(`bench: ${args.runs} runs of each figure; copies in ${tmp}`);
  try {
    const edits: ProcessSample[] | undefined = await section("start-up and one edit", "start-up", () => startUpAndOneEdit(ctx));
    await section("--watch", "watch", () => watchRebuild(ctx, edits));
    await section("one document cold", "one-document", () => oneDocumentCold(ctx));
    await section("full cold build", "full", () => fullColdBuild(ctx));
    await section("units series", "units", () => unitsSeries(ctx));
    await section("the province", "province", () => provinceFigures(ctx));
    const w = await section("warm figures", "warm", () => warmFigures(root, args.runs, log));
    if (w) {
      warm = w;
      ctx.figures.push(...w.figures);
    }
    await section("the country", "country", () => countryFigures(ctx));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  if (!hasGnuTime()) ctx.notes.push("processor time and peak memory not measured: GNU time is not at /usr/bin/time");
  ctx.notes.push(
    "wall times are taken around each process from the bench (spawn to exit); cpu (user + system) and peak memory come from /usr/bin/time, which adds the same small cost to every process",
    `the environment of every process is the bench's own (CI ${process.env["CI"] ? `set to ${process.env["CI"]}` : "unset"}), with NO_COLOR=1; standard error is a pipe, so no progress bar`,
  );
  const report: BenchReport = {
    machine: { cores: availableParallelism(), node: process.version, platform: `${process.platform}/${process.arch}`, loadStart, loadEnd: loadavg() },
    runs: args.runs,
    figures: ctx.figures,
    warmRows: warm.rows,
    skipped: ctx.skipped,
    notes: ctx.notes,
  };
  process.stdout.write(formatReport(report));
  if (args.json) writeFileSync(args.json, JSON.stringify(reportJson(report), null, 2) + "\n");
  return failed ? 1 : 0;
}

process.exitCode = await main();
