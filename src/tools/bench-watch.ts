/**
 * `build --watch` as a person uses it: start it on a copy of the example, wait
 * for its ready line, change one data file, and time from the write to the
 * rebuild's closing line on its standard error. The build's own time (its
 * closing line says it) and the debounce of src/cli/watch.ts are given apart.
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BenchContext } from "./bench-cli.ts";
import { stats } from "./bench-report.ts";
import { builtCount, cli, copyExample, editRegistration } from "./bench-projects.ts";
import type { ProcessSample } from "./external.ts";

const READY = /^(?:Đang theo dõi thay đổi|Watching for changes)/;
const DONE = /^(?:Xong|Done): (\d+) .*?([\d.]+) (?:giây|s)\.$/;

/** The debounce of the watch, as written in src/cli/watch.ts (a number of ms in its setTimeout or a named constant), if found. */
export function watchDebounceMs(source: string): number | undefined {
  const named = /(?:const|let)\s+\w*(?:DEBOUNCE|debounce)\w*\s*=\s*(\d+)/.exec(source);
  const literal = /setTimeout\(\s*\(\)\s*=>\s*void\s+build\(\)\s*,\s*(\d+)\s*\)/.exec(source);
  const m = named ?? literal;
  return m ? Number(m[1]) : undefined;
}

/** Lines of a stream, with a wait for the next line (after a given index) that matches. */
function lineReader(stream: NodeJS.ReadableStream) {
  const lines: { at: number; text: string }[] = [];
  let waiters: (() => void)[] = [];
  let rest = "";
  stream.setEncoding("utf8");
  stream.on("data", (d: string) => {
    const at = performance.now();
    const parts = (rest + d).split("\n");
    rest = parts.pop()!;
    for (const text of parts) lines.push({ at, text });
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  });
  return {
    lines,
    async next(from: number, re: RegExp, timeoutMs: number): Promise<{ index: number; at: number; text: string }> {
      const deadline = performance.now() + timeoutMs;
      for (;;) {
        for (let i = from; i < lines.length; i++) if (re.test(lines[i]!.text)) return { index: i, ...lines[i]! };
        from = lines.length;
        const left = deadline - performance.now();
        if (left <= 0) throw new Error(`--watch: no line matching ${re} within ${timeoutMs} ms; its last lines:\n${lines.slice(-8).map((l) => l.text).join("\n")}`);
        await new Promise<void>((ok) => {
          const t = setTimeout(ok, left);
          waiters.push(() => (clearTimeout(t), ok()));
        });
      }
    },
  };
}

export async function watchRebuild(ctx: BenchContext, oneEditWhole: readonly ProcessSample[] | undefined): Promise<void> {
  const { root, env } = ctx;
  const p = copyExample(root, join(ctx.tmp, "example-watch"));
  cli(root, ["build", "--root", p], env); // out/ current before the watch starts
  const child = spawn(process.execPath, [join(root, "bin", "khoi-thi-dua.js"), "build", "--watch", "--root", p], { env, stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  const err = lineReader(child.stderr!);
  try {
    let ready = await err.next(0, READY, 60_000);
    ctx.log("  --watch: one change at a time...");
    const ms: number[] = [];
    const own: number[] = [];
    // The first change comes to a program that has run no build yet (the start found out/ current, and opened the
    // engine while waiting): timed apart, the runs after it are the warm figure.
    let first: number | undefined;
    for (let i = -1; i < ctx.runs; i++) {
      const t0 = performance.now();
      editRegistration(p, 600 + i);
      const done = await err.next(ready.index + 1, DONE, 120_000);
      const m = DONE.exec(done.text)!;
      if (Number(m[1]) < 1) throw new Error(`--watch rebuilt nothing after a change: ${done.text}`);
      ready = await err.next(done.index + 1, READY, 60_000);
      if (i < 0) {
        first = done.at - t0;
        continue;
      }
      ms.push(done.at - t0);
      own.push(1000 * Number(m[2]));
    }
    const debounce = watchDebounceMs(readFileSync(join(root, "src", "cli", "watch.ts"), "utf8"));
    const rest = stats(ms.map((x, i) => x - own[i]!));
    ctx.figures.push(
      {
        id: "watch-rebuild",
        kind: "whole",
        what: "--watch: one data file changed → the rebuild's closing line (from the write), example",
        unit: "ms",
        value: stats(ms),
        ...(oneEditWhole ? { against: { what: "the same edit as a new process (build)", value: stats(oneEditWhole.map((s) => s.ms)) } } : {}),
        target: { max: 100 },
        note: `debounce in src/cli/watch.ts: ${debounce === undefined ? "not found" : `${debounce} ms`}; of the median, ${rest.median.toFixed(0)} ms is the wait before the build starts (debounce and file-watch delivery)`,
      },
      { id: "watch-build-own", kind: "whole", what: "--watch: the rebuild's own time, as its closing line says (10 ms steps)", unit: "ms", value: stats(own) },
      { id: "watch-first-change", kind: "whole", what: "--watch: the first change after the start (out/ current at the start), to its closing line (one run)", unit: "ms", value: stats([first!]) },
    );
    if (builtCount(err.lines.map((l) => l.text).join("\n")) === undefined) throw new Error("--watch printed no closing line");
  } finally {
    child.kill("SIGINT");
    const killed = setTimeout(() => child.kill("SIGKILL"), 5000);
    await exited;
    clearTimeout(killed);
  }
}
