/**
 * The acceptance of bad input, through the real command line on a real
 * folder: a project with a good build in out/ gets a hostile file; the build
 * exits non-zero, names the file, prints no stack trace, ends within seconds
 * and leaves out/ byte for byte as it was. CRLF and NFD data build normally.
 * (All hostile classes run in process in test/build/hostile-build.test.ts; a
 * representative handful run here, each CLI start costs about 1.5 s: the first through
 * `node bin/khoi-thi-dua.js`, the others as main.ts runs them, in this process,
 * test/helpers/cli-in-process.ts; the read-only folders as another user, in a process.)
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { dropArgs, nobodyCanRead, readableCopy } from "../helpers/as-user.ts";
import { hostileCases } from "../helpers/hostile.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-hostile-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), ...args], { encoding: "utf8", env: { ...process.env, NO_COLOR: "1", CI: "true" } });
  return { code: r.status, out: r.stdout, err: r.stderr, ms: performance.now() - t0 };
}

/** The command in this process. */
async function inProcess(args: string[]) {
  const t0 = performance.now();
  const r = await cliInProcess(args);
  return { code: r.code, out: r.out, err: r.err, ms: performance.now() - t0 };
}

/** Every file under a folder with its bytes. */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else files.set(relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return files;
}

/** The same, as hashes: compared in microseconds rather than byte by byte. */
const hashes = (dir: string) => new Map([...tree(dir)].map(([k, v]) => [k, createHash("sha256").update(v).digest("hex")]));

const good = join(tmp, "good");
let before: Map<string, string>;

beforeAll(async () => {
  cpSync(join(FIXTURES, "minimal"), good, { recursive: true });
  cpSync(join(REPO, "templates"), join(good, "templates"), { recursive: true });
  const r = await inProcess(["build", "--root", good]);
  expect(r.code, r.err).toBe(0);
  before = hashes(join(good, "out"));
});

/** A copy of the good project (its out/ included) with files put in. */
function project(name: string, files: Record<string, Uint8Array>): string {
  const dir = join(tmp, name);
  cpSync(good, dir, { recursive: true });
  for (const [path, bytes] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), bytes);
  }
  return dir;
}

const SAMPLE = ["binary-garbage", "utf16-with-bom", "alias-bomb", "huge-file", "proto-keys", "template-unclosed-block"];

describe("hostile files through the command line", () => {
  for (const c of hostileCases().filter((x) => SAMPLE.includes(x.name))) {
    it(`${c.name}: exit 1, names ${c.names}, no stack trace, within seconds, out/ unchanged`, async () => {
      const dir = project(c.name, c.files);
      const r = c.name === SAMPLE[0] ? cli(["build", "--root", dir]) : await inProcess(["build", "--root", dir]);
      expect(r.code, r.err).toBe(1);
      expect(r.err).toContain(`${c.names}:`);
      expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(r.err).not.toMatch(/lỗi chương trình|internal error/);
      expect(r.ms).toBeLessThan(15_000);
      expect(hashes(join(dir, "out"))).toEqual(before);
    });
  }

  it("CRLF line ends, NFD text and a BOM: exit 0, the same documents, nothing rebuilt", async () => {
    const files: Record<string, Uint8Array> = {};
    for (const [path, bytes] of tree(good)) {
      if (!/\.(ya?ml|md)$/.test(path) || path.startsWith("out")) continue;
      const text = "\ufeff" + bytes.toString("utf8").normalize("NFD").replace(/\n/g, "\r\n");
      files[path] = new TextEncoder().encode(text);
    }
    const dir = project("crlf-nfd", files);
    const r = await inProcess(["build", "--root", dir]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/Xong: 0 văn bản được lập, 5 bỏ qua/);
    const now = hashes(join(dir, "out"));
    for (const [path, hash] of before) if (/\.(docx|pdf)$/.test(path)) expect(now.get(path), path).toBe(hash);
  });

  // Root ignores file permissions: as root the build runs as "nobody" (setpriv), when that is possible,
  // from a copy of the CLI that "nobody" can reach when the checkout itself is out of its reach.
  const asRoot = process.getuid?.() === 0;
  const drop = asRoot ? dropArgs() : undefined;
  const canDrop = !asRoot || drop !== undefined;
  let userCli = join(REPO, "bin", "khoi-thi-dua.js");
  function cliAsUser(args: string[]) {
    if (!asRoot) return cli(args);
    if (!nobodyCanRead(userCli)) userCli = join(readableCopy(REPO, join(tmp, "cli")), "bin", "khoi-thi-dua.js");
    const r = spawnSync(drop![0]!, [...drop!.slice(1), process.execPath, userCli, ...args], {
      encoding: "utf8",
      cwd: tmp, // the test's own folder may be out of that user's reach too
      env: { ...process.env, NO_COLOR: "1", CI: "true", HOME: tmpdir() },
    });
    return { code: r.status, out: r.stdout, err: r.stderr, ms: 0 };
  }

  for (const [what, readOnly, names] of [
    ["a read-only output folder", ["out", "out/2020"], "out/.lock"],
    ["a read-only year folder in out/", ["out/2020"], "out/2020/"],
  ] as const) {
    it.skipIf(!canDrop)(`${what}: exit 1, names ${names}, no stack trace, out/ unchanged, no lock left`, () => {
      const dir = project(`read-only-${readOnly.length}`, {});
      const khoi = join(dir, "data", "khoi.yaml");
      writeFileSync(khoi, readFileSync(khoi, "utf8").replace("UBND TỈNH TRÀ VINH", "ỦY BAN NHÂN DÂN TỈNH TRÀ VINH"));
      chmodSync(tmp, 0o755);
      for (const d of readOnly) chmodSync(join(dir, d), 0o555);
      // "nobody" may write out/ itself in the second case (the owner may anyway).
      if (asRoot && readOnly.length === 1) chmodSync(join(dir, "out"), 0o777);
      try {
        const r = cliAsUser(["build", "--root", dir]);
        expect(r.code, r.err).toBe(1);
        expect(r.err).toContain("[build/write-failed]");
        expect(r.err).toContain(names);
        expect(r.err).toContain("EACCES");
        expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      } finally {
        for (const d of ["out", "out/2020"]) chmodSync(join(dir, d), 0o755);
      }
      expect(hashes(join(dir, "out"))).toEqual(before);
    });
  }
});
