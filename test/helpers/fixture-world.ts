import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { readTree } from "../../src/tools/read-tree.ts";

export const FIXTURES = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const REPO = fileURLToPath(new URL("../../", import.meta.url));

export { readTree };

/** The repository's templates, as every project has them. */
export function repoTemplates(): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(REPO, "templates")))) out[`templates/${k}`] = v;
  return out;
}

/** The minimal valid project (with the repository's templates) and the files of an overlay fixture on top. */
export function fixtureWorld(overlay?: string, extra: Record<string, string | Uint8Array> = {}): MemoryWorld {
  const files: Record<string, string | Uint8Array> = { ...repoTemplates(), ...readTree(join(FIXTURES, "minimal")) };
  if (overlay) Object.assign(files, readTree(join(FIXTURES, overlay)));
  delete files["expected.txt"];
  return memoryWorld({ ...files, ...extra });
}

/** The minimal bloc with the repository's templates, reading the fonts' files from the disk: for tests that need a small built project. */
export function minimalWorld(): MemoryWorld {
  const files: Record<string, string | Uint8Array> = { ...repoTemplates(), ...readTree(join(FIXTURES, "minimal")) };
  delete files["expected.txt"];
  return memoryWorld(files, { outside: async (p) => new Uint8Array(await readFile(p)) });
}
