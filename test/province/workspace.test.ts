/**
 * A province's workspace (`tinh build`, `tinh validate`): the example bloc, the second example
 * bloc and a generated third, each in khoi/<id>/ with the province's templates lent from the
 * workspace. Every bloc builds into its own out/; a bloc with an error (a score over the
 * maximum) does not stop the others, writes nothing, and the summary names it at its
 * file:line:col; validate exits 1 then; --khoi takes one bloc.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hasCommand } from "../../src/tools/external.ts";
import { checkFidelity } from "../../src/tools/fidelity.ts";
import { writeSyntheticProject } from "../../src/tools/synthetic.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";
import { checkResultsAgainstDocuments } from "../helpers/results-check.ts";

const ws = mkdtempSync(join(tmpdir(), "tinh-"));
afterAll(() => rmSync(ws, { recursive: true, force: true }));

const BROKEN = "khoi/kt/data/2024/ket-qua/bhxh.yaml";

beforeAll(() => {
  cpSync(join(REPO, "templates"), join(ws, "templates"), { recursive: true });
  cpSync(join(REPO, "data"), join(ws, "khoi/k8/data"), { recursive: true });
  cpSync(join(FIXTURES, "kinh-te-ky-thuat/data"), join(ws, "khoi/kt/data"), { recursive: true });
  writeSyntheticProject(REPO, 12, join(ws, "khoi/tong-hop"));
  rmSync(join(ws, "khoi/tong-hop/templates"), { recursive: true });
  // A bloc of its own: its units' names and its code are not the example's (the generator clones them).
  const khoi = join(ws, "khoi/tong-hop/data/khoi.yaml");
  writeFileSync(khoi, readFileSync(khoi, "utf8").replace(/^( {4}ten: )(.*)$/gm, "$1$2 (Khối 12)").replace(/^ky_hieu: K8$/m, "ky_hieu: K12").replace(/^ten_ngan: Khối 8$/m, "ten_ngan: Khối 12"));
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

  it("says what it needs: build, validate or import-ket-qua, a bloc that is there", async () => {
    const bare = await cliInProcess(["tinh", "--root", ws]);
    expect(bare.code).toBe(2);
    expect(bare.err).toContain("tinh cần build, validate hoặc import-ket-qua, ví dụ: tinh build");
    const none = await cliInProcess(["tinh", "validate", "--root", ws, "--khoi", "k9"]);
    expect(none.code).toBe(1);
    expect(none.out).toContain("Không có khối k9 trong khoi/ (các khối: k8, kt, tong-hop)");
    expect((await cliInProcess(["build", "--khoi", "k8"])).err).toContain("--khoi chỉ dùng với lệnh tinh");
  });
});

describe("the province's view of its year (tinh.yaml)", () => {
  const view = () => JSON.parse(readFileSync(join(ws, "out/tinh-2020/tong-hop-2020.json"), "utf8"));
  const k8Results = () => JSON.parse(readFileSync(join(ws, "khoi/k8/out/2020/ket-qua-2020.json"), "utf8"));
  const received = (name: string, edit: (r: Record<string, any>) => void) => {
    const r = k8Results();
    edit(r);
    const f = join(ws, name);
    writeFileSync(f, JSON.stringify(r));
    return f;
  };

  it("merges every bloc's results: each bloc's own documents and proposals, the blocs not sent listed", async () => {
    writeFileSync(join(ws, "tinh.yaml"), "tinh: Trà Vinh\nnam: 2020\nkhoi: [k8, tong-hop, k9]\n");
    const r = await cliInProcess(["tinh", "build", "--root", ws]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain("đã ghi out/tinh-2020/tong-hop-2020.json");
    expect(r.out).toMatch(/tinh\.yaml: cảnh báo \[tinh\/not-sent\] Khối k9 /);
    expect(r.out).toMatch(/tinh\.yaml: cảnh báo \[tinh\/not-sent\] Khối kt /); // a bloc of the workspace without the year's results
    expect(r.out).not.toContain("[tinh/proposed-twice]");
    const v = view();
    expect(v.khoi.map((b: { ma: string }) => b.ma)).toEqual(["k8", "tong-hop"]);
    expect(v.chua_gui).toEqual(["k9", "kt"]);
    // The bloc's own results are its documents' (read back from its DOCX and PDF), and the view's are the bloc's.
    const files = new Map<string, Uint8Array>();
    for (const f of readdirSync(join(ws, "khoi/k8/out/2020"))) if (!f.startsWith(".") && f.includes(".")) files.set(`out/2020/${f}`, new Uint8Array(readFileSync(join(ws, "khoi/k8/out/2020", f))));
    const own = await checkResultsAgainstDocuments(files, 2020);
    const k8 = v.khoi.find((b: { ma: string }) => b.ma === "k8");
    expect(k8.van_ban.map((d: { so: number; ky_hieu: string; ngay: string }) => [d.so, d.ky_hieu, d.ngay])).toEqual(own.van_ban.filter((d) => d.ban_hanh.boi === "khoi").map((d) => [d.so, d.ky_hieu, d.ngay]));
    const proposed = own.binh_bau.danh_hieu.flatMap((a) => a.de_nghi.map((u) => [a.ma, u, own.diem.don_vi.find((s) => s.don_vi === u)!.tong]));
    expect(v.de_nghi.filter((p: { khoi: string }) => p.khoi === "k8").map((p: { danh_hieu: string; don_vi: string; tong_diem: number }) => [p.danh_hieu, p.don_vi, p.tong_diem])).toEqual(proposed);
    expect(existsSync(join(ws, "out/tinh-2020/tong-hop-2020.xlsx"))).toBe(true);
  }, 120_000);

  it("takes a bloc's file from elsewhere only when it is the province's, of the year and in the layout; nothing is written on error", async () => {
    const other = received("other.json", (r) => ((r.khoi.ma = "K9"), (r.khoi.tinh = "Vĩnh Long")));
    const year = received("year.json", (r) => ((r.khoi.ma = "K9"), (r.nam = 2021)));
    const layout = received("layout.json", (r) => ((r.khoi.ma = "K9"), (r.diem.don_vi[0].tong = "102,5")));
    for (const [f, code] of [[other, "tinh/other-province"], [year, "tinh/other-year"], [layout, "tinh/results-schema"]] as const) {
      const r = await cliInProcess(["tinh", "import-ket-qua", f, "--root", ws]);
      expect(r.code, r.out).toBe(1);
      expect(r.out).toContain(`[${code}]`);
      expect(existsSync(join(ws, "ket-qua"))).toBe(false);
    }
    const again = received("k8-again.json", () => {});
    expect((await cliInProcess(["tinh", "import-ket-qua", again, "--root", ws])).out).toContain("[tinh/two-results]");
    const missing = await cliInProcess(["tinh", "import-ket-qua", join(ws, "khong-co.json"), "--root", ws]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain("[tinh/results-missing]");
    const k9 = received("k9.json", (r) => (r.khoi.ma = "K9"));
    const ok = await cliInProcess(["tinh", "import-ket-qua", k9, "--root", ws]);
    expect(ok.code, ok.out).toBe(0);
    expect(readFileSync(join(ws, "ket-qua/2020/k9.json"))).toEqual(readFileSync(k9));
    // Another bloc whose code is the same in lower case without accents never replaces it.
    const clash = received("k9-accent.json", (r) => (r.khoi.ma = "k9"));
    const c = await cliInProcess(["tinh", "import-ket-qua", clash, "--root", ws]);
    expect(c.code).toBe(1);
    expect(c.out).toContain("[tinh/code-clash]");
    expect(readFileSync(join(ws, "ket-qua/2020/k9.json"))).toEqual(readFileSync(k9));
  });

  it("says a unit proposed by two blocs as an error, and still writes the view that shows it", async () => {
    const r = await cliInProcess(["tinh", "build", "--root", ws, "--lang", "en"]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/khoi\/k8\/out\/2020\/ket-qua-2020\.json: error \[tinh\/proposed-twice\] Sở Y tế is proposed twice: co-thi-dua \(k8\), co-thi-dua \(k9\)/);
    expect(r.out).not.toContain(".nhan.json"); // the import's own record is not a bloc's results
    const v = view();
    expect(v.khoi.map((b: { ma: string }) => b.ma)).toEqual(["k8", "k9", "tong-hop"]);
    expect(v.de_nghi_trung.map((t: { don_vi: string }) => t.don_vi)).toEqual(["Sở Y tế", "Sở Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"]);
    expect(v.de_nghi.filter((p: { khoi: string }) => p.khoi === "tong-hop").every((p: { ten_don_vi: string }) => p.ten_don_vi.endsWith("(Khối 12)"))).toBe(true);
    expect(v.chua_gui).toEqual(["kt"]);
    expect((await cliInProcess(["tinh", "validate", "--root", ws])).code).toBe(1);
  });
});

describe("a tinh.yaml that is not right", () => {
  it("stops before any bloc is built: never a bloc built without the province's settings", async () => {
    const before = readFileSync(join(ws, "tinh.yaml"), "utf8");
    const stamp = readFileSync(join(ws, "khoi/k8/out/.manifest.json"));
    try {
      writeFileSync(join(ws, "tinh.yaml"), before + "co_quan: [oops]\n");
      for (const args of [["tinh", "build", "--root", ws, "--khoi", "k8"], ["tinh", "validate", "--root", ws]]) {
        const r = await cliInProcess(args);
        expect(r.code, r.out).toBe(1);
        expect(r.out).toMatch(/^tinh\.yaml:\d+:\d+: lỗi /m);
        expect(r.out).toContain("Không lập khối nào");
        expect(r.out).not.toContain("— Khối");
      }
      expect(readFileSync(join(ws, "khoi/k8/out/.manifest.json"))).toEqual(stamp);
    } finally {
      writeFileSync(join(ws, "tinh.yaml"), before);
    }
  });
});

describe("the province's legal bases (tinh.yaml's van_ban_phap_ly)", () => {
  it("are checked in every bloc's documents, the bloc's own entry winning", async () => {
    writeFileSync(join(ws, "tinh.yaml"), "tinh: Trà Vinh\nnam: 2020\nvan_ban_phap_ly:\n  - so_hieu: 91/2017/NĐ-CP\n    het_hieu_luc: 2021-01-01\n");
    const r = await cliInProcess(["tinh", "build", "--root", ws, "--khoi", "k8"]);
    expect(r.out).toContain("khoi/k8/data/2020/to-trinh.md:14:5: cảnh báo [basis/expired] Dòng căn cứ dẫn 91/2017/NĐ-CP, văn bản này hết hiệu lực từ ngày 1/1/2021");
    const khoi = join(ws, "khoi/k8/data/khoi.yaml");
    const before = readFileSync(khoi, "utf8");
    try {
      writeFileSync(khoi, before + "van_ban_phap_ly:\n  - so_hieu: 91/2017/NĐ-CP\n    het_hieu_luc: 2022-01-01\n");
      const own = await cliInProcess(["tinh", "validate", "--root", ws, "--khoi", "k8"]);
      expect(own.out).not.toContain("[basis/expired]");
    } finally {
      writeFileSync(khoi, before);
    }
  }, 60_000);
});

describe("a bloc kept elsewhere (tinh.yaml khoi_noi_khac)", () => {
  it("is built in its own folder, named from the workspace, merged with the others; a path with no bloc stops the run", async () => {
    const name = `${ws.slice(ws.lastIndexOf("/") + 1)}-khoi-9`;
    const away = join(ws, "..", name);
    cpSync(join(FIXTURES, "kinh-te-ky-thuat/data"), join(away, "data"), { recursive: true });
    // A bloc of its own (the fixture is the workspace's kt too): its code and units' names.
    const khoi = join(away, "data/khoi.yaml");
    writeFileSync(khoi, readFileSync(khoi, "utf8").replace(/^ky_hieu: K3$/m, "ky_hieu: K9").replace(/^( {4}ten: )(.*)$/gm, "$1$2 (Khối 9)"));
    const before = existsSync(join(ws, "tinh.yaml")) ? readFileSync(join(ws, "tinh.yaml"), "utf8") : undefined;
    try {
      writeFileSync(join(ws, "tinh.yaml"), `tinh: Sóc Trăng\nnam: 2024\nkhoi_noi_khac:\n  k9: ../${name}\n`);
      const r = await cliInProcess(["tinh", "build", "--root", ws, "--khoi", "k9"]);
      expect(r.code, r.out).toBe(0);
      expect(r.out).toContain(`— Khối k9 (../${name})`);
      expect(existsSync(join(away, "out/2024/to-trinh.pdf"))).toBe(true);
      expect(existsSync(join(ws, "khoi/k9"))).toBe(false);
      // Its messages name its files from the workspace.
      expect(r.out).toMatch(new RegExp(`\\.\\./${name}/data/2024/[^:]+:\\d+:\\d+: cảnh báo`));
      // The province's view of 2024 has it, as it has the bloc kt of the same year.
      const all = await cliInProcess(["tinh", "build", "--root", ws]);
      const view = JSON.parse(readFileSync(join(ws, "out/tinh-2024/tong-hop-2024.json"), "utf8"));
      expect(view.khoi.map((b: { ma: string; tep: string }) => [b.ma, b.tep]), all.out).toEqual([
        ["k9", `../${name}/out/2024/ket-qua-2024.json`],
        ["kt", "khoi/kt/out/2024/ket-qua-2024.json"],
      ]);
      // Its results file is read in its own folder's rules: a link there that leads out of it is said, not followed.
      const outside = join(ws, "..", `${name}-gia.json`);
      const results = join(away, "out/2024/ket-qua-2024.json");
      writeFileSync(outside, readFileSync(results));
      rmSync(results);
      symlinkSync(outside, results);
      const linked = await cliInProcess(["tinh", "validate", "--root", ws]);
      expect(linked.code).toBe(1);
      expect(linked.out).toMatch(new RegExp(`\\.\\./${name}/out/2024/ket-qua-2024\\.json:1:1: lỗi \\[file/link\\]`));
      rmSync(outside);
      writeFileSync(join(ws, "tinh.yaml"), `tinh: Sóc Trăng\nnam: 2024\nkhoi_noi_khac:\n  k9: ../${name}-khong-co\n  kt: khoi/kt\n  k10: khoi/kt/out\n  k8: ../${name}\n`);
      cpSync(join(FIXTURES, "kinh-te-ky-thuat/data"), join(ws, "khoi/kt/out/data"), { recursive: true });
      const bad = await cliInProcess(["tinh", "validate", "--root", ws]);
      rmSync(join(ws, "khoi/kt/out/data"), { recursive: true });
      expect(bad.code).toBe(1);
      expect(bad.out).toContain(`tinh.yaml:4:7: lỗi [tinh/bloc-path-missing] khoi_noi_khac: k9 chỉ tới ../${name}-khong-co, nhưng ở đó không có data/khoi.yaml`);
      expect(bad.out).toContain("tinh.yaml:5:7: lỗi [tinh/bloc-path-twice] khoi_noi_khac: kt (khoi/kt) là khối đã có ở khoi/kt");
      expect(bad.out).toContain("tinh.yaml:6:8: lỗi [tinh/bloc-path-nested] khoi_noi_khac: k10 (khoi/kt/out) nằm trong, hoặc chứa, khoi/kt: mỗi khối cần một thư mục riêng");
      expect(bad.out).toContain(`tinh.yaml:7:7: lỗi [tinh/bloc-path-taken] khoi_noi_khac: mã k8 (../${name}) đã là mã của khối ở khoi/k8`);
      expect(bad.out).toContain("Không lập khối nào");
      // A bloc of the workspace built on its own is told that the province's defaults are not used.
      const alone = await cliInProcess(["build", "--root", join(ws, "khoi/kt"), "--check"]);
      expect(alone.err + alone.out).toContain("Lưu ý: khối này nằm trong thư mục của tỉnh (../../tinh.yaml); lệnh build không dùng mặc định của tỉnh. Lập bằng: npm run tinh -- build --khoi kt");
    } finally {
      if (before === undefined) rmSync(join(ws, "tinh.yaml"), { force: true });
      else writeFileSync(join(ws, "tinh.yaml"), before);
      rmSync(away, { recursive: true, force: true });
      rmSync(join(ws, "out/tinh-2024"), { recursive: true, force: true });
    }
  }, 120_000);
});

describe("the province's defaults (tinh.yaml)", () => {
  it("fill what a bloc's khoi.yaml leaves out, the bloc's own keys winning; a change in them rebuilds the bloc", async () => {
    const khoi = join(ws, "khoi/tong-hop/data/khoi.yaml");
    const before = readFileSync(khoi, "utf8");
    try {
      writeFileSync(khoi, before.replace(/^tinh: .*\n/m, "").replace(/^dia_danh: .*\n/m, "").replace(/^co_quan_chu_quan: .*\n/m, ""));
      writeFileSync(join(ws, "tinh.yaml"), "tinh: Trà Vinh\nnam: 2020\ndia_danh: Càng Long\nco_quan_chu_quan: UBND TỈNH TRÀ VINH\n");
      const r = await cliInProcess(["tinh", "build", "--root", ws, "--khoi", "tong-hop"]);
      expect(r.code, r.out).toBe(0);
      const text = (await cliInProcess(["textconv", join(ws, "khoi/tong-hop/out/2020/to-trinh.docx")])).out;
      expect(text).toContain("Càng Long, ngày");
      expect(text).toContain("UBND TỈNH TRÀ VINH");
      const results = JSON.parse(readFileSync(join(ws, "khoi/tong-hop/out/2020/ket-qua-2020.json"), "utf8"));
      expect(results.khoi.tinh).toBe("Trà Vinh");
      // The bloc's own place name wins.
      writeFileSync(khoi, readFileSync(khoi, "utf8") + "dia_danh: Trà Vinh\n");
      expect((await cliInProcess(["tinh", "build", "--root", ws, "--khoi", "tong-hop"])).code).toBe(0);
      expect((await cliInProcess(["textconv", join(ws, "khoi/tong-hop/out/2020/to-trinh.docx")])).out).toContain("Trà Vinh, ngày");
      // A change in the province's file alone is seen: the bloc's own is now gone again, the province's new name used.
      writeFileSync(khoi, readFileSync(khoi, "utf8").replace(/^dia_danh: Trà Vinh\n/m, ""));
      expect((await cliInProcess(["tinh", "build", "--root", ws, "--khoi", "tong-hop"])).code).toBe(0);
      writeFileSync(join(ws, "tinh.yaml"), "tinh: Trà Vinh\nnam: 2020\ndia_danh: Tiểu Cần\nco_quan_chu_quan: UBND TỈNH TRÀ VINH\n");
      const again = await cliInProcess(["tinh", "build", "--root", ws, "--khoi", "tong-hop"]);
      expect(again.out).toMatch(/— Khối tong-hop[\s\S]*, [1-9]\d* văn bản được lập/);
      expect((await cliInProcess(["textconv", join(ws, "khoi/tong-hop/out/2020/to-trinh.docx")])).out).toContain("Tiểu Cần, ngày");
    } finally {
      writeFileSync(khoi, before);
    }
  }, 120_000);
});

describe("the province's report (bao-cao-tong-hop-<year>.docx, .pdf)", () => {
  const dir = join(ws, "out/tinh-2020");
  it("is made with the view: what was received, what is proposed, the tables as its appendices; the same bytes twice", async () => {
    writeFileSync(join(ws, "tinh.yaml"), "tinh: Trà Vinh\nnam: 2020\nco_quan: Ban Thi đua - Khen thưởng, Sở Nội vụ\nky:\n  chuc_vu: [KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC]\n  ho_ten: Nguyễn Văn A\n");
    await cliInProcess(["tinh", "build", "--root", ws]);
    const pdf = readFileSync(join(dir, "bao-cao-tong-hop-2020.pdf"));
    const text = (await cliInProcess(["textconv", join(dir, "bao-cao-tong-hop-2020.pdf")])).out.replace(/\s+/g, " ");
    expect(text).toContain("BÁO CÁO Tổng hợp kết quả thi đua của các khối thi đua năm 2020");
    expect(text).toContain("Ban Thi đua - Khen thưởng, Sở Nội vụ báo cáo tổng hợp");
    // k8, the k9 received above (a copy of k8's results) and tong-hop: Sở Y tế twice, to settle.
    expect(text).toContain("Cờ thi đua của Ủy ban nhân dân tỉnh: 3 đơn vị (Sở Y tế, Khối 8; Sở Y tế, Khối 8; Sở Y tế (Khối 12), Khối 12)");
    expect(text).toContain("III. CẦN XỬ LÝ TRƯỚC KHI TRÌNH KHEN THƯỞNG - Sở Y tế được đề nghị hai lần: Cờ thi đua của Ủy ban nhân dân tỉnh (Khối 8), Cờ thi đua của Ủy ban nhân dân tỉnh (Khối 8)");
    expect(text).toContain("Phụ lục I");
    for (const line of ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn A"]) expect(text).toContain(line);
    const docx = (await cliInProcess(["textconv", join(dir, "bao-cao-tong-hop-2020.docx")])).out;
    expect(docx).toContain("Sở Y tế");
    const again = await cliInProcess(["tinh", "build", "--root", ws]);
    expect(again.out).not.toContain("đã ghi out/tinh-2020/bao-cao");
    expect(readFileSync(join(dir, "bao-cao-tong-hop-2020.pdf"))).toEqual(pdf);
    // Nothing changed, but a file of the view is gone: it is made again, the same bytes.
    rmSync(join(dir, "bao-cao-tong-hop-2020.pdf"));
    expect((await cliInProcess(["tinh", "build", "--root", ws])).out).toContain("đã ghi out/tinh-2020/bao-cao-tong-hop-2020.pdf");
    expect(readFileSync(join(dir, "bao-cao-tong-hop-2020.pdf"))).toEqual(pdf);
    // The signer changed in tinh.yaml alone: the report is made again.
    writeFileSync(join(ws, "tinh.yaml"), readFileSync(join(ws, "tinh.yaml"), "utf8").replace("Nguyễn Văn A", "Trần Thị B"));
    const signer = await cliInProcess(["tinh", "build", "--root", ws]);
    expect(signer.out).toContain("đã ghi out/tinh-2020/bao-cao-tong-hop-2020.pdf");
    expect((await cliInProcess(["textconv", join(dir, "bao-cao-tong-hop-2020.pdf")])).out).toContain("Trần Thị B");
  }, 120_000);

  it.skipIf(!(hasCommand("soffice") && hasCommand("pdftotext")))("is the same document as LibreOffice's rendering of its DOCX: pages, page starts, lines", async () => {
    const report = await checkFidelity(dir);
    expect(report.failed).toEqual([]);
    expect(report.rows.map((r) => r.name)).toEqual(["bao-cao-tong-hop-2020"]);
    const [r] = report.rows;
    expect(r!.pagesOurs).toBe(r!.pagesLibreOffice);
    expect(r!.startsOurs.slice(1)).toEqual(r!.startsLibreOffice.slice(1));
    expect(r!.sameLines / r!.bodyLines).toBeGreaterThanOrEqual(0.97);
  }, 300_000);
});
