/**
 * A province's workspace (`tinh build`, `tinh validate`): the example bloc, the second example
 * bloc and a generated third, each in khoi/<id>/ with the province's templates lent from the
 * workspace. Every bloc builds into its own out/; a bloc with an error (a score over the
 * maximum) does not stop the others, writes nothing, and the summary names it at its
 * file:line:col; validate exits 1 then; --khoi takes one bloc.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticProject } from "../../src/tools/synthetic.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const ws = mkdtempSync(join(tmpdir(), "tinh-"));
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const BROKEN = "khoi/kt/data/2024/ket-qua/bhxh.yaml";

beforeAll(() => {
  cpSync(join(REPO, "templates"), join(ws, "templates"), { recursive: true });
  cpSync(join(REPO, "data"), join(ws, "khoi/k8/data"), { recursive: true });
  cpSync(join(FIXTURES, "kinh-te-ky-thuat/data"), join(ws, "khoi/kt/data"), { recursive: true });
  writeSyntheticProject(REPO, 12, join(ws, "khoi/tong-hop"));
  rmSync(join(ws, "khoi/tong-hop/templates"), { recursive: true });
  mkdirSync(join(ws, "khoi/ghi-chu"));
  writeFileSync(join(ws, "khoi/ghi-chu/README.txt"), "not a bloc");
});

describe("tinh build", () => {
  it("builds every bloc into its own out/, with the workspace's templates", async () => {
    const r = await cliInProcess(["tinh", "build", "--root", ws]);
    expect(r.code, r.out + r.err).toBe(0);
    expect(r.out).toContain("bỏ qua khoi/ghi-chu: không phải thư mục của một khối");
    expect(r.out).toContain("Tỉnh: 3/3 khối lập xong.");
    for (const [bloc, year] of [["k8", 2020], ["kt", 2024], ["tong-hop", 2020]] as const) {
      expect(existsSync(join(ws, `khoi/${bloc}/out/${year}/to-trinh.pdf`)), bloc).toBe(true);
      expect(existsSync(join(ws, `khoi/${bloc}/out/${year}/ket-qua-${year}.json`)), bloc).toBe(true);
    }
    expect(existsSync(join(ws, "out"))).toBe(false);
    expect(existsSync(join(ws, "khoi/tong-hop/templates"))).toBe(false);
  }, 120_000);

  it("with one bloc broken, builds the others, writes nothing for it, and names it at its file:line:col", async () => {
    const file = join(ws, BROKEN);
    const before = readFileSync(file, "utf8");
    writeFileSync(file, before.replace(/^(\s+khoi_cham: )188$/m, "$11888"));
    const kt = join(ws, "khoi/kt/out");
    rmSync(kt, { recursive: true, force: true });
    // The other two change too (a note in their data), so "built" is what this run did.
    for (const b of ["k8", "tong-hop"]) {
      const p = join(ws, `khoi/${b}/data/2020/to-trinh.md`);
      writeFileSync(p, readFileSync(p, "utf8").replace("Đề nghị tặng", "Đề nghị xét tặng"));
    }
    try {
      const r = await cliInProcess(["tinh", "build", "--root", ws]);
      expect(r.code).toBe(1);
      expect(r.out).toMatch(/khoi\/kt\/data\/2024\/ket-qua\/bhxh\.yaml:\d+:\d+: lỗi \[score\/over-max\]/);
      expect(r.out).toContain("Tỉnh: 2/3 khối lập xong; 1 khối có lỗi:");
      expect(r.out).toMatch(/^ {2}kt: 1 lỗi, lỗi đầu: khoi\/kt\/data\/2024\/ket-qua\/bhxh\.yaml:\d+:\d+ \[score\/over-max\]; khối này không ghi tệp nào$/m);
      expect(existsSync(kt)).toBe(false);
      for (const b of ["k8", "tong-hop"]) expect(readFileSync(join(ws, `khoi/${b}/out/2020/to-trinh.docx`)).length).toBeGreaterThan(0);
      expect(r.out).toMatch(/— Khối k8 \(khoi\/k8\)\n(?:.*\n)*? {2}0 lỗi, \d+ cảnh báo, 1 văn bản được lập/);

      const v = await cliInProcess(["tinh", "validate", "--root", ws, "--lang", "en"]);
      expect(v.code).toBe(1);
      expect(v.out).toContain("Province: 2/3 blocs valid; 1 with errors:");
      const one = await cliInProcess(["tinh", "validate", "--root", ws, "--khoi", "k8"]);
      expect(one.code).toBe(0);
      expect(one.out).not.toContain("khoi/kt");
      expect(one.out).toContain("Tỉnh: 1/1 khối dữ liệu đúng.");
    } finally {
      writeFileSync(file, before);
    }
  }, 120_000);

  it("says what it needs: build or validate, a bloc that is there", async () => {
    const bare = await cliInProcess(["tinh", "--root", ws]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain("tinh cần build hoặc validate, ví dụ: tinh build");
    const none = await cliInProcess(["tinh", "validate", "--root", ws, "--khoi", "k9"]);
    expect(none.code).toBe(1);
    expect(none.out).toContain("Không có khối k9 trong khoi/ (các khối: k8, kt, tong-hop)");
    expect((await cliInProcess(["build", "--khoi", "k8"])).err).toContain("--khoi chỉ dùng với lệnh tinh");
  });
});
