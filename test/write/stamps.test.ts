/**
 * The files' stamps (src/write/stamps.ts) on a real disk: after a build, the check of a build
 * with nothing to do reads none of the outputs it recorded; a file rewritten in place with other
 * bytes of the same size, its modification time set back, is still seen (its change time moved);
 * a file whose bytes are not the manifest's is never recorded.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nodeWorld } from "../../src/io/node-world.ts";
import type { World } from "../../src/io/world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { readStamps, saveStamps, STAMPS_FILE } from "../../src/write/stamps.ts";
import { upToDate } from "../../src/write/up-to-date.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const dir = mkdtempSync(join(tmpdir(), "ktd-stamps-"));
const ask = (w: World) => upToDate(w, { dataDir: "data", outDir: "out", toolVersion: "test", fontSource: "package" });
const PDF = "out/2020/ke-hoach.pdf";

/** The world, counting the files read under out/ other than the tool's own records. */
function counting(w: World): { world: World; reads: string[] } {
  const reads: string[] = [];
  const world = { ...w, readFile: (p: string, limit?: number) => (/^out\/\d{4}\//.test(p) && reads.push(p), w.readFile(p, limit)) };
  return { world, reads };
}

beforeAll(async () => {
  cpSync(join(FIXTURES, "minimal"), dir, { recursive: true });
  cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
  const r = await buildProject(nodeWorld(dir), opts);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the files' stamps", () => {
  it("spare the check of a build with nothing to do every read of an output", async () => {
    const stamps = await readStamps(nodeWorld(dir), "out");
    expect(stamps.has(PDF)).toBe(true);
    expect(stamps.has("data/khoi.yaml")).toBe(true);
    const { world, reads } = counting(nodeWorld(dir));
    expect(await ask(world)).toBeDefined();
    expect(reads).toEqual([]);
  });

  it("see a file rewritten in place with other bytes of the same size, its modification time set back", async () => {
    const path = join(dir, PDF);
    const bytes = readFileSync(path);
    const { mtimeNs, ino } = statSync(path, { bigint: true });
    try {
      const other = Buffer.from(bytes);
      other[other.length - 10] = other[other.length - 10]! ^ 1;
      writeFileSync(path, other);
      // The modification time set back to the nanosecond (GNU touch): size, time and inode are as recorded.
      execFileSync("touch", ["-m", "-d", `@${mtimeNs / 1_000_000_000n}.${String(mtimeNs % 1_000_000_000n).padStart(9, "0")}`, path]);
      const now = statSync(path, { bigint: true });
      expect([now.mtimeNs, now.ino, now.size]).toEqual([mtimeNs, ino, BigInt(bytes.length)]);
      const { world, reads } = counting(nodeWorld(dir));
      expect(await ask(world)).toBeUndefined();
      expect(reads).toContain(PDF);
      // Nor is it recorded as the build's file.
      await saveStamps(nodeWorld(dir), "out");
      expect((await readStamps(nodeWorld(dir), "out")).has(PDF)).toBe(false);
    } finally {
      writeFileSync(path, bytes);
    }
    // Its bytes back (new times): read once, found the same, and recorded again by the next save.
    expect(await ask(nodeWorld(dir))).toBeDefined();
    await saveStamps(nodeWorld(dir), "out");
    expect((await readStamps(nodeWorld(dir), "out")).has(PDF)).toBe(true);
  });

  it("are only a cache: a damaged file means reading the files", async () => {
    writeFileSync(join(dir, "out", STAMPS_FILE), "{ not json");
    expect((await readStamps(nodeWorld(dir), "out")).size).toBe(0);
    const { world, reads } = counting(nodeWorld(dir));
    expect(await ask(world)).toBeDefined();
    expect(reads).toContain(PDF);
  });
});
