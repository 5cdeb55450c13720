import { resolve } from "node:path";
import type { World } from "../io/world.ts";
import type { CliOptions } from "./args.ts";
import { onOutputClosed } from "./closed-output.ts";
import { buildOptions, runBuild } from "./commands.ts";
import { engineOpened, loadEngine } from "./load-engine.ts";
import { makeReporter } from "./reporter.ts";
import { watchTree } from "./watch-tree.ts";

/**
 * --watch: builds, then rebuilds whenever a file under the data folder or
 * templates/ changes (debounced), printing what was rebuilt; errors are
 * printed and the watch goes on. Ends on Ctrl+C.
 */
/**
 * How long the files must be quiet before a rebuild: an editor's save (write, or write then
 * rename) comes as a burst of events within a millisecond or two, and a person waits for the
 * result. A longer burst (a `git checkout`) split by a pause costs one more rebuild, queued
 * behind the first; what a rebuild read is checked again under the lock before it writes.
 */
const SETTLE_DEBOUNCE_MS = 15;

export async function watchBuild(world: World, opts: CliOptions): Promise<number> {
  const rep = makeReporter(process.stderr, process.env);
  const vi = opts.lang === "vi";
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let again = false;
  // Set on Ctrl+C: a change seen or queued before it starts no build after it.
  let stopped = false;
  /** The last build started: Ctrl+C lets it finish (the process ends as soon as the watch returns: main.ts). */
  let building: Promise<void> | undefined;
  /** Runs `work` alone: a change that comes meanwhile is built once it is done. */
  const alone = async (work: () => Promise<void>) => {
    running = true;
    try {
      await work();
    } finally {
      running = false;
    }
    if (again) {
      again = false;
      void build();
    }
  };
  const build = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    await (building = alone(async () => {
      try {
        // What the world learned of the folders during the last run may be out of date now (a folder become a link).
        world.forget?.();
        await runBuild(world, opts, rep);
      } catch (err) {
        rep.line((vi ? "lỗi chương trình: " : "internal error: ") + (err instanceof Error ? err.message : String(err)));
      }
      rep.line(vi ? "Đang theo dõi thay đổi (Ctrl+C để dừng)..." : "Watching for changes (Ctrl+C to stop)...");
    }));
  };
  // The start found out/ current, so nothing was loaded: the engine is opened now, while the person has not
  // changed anything yet, and the documents composed once as --check composes them (nothing is written, no lock
  // is taken), so the first change is rebuilt by a program already loaded and run. Not when a build is already
  // running (a change came during the start's): that build opens the engine, and two runs never go at once.
  const prime = async () => {
    if (running) return;
    await alone(async () => {
      try {
        const { buildProject } = await loadEngine();
        await buildProject(world, { ...buildOptions(opts), check: true });
      } catch {
        // The change's own build says what is wrong.
      }
    });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void build(), SETTLE_DEBOUNCE_MS);
  };
  const watcher = watchTree(
    [opts.dataDir, "templates"].map((d) => resolve(opts.root, d)),
    () => schedule(),
    (dir, err) => rep.line(`${dir}: ${err instanceof Error ? err.message : String(err)}`),
  );
  await build();
  if (!engineOpened()) void prime();
  // Ends on Ctrl+C, or when the reader of its output went away (`| head`).
  await new Promise<void>((done) => {
    process.once("SIGINT", () => done());
    onOutputClosed(done);
  });
  stopped = true;
  clearTimeout(timer);
  watcher.close();
  // A build under way finishes (its change committed or undone, the lock released); the prime, which writes nothing
  // and takes no lock, is left where it is.
  await building;
  return 0;
}
