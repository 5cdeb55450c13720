/** A shell that is not a usable DOCX stops the build with an error naming templates/shell.docx; nothing is written. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const outside = async (p: string) => new Uint8Array(await readFile(p));
const enc = (s: string) => new TextEncoder().encode(s);

describe("the DOCX shell in a build", () => {
  for (const [what, bytes, code] of [
    ["a Git LFS pointer", enc("version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12345\n"), "shell/lfs-pointer"],
    ["plain text", enc("not a zip at all"), "shell/not-docx"],
  ] as const)
    it(`${what}: ${code} at templates/shell.docx, exit with errors, nothing written`, async () => {
      const w = memoryWorld({ ...repoTemplates(), ...readTree(join(FIXTURES, "minimal")), "templates/shell.docx": bytes }, { outside });
      const r = await buildProject(w, opts);
      expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.pos.file}`)).toEqual([`${code} templates/shell.docx`]);
      expect([...w.files.keys()].filter((k) => k.startsWith("out/"))).toEqual([]);
    });
});
