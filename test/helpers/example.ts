import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildResult } from "../../src/build/build.ts";
import { readTree, REPO, repoTemplates } from "./fixture-world.ts";

/** The repository's example year (data/ and templates/) in memory; fonts are read from disk. */
export function exampleWorld(extra: Record<string, Uint8Array | string> = {}): MemoryWorld {
  const data: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(REPO, "data")))) if (!k.startsWith(".schema/")) data[`data/${k}`] = v;
  return memoryWorld({ ...repoTemplates(), ...data, ...extra }, { outside: async (p) => new Uint8Array(await readFile(p)) });
}

/** Builds the example with the package's Tinos (the same bytes on every machine). */
export async function buildExample(world: MemoryWorld = exampleWorld()): Promise<{ result: BuildResult; outputs: Map<string, Uint8Array> }> {
  const result = await buildProject(world, { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()! });
  return { result, outputs: new Map([...world.files].filter(([k]) => k.startsWith("out/") && /\.(docx|pdf)$/.test(k))) };
}
