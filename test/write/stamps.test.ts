/**
 * The files' stamps (src/write/stamps.ts) on a real disk: after a build, the check of a build
 * with nothing to do reads none of the outputs it recorded; a file rewritten in place with other
 * bytes of the same size, its modification time set back, is still seen (its change time moved);
 * a file whose bytes are not the manifest's is never recorded. A build's plan reads no output recorded as it
 * is, and takes from the record whether a PDF carries a signature; its year outputs read each file once.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
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

describe("the files' stamps in a build's plan", () => {
  const check = (w: World, o: Partial<BuildOptions> = {}) => buildProject(w, { ...opts, check: true, ...o });

  it("spare the plan every read of an output recorded as it is", async () => {
    await saveStamps(nodeWorld(dir), "out");
    const { world, reads } = counting(nodeWorld(dir));
    const r = await check(world, { toolVersion: "another" });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.rebuilt.length).toBeGreaterThan(0);
    expect(reads).toEqual([]);
    // Without the stamps, the plan reads each output to hash it.
    rmSync(join(dir, "out", STAMPS_FILE));
    const again = counting(nodeWorld(dir));
    await check(again.world, { toolVersion: "another" });
    expect(again.reads).toContain(PDF);
    await saveStamps(nodeWorld(dir), "out");
  });

  it("keep whether a recorded PDF carries a signature: the plan refuses to replace it unread", async () => {
    const path = join(dir, PDF);
    const manifestPath = join(dir, "out", ".manifest.json");
    const [bytes, manifest] = [readFileSync(path), readFileSync(manifestPath, "utf8")];
    try {
      // A signed copy recorded as the build's own (as if a build had written it): the stamp holds that it is signed.
      const signedCopy = Buffer.concat([bytes, Buffer.from("\n% /ByteRange [0 0 0 0]\n")]);
      writeFileSync(path, signedCopy);
      const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
      writeFileSync(manifestPath, manifest.split(sha(bytes)).join(sha(signedCopy)));
      await saveStamps(nodeWorld(dir), "out");
      expect((await readStamps(nodeWorld(dir), "out")).get(PDF)?.signed).toBe(true);
      const { world, reads } = counting(nodeWorld(dir));
      const r = await check(world, { toolVersion: "another" });
      expect(reads).not.toContain(PDF);
      expect(r.diagnostics.filter((d) => d.code === "build/signed-output").map((d) => d.pos.file)).toEqual([PDF]);
    } finally {
      writeFileSync(path, bytes);
      writeFileSync(manifestPath, manifest);
      await saveStamps(nodeWorld(dir), "out");
    }
    expect((await readStamps(nodeWorld(dir), "out")).get(PDF)?.signed).toBe(false);
  });
});

describe("a build's year outputs", () => {
  it("read each file on disk they are made from once, however many outputs it goes into", async () => {
    const data = join(dir, "data/2020/dang-ky/don-vi-a.yaml");
    const before = readFileSync(data, "utf8");
    try {
      writeFileSync(data, before.replace("lao_dong_tien_tien: 10", "lao_dong_tien_tien: 11"));
      const { world, reads } = counting(nodeWorld(dir));
      const r = await buildProject(world, opts);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      // The print bundle and the results both read the other documents' PDFs.
      expect(r.yearOutputs?.map((y) => y.key)).toEqual(expect.arrayContaining(["2020/ho-so", "2020/ket-qua"]));
      expect(reads).toContain(PDF);
      expect(reads.filter((p) => reads.indexOf(p) !== reads.lastIndexOf(p))).toEqual([]);
    } finally {
      writeFileSync(data, before);
      await buildProject(nodeWorld(dir), opts);
    }
  });
});
