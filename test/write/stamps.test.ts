/**
 * The files' stamps (src/write/stamps.ts) on a real disk: after a build, the check of a build
 * with nothing to do reads none of the outputs it recorded; a file rewritten in place with other
 * bytes of the same size, its modification time set back, is still seen (its change time moved);
 * a file whose bytes are not the manifest's is never recorded. A build's plan reads no output it leaves as it is
 * and whose stamp is recorded, but reads every file it replaces or removes, whatever its stamp (a coarse clock
 * cannot tell two writes within a tick apart); its year outputs read each file once.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
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
  // The data as if edited just now, however long the build below takes on a busy machine: its last change stays
  // within a clock's tick of the build's record (stamps.ts, SETTLED_NS), so its stamps are not recorded yet.
  const later = Date.now() / 1000 + 3600;
  for (const f of readdirSync(join(dir, "data"), { recursive: true, encoding: "utf8" })) if (statSync(join(dir, "data", f)).isFile()) utimesSync(join(dir, "data", f), later, later);
  const r = await buildProject(nodeWorld(dir), opts);
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the files' stamps", () => {
  it("spare the check of a build with nothing to do every read of an output", async () => {
    const stamps = await readStamps(nodeWorld(dir), "out");
    expect(stamps.has(PDF)).toBe(true);
    // The data was copied just now: its stamps are recorded once settled (below), and read until then.
    expect(stamps.has("data/khoi.yaml")).toBe(false);
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

  const SECOND = 1_000_000_000n;
  // The stamps a coarse clock gives a data file (size:mtime:ctime:inode:device), before and after a change of the same size,
  // given the manifest's and the clock's times in ns; and the manifest's own stamp when the case sets it.
  it.each([
    { what: "changed half a second before the manifest", times: (m: bigint) => [m - SECOND / 2n, m - SECOND / 2n] },
    { what: "its modification time set an hour back by a copy, changed half a second before the manifest", times: (m: bigint) => [m - 3600n * SECOND, m - SECOND / 2n] },
    { what: "changed half a second ago, the manifest dated an hour ahead", times: (_m: bigint, now: bigint) => [now - SECOND / 2n, now - SECOND / 2n], manifestAhead: true },
    { what: "with times that cannot be read", times: () => ["-5", "x"] },
  ])("record a data file only once its last change is a clock's tick behind the build and the clock: one $what is read", async ({ times, manifestAhead }) => {
    await inCopy(async (root) => {
      const w = nodeWorld(root);
      const file = "data/2020/dang-ky/don-vi-a.yaml";
      const manifest = "out/.manifest.json";
      const manifestTime = BigInt(statSync(join(root, manifest), { bigint: true }).mtimeNs);
      const now = BigInt(Date.now()) * 1_000_000n;
      const size = statSync(join(root, file)).size;
      const [m, c] = times(manifestTime, now);
      const stamp = `${size}:${m}:${c}:1:1`;
      const ahead = `1:${now + 3600n * SECOND}:${now + 3600n * SECOND}:2:1`;
      const coarse: World = { ...w, fileStamp: async (p: string) => (p === file ? stamp : p === manifest && manifestAhead ? ahead : w.fileStamp!(p)) };
      await saveStamps(coarse, "out");
      expect((await readStamps(w, "out")).has(file)).toBe(false);
      expect(await ask(coarse)).toBeDefined();
      writeFileSync(join(root, file), readFileSync(join(root, file), "utf8").replace("lao_dong_tien_tien: 10", "lao_dong_tien_tien: 19"));
      expect(statSync(join(root, file)).size).toBe(size);
      expect(await ask(coarse)).toBeUndefined();
    });
  });

  it("record a data file whose last change is well behind the build", async () => {
    await inCopy(async (root) => {
      const w = nodeWorld(root);
      const file = "data/2020/dang-ky/don-vi-a.yaml";
      const manifestTime = BigInt(statSync(join(root, "out/.manifest.json"), { bigint: true }).mtimeNs);
      const stamp = `${statSync(join(root, file)).size}:${manifestTime - 10n * SECOND}:${manifestTime - 10n * SECOND}:1:1`;
      await saveStamps({ ...w, fileStamp: async (p: string) => (p === file ? stamp : w.fileStamp!(p)) }, "out");
      expect((await readStamps(w, "out")).get(file)?.stamp).toBe(stamp);
    });
  });

  it("are only a cache: a damaged file means reading the files", async () => {
    writeFileSync(join(dir, "out", STAMPS_FILE), "{ not json");
    expect((await readStamps(nodeWorld(dir), "out")).size).toBe(0);
    const { world, reads } = counting(nodeWorld(dir));
    expect(await ask(world)).toBeDefined();
    expect(reads).toContain(PDF);
  });
});

/** Runs `body` on a copy of the built project, its stamps recorded: these tests change files. */
async function inCopy(body: (root: string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "ktd-stamps-copy-"));
  try {
    cpSync(dir, root, { recursive: true });
    await saveStamps(nodeWorld(root), "out");
    await body(root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** The world of a clock too coarse to tell two writes apart: `path`'s stamp stays the one recorded, whatever is written there. */
async function coarseClock(root: string, path: string): Promise<World> {
  const w = nodeWorld(root);
  const recorded = (await readStamps(w, "out")).get(path)!.stamp;
  return { ...w, fileStamp: async (p: string) => (p === path ? recorded : w.fileStamp!(p)) };
}

/** The file's bytes with one byte changed: the same size. */
const flipped = (b: Buffer) => Buffer.from(b).fill(b[b.length - 20]! ^ 1, b.length - 20, b.length - 19);

describe("the files' stamps in a build's plan", () => {
  const check = (w: World) => buildProject(w, { ...opts, check: true });

  const PLAN = "data/2020/ke-hoach.md";
  const editPlan = (root: string) => writeFileSync(join(root, PLAN), readFileSync(join(root, PLAN), "utf8").replace(/\n$/, "\nThêm một dòng.\n"));

  it("spare the plan every read of an output it leaves as it is; one it replaces is read", async () => {
    await inCopy(async (root) => {
      const data = join(root, "data/2020/dang-ky/don-vi-a.yaml");
      writeFileSync(data, readFileSync(data, "utf8").replace("lao_dong_tien_tien: 10", "lao_dong_tien_tien: 12"));
      const { world, reads } = counting(nodeWorld(root));
      const r = await check(world);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(r.rebuilt.map((p) => p.key)).toEqual(["2020/dang-ky-don-vi-a"]);
      expect(reads).toContain("out/2020/dang-ky-don-vi-a.pdf");
      expect(reads).not.toContain(PDF);
      // Without the stamps, the plan reads each output to hash it.
      rmSync(join(root, "out", STAMPS_FILE));
      const again = counting(nodeWorld(root));
      await check(again.world);
      expect(again.reads).toContain(PDF);
    });
  });

  /** A signed copy of the same size (the tool's own check looks for /ByteRange). */
  const signedCopy = (b: Buffer) => Buffer.concat([b.subarray(0, b.length - 20), Buffer.from("%/ByteRange[0 0 0]\n".padEnd(20, " "))]);
  const dropMinutes = (root: string) => rmSync(join(root, "data/2020/bien-ban.md"));

  // Each file changed in place, its size kept, under a clock that cannot tell the change from the build's write.
  it.each([
    { what: "an output edited, then its document's data: the file is kept", path: PDF, change: flipped, then: editPlan, code: "build/edited-output" },
    { what: "a signed copy put in place, then its document's data: it is refused", path: PDF, change: signedCopy, then: editPlan, code: "build/signed-output" },
    { what: "the print bundle edited (a year output, read whatever its stamp)", path: "out/2020/ho-so-thi-dua-2020.pdf", change: flipped, then: editPlan, code: "build/edited-output" },
    { what: "an output edited, then its document gone from the data: the file is kept, not removed", path: "out/2020/bien-ban-binh-bau.pdf", change: flipped, then: dropMinutes, code: "build/kept-file" },
  ])("read a file the build replaces or removes whatever its stamp says: $what", async ({ path, change, then, code }) => {
    await inCopy(async (root) => {
      const changed = change(readFileSync(join(root, path)));
      expect(changed.length).toBe(statSync(join(root, path)).size);
      writeFileSync(join(root, path), changed);
      then(root);
      const r = await buildProject(await coarseClock(root, path), opts);
      expect(r.diagnostics.filter((d) => d.code === code).map((d) => d.pos.file)).toEqual([path]);
      expect(readFileSync(join(root, path)).equals(changed)).toBe(true);
    });
  });
});

describe("a build's year outputs", () => {
  it("are not made from a file changed since the plan knew it (by a stamp a coarse clock left as it was): left as they are, said", async () => {
    await inCopy(async (root) => {
      writeFileSync(join(root, PDF), flipped(readFileSync(join(root, PDF))));
      const data = join(root, "data/2020/dang-ky/don-vi-a.yaml");
      writeFileSync(data, readFileSync(data, "utf8").replace("lao_dong_tien_tien: 10", "lao_dong_tien_tien: 13"));
      const bundle = "out/2020/ho-so-thi-dua-2020.pdf";
      const before = readFileSync(join(root, bundle));
      const r = await buildProject(await coarseClock(root, PDF), opts);
      const skipped = r.diagnostics.filter((d) => d.code === "build/year-output-skipped");
      expect(skipped.map((d) => d.pos.file)).toContain(bundle);
      expect(skipped.every((d) => String(d.params["whyEn"]).startsWith(PDF))).toBe(true);
      expect(readFileSync(join(root, bundle)).equals(before)).toBe(true);
    });
  });

  it("read each file on disk they are made from once, however many outputs it goes into", async () => {
    const data = join(dir, "data/2020/dang-ky/don-vi-a.yaml");
    const before = readFileSync(data, "utf8");
    try {
      writeFileSync(data, before.replace("lao_dong_tien_tien: 10", "lao_dong_tien_tien: 11"));
      await saveStamps(nodeWorld(dir), "out");
      const { world, reads } = counting(nodeWorld(dir));
      const r = await buildProject(world, opts);
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      // The print bundle and the results both read the other documents' PDFs, which this build leaves as they are.
      expect(r.yearOutputs?.map((y) => y.key)).toEqual(expect.arrayContaining(["2020/ho-so", "2020/ket-qua"]));
      expect(r.written).not.toContain(PDF);
      expect(reads.filter((p) => p === PDF)).toEqual([PDF]);
      const left = reads.filter((p) => !r.written.includes(p));
      expect(left.filter((p) => left.indexOf(p) !== left.lastIndexOf(p))).toEqual([]);
    } finally {
      writeFileSync(data, before);
      await buildProject(nodeWorld(dir), opts);
    }
  });
});
