/**
 * The province's figures of the bench: a synthetic province of 15 blocs × 15 units
 * (synthetic-province.ts) built by `tinh build` as whole processes (cold, nothing to do, one
 * bloc's score changed), and with --country the synthetic country (34 provinces × 10 blocs × 15
 * units) built as 34 workspace builds, with the line its total follows.
 */
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext } from "./bench-cli.ts";
import { figureOf, inTurn } from "./bench-cli.ts";
import { cli } from "./bench-projects.ts";
import { stats } from "./bench-report.ts";
import { timedProcess, type ProcessSample } from "./external.ts";
import { blocId, writeSyntheticCountry, writeSyntheticProvince } from "./synthetic-province.ts";
import { exampleFiles } from "./synthetic.ts";

/** What one `tinh build` said: the blocs done of all, the documents each bloc built, whether the province's view was written. */
export interface ProvinceRun {
  done: number;
  blocs: number;
  built: number[];
  viewWritten: boolean;
}

export function parseProvinceRun(out: string): ProvinceRun | undefined {
  const summary = /^Tỉnh: (\d+)\/(\d+) khối lập xong/m.exec(out);
  if (!summary) return undefined;
  return {
    done: Number(summary[1]),
    blocs: Number(summary[2]),
    built: [...out.matchAll(/, (\d+) văn bản được lập$/gm)].map((m) => Number(m[1])),
    viewWritten: /^ {2}đã ghi out\/tinh-\d{4}\//m.test(out),
  };
}

/** `tinh build` of the workspace as a new process; throws unless every bloc was done and `expect` holds. */
function tinhBuild(ctx: BenchContext, ws: string, expect: (r: ProvinceRun) => boolean, what: string): ProcessSample & { run: ProvinceRun } {
  const s = cli(ctx.root, ["tinh", "build", "--root", ws], ctx.env);
  const run = parseProvinceRun(s.stdout);
  if (!run || run.done !== run.blocs || !expect(run)) throw new Error(`${what}: tinh build said ${run ? JSON.stringify(run) : "no summary"}\n${s.stdout.slice(-1500)}`);
  return { ...s, run };
}

/** Every out/ of the workspace gone: the province's and each bloc's. */
function emptyOutputs(ws: string): void {
  rmSync(join(ws, "out"), { recursive: true, force: true });
  for (const b of readdirSync(join(ws, "khoi"))) rmSync(join(ws, "khoi", b, "out"), { recursive: true, force: true });
}

/** One bloc's score changed: the score the bloc gave a unit for the first criterion at year end, a new value each round (the tables, the results file and so the province's view change). */
function editScore(bloc: string, round: number): void {
  const p = join(bloc, "data/2020/ket-qua/so-gddt.yaml");
  const text = readFileSync(p, "utf8");
  const at = text.indexOf("tong_ket:");
  const after = text.slice(at).replace(/khoi_cham: \d+/, `khoi_cham: ${10 + (round % 10)}`);
  if (at < 0 || after === text.slice(at)) throw new Error(`${p}: no tong_ket khoi_cham to change`);
  writeFileSync(p, text.slice(0, at) + after);
}

const NODE = "node -e 0";

/** A province of 15 blocs × 15 units: cold, nothing to do, one bloc's score changed; beside node -e 0. */
export function provinceFigures(ctx: BenchContext): void {
  const ws = join(ctx.tmp, "province-15x15");
  writeSyntheticProvince(exampleFiles(ctx.root), ws, { tinh: "Trà Vinh", blocs: 15, units: 15 });
  let docs = 0;
  const cold = () => {
    const r = tinhBuild(ctx, ws, (r) => r.built.length === 15 && r.built.every((n) => n > 0) && r.viewWritten, "cold tinh build");
    docs = r.run.built.reduce((a, b) => a + b, 0);
    return r;
  };
  // One untimed build: the files every run reads are in the system's cache.
  cold();
  ctx.log("  a province of 15 blocs × 15 units: cold tinh build...");
  const c = inTurn(ctx.runs, { cold: { before: () => emptyOutputs(ws), run: cold } });
  ctx.log("  the province: nothing to do, one bloc's score changed...");
  let rebuilt: ProvinceRun | undefined;
  const s = inTurn(ctx.runs, {
    node: { run: () => timedProcess(process.execPath, ["-e", "0"], { env: ctx.env }) },
    noop: { run: () => tinhBuild(ctx, ws, (r) => r.built.every((n) => n === 0) && !r.viewWritten, "tinh build with nothing to do") },
    edit: {
      before: (i) => editScore(join(ws, "khoi", blocId(0)), i),
      run: () => {
        const r = tinhBuild(ctx, ws, (r) => r.built.filter((n) => n > 0).length === 1 && r.built[0]! > 0 && r.viewWritten, "tinh build after one bloc's score changed");
        rebuilt = r.run;
        return r;
      },
    },
  });
  const node = { what: NODE, samples: s.node };
  ctx.figures.push(
    figureOf("province-cold", `tinh build, a province of 15 blocs × 15 units from empty out/ folders (${docs} documents, DOCX + PDF, and the province's view)`, c.cold, { target: { max: 15_000, maxPeakMiB: 400 } }),
    figureOf("province-noop", "tinh build with nothing to do, same province", s.noop, { against: node }),
    figureOf("province-one-bloc", "one bloc's score changed (its results file) → tinh build, same province", s.edit, {
      against: node,
      target: { max: 2000 },
      note: rebuilt ? `rebuilt: 1 bloc of 15 (${rebuilt.built[0]} documents) and the province's view; the other 14 skipped by their own up-to-date check` : "",
    }),
  );
}

