/**
 * Two commands started together on one project, as two people (or a person and CI) would:
 * import + import (one unit's mid-year and year-end forms, which change the same data file),
 * sign + sign (one PDF signed in place into its two fields), new-year + new-year, build +
 * import. Through the real command line: every process takes the project lock. Nothing is
 * lost, and what each process says is true of what is on disk after both.
 *
 * CONCURRENCY_RUNS (default 1) sets how many times each pair runs; the closing note of the
 * change reports 20.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeForms } from "../../src/forms/make-forms.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { buildExample } from "../helpers/example.ts";
import { minimalWorld } from "../helpers/fixture-world.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { openXmlBook } from "../helpers/xlsx-xml.ts";
import { testIdentity } from "../sign/identity.ts";
import { findSignatures, verifySignature } from "../sign/verify.ts";

const RUNS = Number(process.env.CONCURRENCY_RUNS ?? 1);
const tmp = mkdtempSync(join(tmpdir(), "ktd-concurrent-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const base = join(tmp, "base");
const key = testIdentity();
const keyPassword = key.password;

interface Run {
  code: number | null;
  out: string;
}
function cli(dir: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: "1", SIGN_P12_PASSWORD: key.password }, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    p.on("close", (code) => resolve({ code, out }));
  });
}
let n = 0;
function copy(): string {
  const dir = join(tmp, `p${++n}`);
  cpSync(base, dir, { recursive: true });
  return dir;
}
const both = (dir: string, a: string[], b: string[]) => Promise.all([cli(dir, a), cli(dir, b)]);
const results = (dir: string) => parse(readFileSync(join(dir, "data/2020/ket-qua/don-vi-a.yaml"), "utf8"));

beforeAll(async () => {
  // The minimal bloc (three units): every run spawns its commands, so the smaller the better.
  cpSync(join(FIXTURES, "minimal", "data"), join(base, "data"), { recursive: true });
  cpSync(join(REPO, "templates"), join(base, "templates"), { recursive: true });
  // The unit's mid-year and year-end forms, each returned with one value changed.
  const made = await makeForms(nodeWorld(base), { dataDir: "data", outDir: "out", unit: "don-vi-a" });
  expect(made.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  mkdirSync(join(base, "returned"));
  const form = (name: string) => openXmlBook(new Uint8Array(readFileSync(join(base, "out/2020/bieu-mau", name))));
  const mid = form("don-vi-a-so-ket.xlsx");
  mid.set("Sơ kết", `E${mid.keys("Sơ kết").find((k) => k.key === "tc01")!.row}`, 66);
  writeFileSync(join(base, "returned/don-vi-a-so-ket.xlsx"), mid.bytes());
  const end = form("don-vi-a-tong-ket.xlsx");
  end.set("Tự chấm", `D${end.keys("Tự chấm").find((k) => k.key === "tc01")!.row}`, "59,5", "text");
  writeFileSync(join(base, "returned/don-vi-a-tong-ket.xlsx"), end.bytes());
  rmSync(join(base, "out"), { recursive: true, force: true });
  // A PDF with two signature fields (the minutes), and a key.
  const { outputs } = await buildExample(minimalWorld());
  // (the minimal bloc's minutes: a PDF with the two signature fields of the minutes)
  mkdirSync(join(base, "ky"));
  writeFileSync(join(base, "ky/bien-ban.pdf"), outputs.get("out/2020/bien-ban-binh-bau.pdf")!);
  writeFileSync(join(base, "ky/khoa.p12"), key.p12);
}, 240_000);

describe("two commands at once on one project", () => {
  it(`import + import of one unit's two forms: both changes kept, both said (${RUNS} runs)`, async () => {
    for (let i = 0; i < RUNS; i++) {
      const dir = copy();
      const [a, b] = await both(dir, ["import", "returned/don-vi-a-so-ket.xlsx"], ["import", "returned/don-vi-a-tong-ket.xlsx"]);
      expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
      expect(a.out).toContain("đã sửa data/2020/ket-qua/don-vi-a.yaml");
      expect(b.out).toContain("đã sửa data/2020/ket-qua/don-vi-a.yaml");
      const r = results(dir);
      expect(r.so_ket.ket_qua.find((k: { tieu_chi: string }) => k.tieu_chi === "tc01").ty_le, `run ${i}`).toBe(66);
      expect(r.tong_ket.diem.find((k: { tieu_chi: string }) => k.tieu_chi === "tc01").tu_cham, `run ${i}`).toBe(59.5);
    }
  }, 240_000);

  it(`sign + sign of one PDF into its two fields, in place: both signatures kept and valid (${RUNS} runs)`, async () => {
    for (let i = 0; i < RUNS; i++) {
      const dir = copy();
      const args = (field: string) => ["sign", "ky/bien-ban.pdf", "--p12", "ky/khoa.p12", "--field", field, "--out", "ky/bien-ban.pdf"];
      const [a, b] = await both(dir, args(FIELD.secretary), args(FIELD.chair));
      expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
      expect(a.out).toContain(`đã ký ô ${FIELD.secretary}`);
      expect(b.out).toContain(`đã ký ô ${FIELD.chair}`);
      const pdf = new Uint8Array(readFileSync(join(dir, "ky/bien-ban.pdf")));
      const sigs = findSignatures(pdf);
      expect(sigs.length, `run ${i}`).toBe(2);
      for (const s of sigs) expect(verifySignature(pdf, s).ok, `run ${i}`).toBe(true);
      // The second signature covers the whole file, the first included.
      expect(Math.max(...sigs.map((s) => s.byteRange[2] + s.byteRange[3])), `run ${i}`).toBe(pdf.length);
    }
  }, 240_000);

  it(`sign + sign, one run from the project folder and one from out/2020: the same project lock, both signatures kept, no out/ made in out/2020 (${RUNS} runs)`, async () => {
    for (let i = 0; i < RUNS; i++) {
      const dir = copy();
      mkdirSync(join(dir, "out/2020"), { recursive: true });
      cpSync(join(dir, "ky/bien-ban.pdf"), join(dir, "out/2020/bien-ban.pdf"));
      const sign = (cwd: string, file: string, key: string, field: string) =>
        new Promise<Run>((resolve) => {
          const p = spawn(process.execPath, [join(REPO, "bin", "khoi-thi-dua.js"), "sign", file, "--p12", key, "--field", field, "--out", file], { cwd, env: { ...process.env, NO_COLOR: "1", SIGN_P12_PASSWORD: key === "" ? "" : keyPassword }, stdio: ["ignore", "pipe", "pipe"] });
          let out = "";
          p.stdout.on("data", (d) => (out += d));
          p.stderr.on("data", (d) => (out += d));
          p.on("close", (code) => resolve({ code, out }));
        });
      const [a, b] = await Promise.all([sign(dir, "out/2020/bien-ban.pdf", "ky/khoa.p12", FIELD.secretary), sign(join(dir, "out/2020"), "bien-ban.pdf", "../../ky/khoa.p12", FIELD.chair)]);
      expect([a.code, b.code], a.out + b.out).toEqual([0, 0]);
      const pdf = new Uint8Array(readFileSync(join(dir, "out/2020/bien-ban.pdf")));
      expect(findSignatures(pdf).length, `run ${i}`).toBe(2);
      expect(existsSync(join(dir, "out/2020/out")), `run ${i}`).toBe(false);
    }
  }, 240_000);

  it(`new-year + new-year: one makes the year, the other is refused, and the year is whole (${RUNS} runs)`, async () => {
    for (let i = 0; i < RUNS; i++) {
      const dir = copy();
      const runs = await both(dir, ["new-year", "2021"], ["new-year", "2021"]);
      const made = runs.filter((r) => r.code === 0);
      const refused = runs.filter((r) => r.code === 1);
      expect([made.length, refused.length], runs.map((r) => r.out).join("\n---\n")).toEqual([1, 1]);
      expect(made[0]!.out).toContain("Đã tạo năm 2021");
      expect(refused[0]!.out).toContain("[new-year/exists]");
      expect(existsSync(join(dir, "data/2021/nam.yaml")), `run ${i}`).toBe(true);
      expect(existsSync(join(dir, "data/2021/ke-hoach.md")), `run ${i}`).toBe(true);
    }
  }, 240_000);

  it(`build + import: the import is kept, and the build's documents are those of the data it says it read (${RUNS} runs)`, async () => {
    for (let i = 0; i < RUNS; i++) {
      const dir = copy();
      const [b, imp] = await both(dir, ["build"], ["import", "returned/don-vi-a-tong-ket.xlsx"]);
      expect([b.code, imp.code], b.out + imp.out).toEqual([0, 0]);
      expect(imp.out).toContain("đã sửa data/2020/ket-qua/don-vi-a.yaml");
      expect(results(dir).tong_ket.diem.find((k: { tieu_chi: string }) => k.tieu_chi === "tc01").tu_cham, `run ${i}`).toBe(59.5);
      // What the build said it wrote is on disk; whichever ran first, a check now finds only what the import
      // changed (the unit's year-end figures), or nothing: never an error, never a half-made year.
      for (const f of [...b.out.matchAll(/^đã ghi (\S+)$/gm)].map((m) => m[1]!)) expect(existsSync(join(dir, f)), f).toBe(true);
      const check = await cli(dir, ["build", "--check"]);
      expect(check.out, `run ${i}`).toMatch(/Kiểm tra: (cả \d+ văn bản trong out\/ đều đúng|\d+ văn bản .*chưa cập nhật)/);
      expect(check.out).not.toContain("lỗi [");
    }
  }, 240_000);
});
