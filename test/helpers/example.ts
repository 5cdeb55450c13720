import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildResult } from "../../src/write/build.ts";
import { existsSync, readdirSync } from "node:fs";
import { OUTPUT_EXTENSIONS } from "../../src/write/owned-files.ts";
import { YEAR_OUTPUT_FILES } from "../../src/write/year-output-paths.ts";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { dataFileOf } from "../../src/documents/keys.ts";
import { readTree, REPO, repoTemplates } from "./fixture-world.ts";

/**
 * The example's documents, counted from its data files and the registry (not from the build): one per single type's file, one per unit file;
 * the files a first build writes: each document's outputs and the year's own (the print bundle).
 */
export function exampleCounts(): { documents: number; files: number } {
  const dir = join(REPO, "data/2020");
  let documents = 0;
  for (const t of DOC_TYPES) {
    if (t.kind === "single") documents += existsSync(join(dir, dataFileOf(t))) ? 1 : 0;
    else documents += existsSync(join(dir, t.id)) ? readdirSync(join(dir, t.id)).filter((f) => /\.ya?ml$/.test(f)).length : 0;
  }
  // Every year output of 2020, and the register of 2021 too: the year's reports and vote are dated early 2021.
  return { documents, files: documents * OUTPUT_EXTENSIONS.length + YEAR_OUTPUT_FILES.length + 1 };
}

/** The repository's example year (data/ and templates/) in memory; fonts are read from disk. */
export function exampleWorld(extra: Record<string, Uint8Array | string> = {}): MemoryWorld {
  const data: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(REPO, "data")))) if (!k.startsWith(".schema/")) data[`data/${k}`] = v;
  return memoryWorld({ ...repoTemplates(), ...data, ...extra }, { outside: async (p) => new Uint8Array(await readFile(p)) });
}

/** Builds the example with the package's Tinos (the same bytes on every machine); `outputs`: the documents' files (not the year's own, such as the print bundle). */
export async function buildExample(world: MemoryWorld = exampleWorld()): Promise<{ result: BuildResult; outputs: Map<string, Uint8Array> }> {
  const result = await buildProject(world, { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()! });
  const yearFiles = new Set(YEAR_OUTPUT_FILES.map((f) => f.file(2020)));
  return { result, outputs: new Map([...world.files].filter(([k]) => k.startsWith("out/") && /\.(docx|pdf)$/.test(k) && !yearFiles.has(k.slice(k.lastIndexOf("/") + 1)))) };
}

/** A copy of a memory world's files (fonts read from disk): a test changes its copy, never the world it shares. */
export function copyWorld(w: MemoryWorld): MemoryWorld {
  return memoryWorld(Object.fromEntries(w.files), { outside: async (p) => new Uint8Array(await readFile(p)) });
}

const withForms = new Map<string, Promise<{ world: MemoryWorld; written: string[] }>>();
/**
 * The example with one unit's prefilled forms made (out/2020/bieu-mau/), made once and shared: each call gives
 * a copy of that world, and the files the making wrote.
 */
export async function exampleWithForms(unit: string): Promise<{ world: MemoryWorld; written: string[] }> {
  let made = withForms.get(unit);
  if (!made) {
    made = (async () => {
      const { makeForms } = await import("../../src/forms/make-forms.ts");
      const world = exampleWorld();
      const r = await makeForms(world, { dataDir: "data", outDir: "out", unit });
      return { world, written: [...r.written] };
    })();
    withForms.set(unit, made);
  }
  const { world, written } = await made;
  return { world: copyWorld(world), written };
}
