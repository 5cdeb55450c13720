/**
 * The whole-process figures of the bench: each command a new process, timed
 * from outside, and run in turn with its like (node -e 0, npm's own cost, a
 * Typst compile, a LibreOffice batch), so both meet the same load.
 */
import { copyFileSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { Figure, Target } from "./bench-report.ts";
import { stats } from "./bench-report.ts";
import { copyExample, EDITED_UNIT, editRegistration, cli, cliBuilt, syntheticProject } from "./bench-projects.ts";
import { hasCommand, sofficeToPdf, timedProcess, type ProcessSample } from "./external.ts";
import { installTypst, writeComparablePage } from "./typst.ts";

export interface BenchContext {
  root: string;
  /** The temporary folder (outside the project) of every copy; removed by the caller. */
  tmp: string;
  runs: number;
  env: NodeJS.ProcessEnv;
  log: (s: string) => void;
  figures: Figure[];
  skipped: string[];
  notes: string[];
}

export interface Step {
  /** Untimed preparation before each run. */
  before?: (round: number) => void;
  run: (round: number) => ProcessSample;
}

/** `runs` rounds; in each, every step once, in order: a figure and its like are measured side by side. */
export function inTurn<K extends string>(runs: number, steps: Record<K, Step>): Record<K, ProcessSample[]> {
  const out = Object.fromEntries(Object.keys(steps).map((k) => [k, [] as ProcessSample[]])) as unknown as Record<K, ProcessSample[]>;
  for (let i = 0; i < runs; i++)
    for (const k of Object.keys(steps) as K[]) {
      steps[k].before?.(i);
      out[k].push(steps[k].run(i));
    }
  return out;
}

export function figureOf(
  id: string,
  what: string,
  samples: readonly ProcessSample[],
  opts: { against?: { what: string; samples: readonly ProcessSample[]; per?: number }; target?: Target; note?: string; per?: number; unit?: string } = {},
): Figure {
  const per = opts.per ?? 1;
  const all = <T>(xs: (T | undefined)[]): xs is T[] => xs.every((x) => x !== undefined);
  const cpu = samples.map((s) => s.cpuMs);
  const peak = samples.map((s) => s.peakMiB);
  return {
    id,
    kind: "whole",
    what,
    unit: opts.unit ?? "ms",
    value: stats(samples.map((s) => s.ms / per)),
    ...(per === 1 && all(cpu) ? { cpu: stats(cpu) } : {}),
    ...(per === 1 && all(peak) ? { peakMiB: stats(peak) } : {}),
    ...(opts.against ? { against: { what: opts.against.what, value: stats(opts.against.samples.map((s) => s.ms / (opts.against!.per ?? per))) } } : {}),
    ...(opts.target ? { target: opts.target } : {}),
    ...(opts.note ? { note: opts.note } : {}),
  };
}

const NODE = "node -e 0";

/**
 * node -e 0, --help, a no-op build, npm run build-docs with nothing to do beside
 * npm running a script that does nothing, and one changed data file, on the example.
 */
export function startUpAndOneEdit(ctx: BenchContext): ProcessSample[] {
  const { root, env } = ctx;
  const p = copyExample(root, join(ctx.tmp, "example-edit"));
  // Out of date for this tool or not, out/ is current after this, and the caches are warm after the edit.
  cli(root, ["build", "--root", p], env);
  editRegistration(p, 499);
  cliBuilt(root, ["build", "--root", p], env, (n) => n >= 1, "warm-up edit");
  ctx.log("  start-up, no-op and one edit (example)...");
  const s = inTurn(ctx.runs, {
    node: { run: () => timedProcess(process.execPath, ["-e", "0"], { env }) },
    help: { run: () => cli(root, ["--help"], env) },
    noop: { run: () => cliBuilt(root, ["build", "--root", p], env, (n) => n === 0, "no-op build") },
    npmNoop: { run: () => timedProcess("npm", ["run", "-s", "build-docs", "--", "--root", p], { cwd: root, env }) },
    npmEnv: { run: () => timedProcess("npm", ["run", "-s", "env"], { cwd: root, env }) },
    edit: {
      before: (i) => editRegistration(p, 500 + i),
      run: () => cliBuilt(root, ["build", "--root", p], env, (n) => n >= 1, "one-edit build"),
    },
  });
  const node = { what: NODE, samples: s.node };
  ctx.figures.push(
    figureOf("node", NODE, s.node),
    figureOf("help", "khoi-thi-dua --help", s.help, { against: node, target: { maxRatio: 1.5 } }),
    figureOf("noop-build", "build with nothing to do (example)", s.noop, { against: node, target: { maxRatio: 2 } }),
    figureOf("npm-noop", "npm run -s build-docs with nothing to do", s.npmNoop, {
      against: { what: "npm run -s env (npm's own cost: a script that does nothing)", samples: s.npmEnv },
    }),
    figureOf("one-edit", "one data file changed (so-y-te registration) → its documents rebuilt, example", s.edit, { against: node, target: { max: 500, maxRatio: 3 } }),
  );
  return s.edit;
}

/** One document made cold (`build --only`, its files gone from out/) against a cold Typst compile of a comparable page. */
export function oneDocumentCold(ctx: BenchContext): void {
  const { root, env } = ctx;
  const typstDir = join(ctx.tmp, "typst");
  ctx.log("  installing Typst into the temporary folder (npm)...");
  const typst = installTypst(typstDir);
  if ("skipped" in typst) {
    ctx.skipped.push(typst.skipped);
    return;
  }
  const page = writeComparablePage(typstDir);
  const pdf = join(typstDir, "page.pdf");
  const p = copyExample(root, join(ctx.tmp, "example-one-cold"));
  cli(root, ["build", "--root", p], env);
  const gone = () => {
    for (const ext of ["docx", "pdf"]) rmSync(join(p, "out", "2020", `dang-ky-${EDITED_UNIT}.${ext}`), { force: true });
  };
  // One untimed run of each: the files both read are in the system's cache for both.
  gone();
  cliBuilt(root, ["build", "--root", p, "--only", EDITED_UNIT], env, (n) => n === 1, "--only build");
  timedProcess(typst.bin, ["compile", page, pdf], { env });
  ctx.log("  one document cold against Typst...");
  const s = inTurn(ctx.runs, {
    ours: { before: gone, run: () => cliBuilt(root, ["build", "--root", p, "--only", EDITED_UNIT], env, (n) => n === 1, "--only build") },
    typst: { before: () => rmSync(pdf, { force: true }), run: () => timedProcess(typst.bin, ["compile", page, pdf], { env }) },
  });
  const pages = (f: string) => (hasCommand("pdfinfo") ? (/Pages:\s+(\d+)/.exec(timedProcess("pdfinfo", [f]).stdout)?.[1] ?? "?") : "?");
  const version = timedProcess(typst.bin, ["--version"]).stdout.trim();
  ctx.figures.push(
    figureOf("one-document-cold", `build --only ${EDITED_UNIT} (one registration, DOCX + PDF), its files gone from out/, example`, s.ours, {
      against: { what: `${version} compile of a comparable page (Vietnamese, header table, body, 40-row table)`, samples: s.typst },
      target: { maxRatio: 2 },
      note: `pages: ours ${pages(join(p, "out", "2020", `dang-ky-${EDITED_UNIT}.pdf`))}, Typst ${pages(pdf)}; ours also writes the DOCX`,
    }),
  );
}

/** A full build of the example from an empty out/ against LibreOffice converting the same DOCX in one process. */
export function fullColdBuild(ctx: BenchContext): void {
  const { root, env } = ctx;
  const p = copyExample(root, join(ctx.tmp, "example-full"));
  const out = join(p, "out");
  const empty = () => rmSync(out, { recursive: true, force: true });
  const build = () => cliBuilt(root, ["build", "--root", p], env, (n) => n >= 16, "full build");
  empty();
  build();
  if (!hasCommand("soffice")) {
    ctx.skipped.push("LibreOffice comparison skipped: soffice is not installed");
    ctx.log("  full cold build...");
    ctx.figures.push(figureOf("full-cold", "full build of the example from an empty out/ (caches included)", inTurn(ctx.runs, { ours: { before: empty, run: build } }).ours, { target: { max: 1000 } }));
    return;
  }
  const docxDir = join(ctx.tmp, "soffice-docx");
  mkdirSync(docxDir);
  const docx = readdirSync(join(out, "2020"))
    .filter((n) => n.endsWith(".docx"))
    .sort()
    .map((name) => {
      copyFileSync(join(out, "2020", name), join(docxDir, name));
      return join(docxDir, name);
    });
  let call = 0;
  const soffice = () => {
    const dir = join(ctx.tmp, `soffice-${call++}`);
    mkdirSync(join(dir, "pdf"), { recursive: true });
    const s = sofficeToPdf(docx, join(dir, "pdf"), join(dir, "profile"));
    const made = readdirSync(join(dir, "pdf")).filter((n) => n.endsWith(".pdf")).length;
    rmSync(dir, { recursive: true, force: true });
    if (made !== docx.length) throw new Error(`LibreOffice wrote ${made} PDF of ${docx.length}`);
    return s;
  };
  soffice();
  ctx.log(`  full cold build against LibreOffice (${docx.length} DOCX, one process each run)...`);
  const s = inTurn(ctx.runs, { ours: { before: empty, run: build }, soffice: { run: soffice } });
  ctx.figures.push(
    figureOf("full-cold", `full build of the example from an empty out/ (caches included; ${docx.length} documents, DOCX + PDF, bundle, report)`, s.ours, {
      against: { what: `LibreOffice converting the same ${docx.length} DOCX to PDF: one soffice --headless --convert-to pdf process, fresh profile`, samples: s.soffice },
      target: { max: 1000, minSpeedup: 5 },
    }),
  );
}

/** Full cold builds of synthetic blocs of 50, 100 and 200 units (time, peak memory, ms per unit); then one edit at 200 units. */
export function unitsSeries(ctx: BenchContext): void {
  const { root, env } = ctx;
  const project = (u: number) => join(ctx.tmp, `units-${u}`);
  for (const u of [50, 100, 200]) syntheticProject(root, u, project(u));
  const step = (u: number): Step => ({
    before: () => rmSync(join(project(u), "out"), { recursive: true, force: true }),
    run: () => cliBuilt(root, ["build", "--root", project(u)], env, (n) => n > u, `${u}-unit build`),
  });
  ctx.log("  full cold builds at 50, 100 and 200 units...");
  const s = inTurn(ctx.runs, { u50: step(50), u100: step(100), u200: step(200) });
  const at50 = { what: "ms per unit at 50 units (1.00× = linear)", samples: s.u50, per: 50 };
  ctx.figures.push(
    figureOf("units-50", "full cold build, 50-unit synthetic bloc", s.u50),
    figureOf("units-100", "full cold build, 100-unit synthetic bloc", s.u100),
    figureOf("units-200", "full cold build, 200-unit synthetic bloc", s.u200, { target: { max: 5000, maxPeakMiB: 250 } }),
    figureOf("ms-per-unit-50", "ms per unit, 50 units", s.u50, { per: 50, unit: "ms/unit" }),
    figureOf("ms-per-unit-100", "ms per unit, 100 units", s.u100, { per: 100, unit: "ms/unit", against: at50 }),
    figureOf("ms-per-unit-200", "ms per unit, 200 units", s.u200, { per: 200, unit: "ms/unit", against: at50 }),
  );
  // out/ of the 200-unit bloc is current now; one untimed edit warms its caches.
  const p = project(200);
  editRegistration(p, 499);
  cliBuilt(root, ["build", "--root", p], env, (n) => n >= 1, "warm-up edit, 200 units");
  ctx.log("  one edit at 200 units...");
  const e = inTurn(ctx.runs, {
    node: { run: () => timedProcess(process.execPath, ["-e", "0"], { env }) },
    edit: { before: (i) => editRegistration(p, 500 + i), run: () => cliBuilt(root, ["build", "--root", p], env, (n) => n >= 1, "one-edit build, 200 units") },
  });
  ctx.figures.push(figureOf("one-edit-200", "one data file changed → its documents rebuilt, 200-unit synthetic bloc", e.edit, { against: { what: NODE, samples: e.node }, target: { max: 1500 } }));
}
