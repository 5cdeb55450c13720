import { Diagnostics } from "../diagnostics/diagnostic.ts";
import { isIoError } from "../io/io-error.ts";
import type { World } from "../io/world.ts";
import { commitBuild } from "./commit-step.ts";
import { keepEdited, yearsWithKept } from "./edited-outputs.ts";
import { FAILED, guard } from "./guard.ts";
import type { BuildOptions, BuildResult } from "./options.ts";
import { planOutputs } from "./plan-step.ts";
import { prepareBuild } from "./prepare-step.ts";
import { renderPlanned } from "./render-step.ts";
import { renderYearOutputs } from "./year-step.ts";

export { FONT_CACHE, type BuildOptions, type BuildResult } from "./options.ts";

/**
 * Stages 5–6 on top of checkProject, in steps with plain data between them:
 * prepare (check the data, read shell and fonts, select) → lock out/ → plan (read out/,
 * decide, refuse signed files) → render (bytes in memory; keep files edited by hand) → commit (atomic writes, manifest last).
 * Any error stops before commit, so a failed build never replaces a good file.
 */
export async function buildProject(world: World, opts: BuildOptions): Promise<BuildResult> {
  const result: BuildResult = { diagnostics: [], written: [], removed: [], rebuilt: [], skipped: [] };
  const diags = new Diagnostics();
  const done = () => ({ ...result, diagnostics: diags.sorted() });
  const lockPath = `${opts.outDir}/.lock`;
  let release: (() => Promise<void>) | undefined;
  try {
    const prepared = await prepareBuild(world, opts, diags);
    if (!prepared) return done();
    // Reading data and checking it needs no lock; reading out/ and writing it does.
    if (!opts.check) {
      const lock = await guard(diags, lockPath, "write", () => world.lock(lockPath));
      if (lock === FAILED) return done();
      release = lock;
      if (!release) {
        diags.error("build/locked", { file: lockPath, line: 1, column: 1 }, { path: lockPath });
        return done();
      }
    }
    const plan = await planOutputs(world, prepared, opts, diags, result);
    if (!plan || diags.hasErrors) return done();
    if (opts.check) {
      result.removed.push(...plan.vanished);
      return done();
    }
    // A file edited by hand since the last build is kept (edited-outputs.ts), and the year outputs know it.
    const files = keepEdited(plan, await renderPlanned(world, prepared, plan, opts, diags), opts, diags);
    if (diags.hasErrors) return done();
    yearsWithKept(plan.years, plan.kept, diags);
    files.push(...keepEdited(plan, await renderYearOutputs(world, prepared, plan.years, plan.previous?.yearOutputs ?? {}, plan.onDisk, files, diags), opts, diags));
    result.kept = [...plan.kept];
    result.yearOutputs = plan.years.filter((y) => y.reasons.length > 0).map((y) => ({ key: y.key, path: y.path, reasons: y.reasons }));
    if (diags.hasErrors) return done();
    await commitBuild(world, prepared, plan, files, opts, diags, result);
    return done();
  } finally {
    await release?.().catch((err: unknown) => {
      if (!isIoError(err)) throw err;
    });
  }
}
