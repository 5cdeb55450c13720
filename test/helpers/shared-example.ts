/**
 * One build of the example per test process, shared by the test files that start from a built
 * example. vitest runs the files of the "shared" project in one module graph per worker
 * (isolate: false), so this module's memo serves every such file of a worker: the example is
 * built (through the whole pipeline, in memory) once, not once per file or per test.
 *
 * Each caller gets its own copy of the built world (the files' map is copied, the byte arrays
 * are shared and never written in place: a build replaces a file's bytes, it does not change
 * them) and its own copy of the build's result, so no test sees another's edits.
 */
import { readFile } from "node:fs/promises";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildOptions, type BuildResult } from "../../src/write/build.ts";
import { forgetContentMemos } from "../../src/write/content-memo.ts";
import { YEAR_OUTPUT_FILES } from "../../src/write/year-output-paths.ts";
import { exampleWorld } from "./example.ts";

/** The options the build tests use: the package's Tinos (the same bytes on every machine), a fixed tool identity. */
export const exampleOptions = (extra: Partial<BuildOptions> = {}): BuildOptions => ({ dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test", ...extra });

export interface BuiltExample {
  /** A world of its own: the example's data and templates, and out/ as the first build wrote it. */
  world: MemoryWorld;
  /** What the build reported (a copy: the caller may sort or change it). */
  result: BuildResult;
}

interface Memo {
  files: ReadonlyMap<string, Uint8Array>;
  result: BuildResult;
}

let first: Promise<Memo> | undefined;
let second: Promise<Memo> | undefined;

async function build(): Promise<Memo> {
  const world = exampleWorld();
  const result = await buildProject(world, exampleOptions());
  return { files: new Map(world.files), result };
}

const give = async (memo: Promise<Memo>): Promise<BuiltExample> => {
  const { files, result } = await memo;
  return { world: copyWorld(files), result: structuredClone(result) };
};

/** A memory world with a copy of these files (fonts outside the project read from the disk, as exampleWorld's). */
export function copyWorld(files: ReadonlyMap<string, Uint8Array>): MemoryWorld {
  return memoryWorld(Object.fromEntries(files), { outside: async (p) => new Uint8Array(await readFile(p)) });
}

/** The example built from an empty out/ with exampleOptions(): built once per test process. */
export function builtExample(): Promise<BuiltExample> {
  first ??= build();
  return give(first);
}

/**
 * A second build of the example from an empty out/, made after every in-process memo of earlier
 * work was forgotten (forgetContentMemos): what "the same bytes on a second build" compares with
 * the first. Built once per test process too, so the files that check determinism share it.
 */
export function rebuiltExample(): Promise<BuiltExample> {
  second ??= (async () => {
    await (first ??= build());
    forgetContentMemos();
    return build();
  })();
  return give(second);
}

/** The documents' own outputs (DOCX and PDF, not the year's outputs such as the print bundle) of a built world. */
export function documentOutputs(world: MemoryWorld, year = 2020): Map<string, Uint8Array> {
  const own = new Set(YEAR_OUTPUT_FILES.map((f) => f.file(year)));
  return new Map([...world.files].filter(([k]) => k.startsWith("out/") && /\.(docx|pdf)$/.test(k) && !own.has(k.slice(k.lastIndexOf("/") + 1))));
}