/** Least squares y ≈ a + b·x, with R². */
export function linearFit(xs: readonly number[], ys: readonly number[]): { a: number; b: number; r2: number } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const b = sxx ? sxy / sxx : 0;
  return { a: my - b * mx, b, r2: syy ? (sxy * sxy) / (sxx * syy) : 1 };
}

function folderBytes(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

/**
 * The synthetic country: 34 provinces × 10 blocs × 15 units, each province's workspace built
 * cold by one `tinh build` process, one after the other; the total after k provinces against k
 * (the line, and whether the last provinces took longer than the first), then the country with
 * nothing to do and one bloc changed in one province.
 */
export function countryFigures(ctx: BenchContext, shape = { provinces: 34, blocs: 10, units: 15 }): void {
  const dir = join(ctx.tmp, "country");
  ctx.log(`  writing the synthetic country (${shape.provinces} provinces × ${shape.blocs} blocs × ${shape.units} units)...`);
  const t0 = performance.now();
  const provinces = writeSyntheticCountry(exampleFiles(ctx.root), dir, shape);
  const writeMs = performance.now() - t0;
  const cold: (ProcessSample & { run: ProvinceRun })[] = [];
  provinces.forEach((ws, i) => {
    ctx.log(`  country: province ${i + 1} of ${provinces.length}, cold...`);
    cold.push(tinhBuild(ctx, ws, (r) => r.built.length === shape.blocs && r.built.every((n) => n > 0) && r.viewWritten, `cold tinh build of province ${i + 1}`));
  });
  const docs = cold.reduce((s, c) => s + c.run.built.reduce((a, b) => a + b, 0), 0);
  const cumulative: number[] = [];
  cold.reduce((sum, c) => (cumulative.push(sum + c.ms), sum + c.ms), 0);
  const ks = cumulative.map((_, i) => i + 1);
  const line = linearFit(ks, cumulative);
  const drift = linearFit(ks, cold.map((c) => c.ms));
  const third = Math.max(1, Math.floor(cold.length / 3));
  const firstThird = stats(cold.slice(0, third).map((c) => c.ms)).median;
  const lastThird = stats(cold.slice(-third).map((c) => c.ms)).median;
  const total = cumulative.at(-1)!;
  const units = shape.provinces * shape.blocs * shape.units;
  const bytes = provinces.reduce((s, ws) => s + folderBytes(ws), 0);
  ctx.log("  country: nothing to do, one bloc changed in one province...");
  const noop = provinces.map((ws) => tinhBuild(ctx, ws, (r) => r.built.every((n) => n === 0) && !r.viewWritten, "country with nothing to do"));
  const edit = inTurn(ctx.runs, {
    edit: { before: (i) => editScore(join(provinces[0]!, "khoi", blocId(0)), i), run: () => tinhBuild(ctx, provinces[0]!, (r) => r.built.filter((n) => n > 0).length === 1 && r.viewWritten, "one bloc changed in the country") },
  });
  const sum = (xs: readonly ProcessSample[]) => ({ ms: xs.reduce((s, x) => s + x.ms, 0), stdout: "", stderr: "" });
  ctx.figures.push(
    figureOf("country-province-cold", `one province of ${shape.blocs} blocs × ${shape.units} units, cold tinh build, over the ${provinces.length} provinces of the country`, cold, {
      note: `last ${third} provinces' median / first ${third}'s: ${(lastThird / firstThird).toFixed(2)}×; per-province time against its place in the order: ${drift.b.toFixed(1)} ms per province (0 = no growth)`,
    }),
    figureOf("country-cold", `the country cold: ${provinces.length} workspace builds one after the other (${units} units, ${docs} documents, ${(bytes / 2 ** 20).toFixed(0)} MiB of data and outputs)`, [sum(cold)], {
      unit: "ms",
      note: `total after k provinces ≈ ${(line.a / 1000).toFixed(1)} s + ${(line.b / 1000).toFixed(2)} s × k (R² = ${line.r2.toFixed(4)}); ${(total / docs).toFixed(1)} ms per document, ${(total / units).toFixed(1)} ms per unit; writing the synthetic data took ${(writeMs / 1000).toFixed(1)} s (not counted)`,
    }),
    figureOf("country-noop", `the country with nothing to do: ${provinces.length} tinh build processes`, [sum(noop)]),
    figureOf("country-one-bloc", "one bloc's score changed in one province of the country → that province's tinh build", edit.edit, { target: { max: 2000 } }),
  );
}
