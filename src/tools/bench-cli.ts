/**
 * Cold processes of the real CLI, timed beside `node -e 0` in the same run:
 * `--help`, a no-op build, `npm run build-docs` with nothing to do, and a full
 * build of the example from an empty out/ (medians of 5 each), and the peak
 * memory of a whole 200-unit build (GNU time, when installed).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const env = { ...process.env, CI: "true", NO_COLOR: "1" };

function timed(cmd: string, args: string[], opts: { cwd?: string; before?: () => void } = {}, runs = 5): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    opts.before?.();
    const t = performance.now();
    const r = spawnSync(cmd, args, { cwd: opts.cwd, env, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    ms.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: exit ${r.status}\n${r.stderr}`);
  }
  return median(ms);
}

export function benchCli(root: string, project200: string): void {
  const bin = join(root, "bin", "khoi-thi-dua.js");
  const tmp = mkdtempSync(join(tmpdir(), "ktd-bench-cli-"));
  try {
    const example = join(tmp, "example");
    for (const part of ["data", "templates", "out"]) cpSync(join(root, part), join(example, part), { recursive: true, filter: (p) => !p.includes(".cache") });
    const node = timed(process.execPath, ["-e", "0"]);
    const help = timed(process.execPath, [bin, "--help"]);
    timed(process.execPath, [bin, "build", "--root", example], {}, 1); // out/ current for this tool
    const noop = timed(process.execPath, [bin, "build", "--root", example]);
    const npm = timed("npm", ["run", "-s", "build-docs", "--", "--root", example], { cwd: root });
    const full = timed(process.execPath, [bin, "build", "--root", example], { before: () => rmSync(join(example, "out"), { recursive: true, force: true }) });
    const r = (x: number) => `${x.toFixed(0)} ms (${(x / node).toFixed(1)}× node -e 0)`;
    console.log(`cold processes: node -e 0 ${node.toFixed(0)} ms; --help ${r(help)}; no-op build ${r(noop)}; npm run build-docs with nothing to do ${npm.toFixed(0)} ms; full build of the example ${full.toFixed(0)} ms`);
    if (existsSync("/usr/bin/time")) {
      const t = spawnSync("/usr/bin/time", ["-f", "%M %e", process.execPath, bin, "build", "--root", project200], { env, encoding: "utf8" });
      const [kb, s] = (t.stderr.trim().split("\n").pop() ?? "").split(" ");
      console.log(`200-unit bloc, whole CLI build from an empty out/: ${s} s, peak memory ${(Number(kb) / 1024).toFixed(0)} MiB`);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
