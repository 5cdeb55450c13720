/**
 * `new-year <year>` on a copy of the example: data/2021 made from data/2020, valid
 * (warnings only), its plan builds at once; a second run refuses and changes
 * nothing; a year without the year before is refused, saying which years exist.
 */
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";
import { checkProject } from "../../src/pipeline.ts";
import { parseArgs } from "../../src/cli/args.ts";
import { newYear } from "../../src/year/new-year.ts";
import { clampFeb29, moveYears } from "../../src/year/move-years.ts";
import { buildExample, exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

const text = (w: MemoryWorld, p: string) => new TextDecoder().decode(w.files.get(p)!);
const front = (md: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(md)![1]!);
const treeHash = (w: MemoryWorld) => {
  const h = createHash("sha256");
  for (const k of [...w.files.keys()].sort()) h.update(k).update("\0").update(w.files.get(k)!).update("\0");
  return h.digest("hex");
};
const edit = (w: MemoryWorld, p: string, f: (s: string) => string) => w.files.set(p, new TextEncoder().encode(f(text(w, p))));

describe("new-year 2021 on the example", async () => {
  const w = exampleWorld();
  const r = await newYear(w, "data", 2021);

  it("makes data/2021 with the year file and the bloc's document data files, not the minutes, registrations or results", () => {
    expect(r.diagnostics.filter((d) => d.code !== "new-year/old-role-named")).toEqual([]);
    expect(r.created).toEqual(["nam.yaml", "ke-hoach.md"].map((f) => `data/2021/${f}`));
    expect([...w.files.keys()].filter((k) => k.startsWith("data/2021/")).sort()).toEqual([...r.created].sort());
    expect([...w.files.keys()].some((k) => k.includes(".tmp"))).toBe(false);
  });

  it("takes the leader and deputy the minutes agreed on, copies the rules and moves the timeline a year", () => {
    const y = parse(text(w, "data/2021/nam.yaml"));
    const p = parse(text(w, "data/2020/nam.yaml"));
    expect(y).toEqual({
      ...p,
      nam: 2021,
      khoi_truong: "so-y-te",
      khoi_pho: "so-gddt",
      tieu_chi: p.tieu_chi.map((c: { noi_dung: string }) => ({ ...c, noi_dung: c.noi_dung.replace("năm 2020", "năm 2021") })),
      moc_thoi_gian: { dang_ky: "2021-03-15", bao_cao_so_ket: "2021-06-15", so_ket_thang: "2021-07", bao_cao_tong_ket: "2022-01-31", tong_ket_thang: "2022-02" },
    });
    expect(y.quyet_dinh_thanh_lap).toBe(p.quyet_dinh_thanh_lap);
    // Comments in Vietnamese say what to fill.
    expect(text(w, "data/2021/nam.yaml")).toContain("# Năm thi đua 2021, tạo bằng lệnh new-year từ data/2020/.");
    expect(text(w, "data/2021/nam.yaml")).toContain("# Khối trưởng, Khối phó năm 2021: theo khoi_truong_nam_sau, khoi_pho_nam_sau trong biên bản năm 2020. Kiểm tra lại.");
  });

  it("warns at each line of the copied plan that still names last year's leader unit", () => {
    const warned = r.diagnostics.filter((d) => d.code === "new-year/old-role-named");
    expect(warned.map((d) => `${d.pos.file}:${d.pos.line}`)).toEqual(["data/2021/ke-hoach.md:42", "data/2021/ke-hoach.md:52", "data/2021/ke-hoach.md:56", "data/2021/ke-hoach.md:68"]);
    for (const d of warned) expect(text(w, "data/2021/ke-hoach.md").split("\n")[d.pos.line - 1]).toContain("Sở Văn hóa, Thể thao và Du lịch");
    expect(formatDiagnostic(warned[0]!, "vi")).toContain("Văn bản chép từ năm trước còn ghi Sở Văn hóa, Thể thao và Du lịch, Khối trưởng năm trước; năm 2021 Khối trưởng là Sở Y tế");
  });

  it("leaves numbers, dates and the signer of the documents blank and moves the years of their texts", () => {
    const plan = text(w, "data/2021/ke-hoach.md");
    expect(front(plan)).toEqual({ so: null, ngay: null, trich_yeu: "Tổ chức và phát động phong trào thi đua năm 2021", noi_nhan: ["Thường trực Hội đồng TĐ-KT tỉnh", "Các đơn vị thành viên Khối 8"] });
    expect(plan).toContain("\nso:\nngay:\n");
    expect(plan).toContain("# Số và ngày: để trống đến khi ban hành");
    expect(plan.split("\n---\n")[1]).not.toMatch(/2020/);
    // The documents that report the year are not copied: last year's facts with the years changed would read as done.
    for (const f of ["so-ket.md", "tong-ket.md", "giay-moi.md", "to-trinh.md", "bien-ban.md"]) expect(w.files.has(`data/2021/${f}`), f).toBe(false);
  });

  it("validates with warnings only and builds the plan of 2021", async () => {
    const checked = await checkProject(w);
    expect(checked.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "en"))).toEqual([]);
    // A year just made records no date: no registration or result is due yet, so none is missing (no noise).
    const codes = new Set(checked.diagnostics.filter((d) => d.pos.file !== "data/2020/dang-ky/ban-dan-toc.yaml").map((d) => d.code));
    expect(codes).toEqual(new Set());
    const { result, outputs } = await buildExample(w);
    expect(result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(outputs.has("out/2021/ke-hoach.docx")).toBe(true);
    expect(outputs.has("out/2021/ke-hoach.pdf")).toBe(true);
    const plan = checked.documents.find((d) => d.year === 2021 && d.doc.stem === "ke-hoach")!.doc;
    expect(plan.header.number).toMatch(/^Số:\s+\/KH-K8$/u);
    expect(plan.signatures[0]!.name).toBe("Huỳnh Minh Trí"); // the head of so-y-te, the new leader
  }, 60_000);

  it("writes the plan's deadlines and conference months from the new year's nam.yaml, also after the secretary changes them", async () => {
    const planText = async () => {
      const plan = (await checkProject(w)).documents.find((d) => d.year === 2021 && d.doc.stem === "ke-hoach")!.doc;
      const texts: string[] = [];
      JSON.stringify(plan.body, (k, v: unknown) => (k === "text" && typeof v === "string" && texts.push(v), v));
      return texts.join("");
    };
    const moved = await planText();
    expect(moved).toContain("Hoàn thành trong tháng 7/2021.");
    expect(moved).toContain("trước ngày 15/6/2021.");
    const before = text(w, "data/2021/nam.yaml");
    try {
      edit(w, "data/2021/nam.yaml", (s) =>
        s.replace("bao_cao_so_ket: 2021-06-15", "bao_cao_so_ket: 2021-06-20").replace(/so_ket_thang: "?2021-07"?/, 'so_ket_thang: "2021-08"').replace("bao_cao_tong_ket: 2022-01-31", "bao_cao_tong_ket: 2022-01-25").replace(/tong_ket_thang: "?2022-02"?/, 'tong_ket_thang: "2022-03"'),
      );
      expect(text(w, "data/2021/nam.yaml")).not.toBe(before);
      const changed = await planText();
      for (const s of ["Hoàn thành trong tháng 8/2021.", "trước ngày 20/6/2021.", "trước ngày 25/01/2022.", "Hoàn thành trong tháng 3/2022."]) expect(changed).toContain(s);
      for (const s of ["tháng 7/2021", "15/6/2021", "31/01/2022", "tháng 2/2022"]) expect(changed).not.toContain(s);
    } finally {
      w.files.set("data/2021/nam.yaml", new TextEncoder().encode(before));
    }
  });

  it("warns of a missing registration once the year records a date after its deadline, naming the year and the file", async () => {
    const v = exampleWorld();
    await newYear(v, "data", 2021);
    const deadline = String(front(`---\n${text(v, "data/2021/nam.yaml")}\n---\n`).moc_thoi_gian.dang_ky);
    const before = (await checkProject(v)).diagnostics.filter((d) => d.code === "registration/missing");
    expect(before).toEqual([]);
    // One unit registers after the deadline: the others' registrations are now missing.
    const reg = text(v, "data/2020/dang-ky/so-y-te.yaml").replace(/^ngay: .*$/mu, "ngay: 2021-03-20").replace(/^so: .*$/mu, "so: 5");
    expect(deadline < "2021-03-20").toBe(true);
    v.files.set("data/2021/dang-ky/so-y-te.yaml", new TextEncoder().encode(reg));
    const after = (await checkProject(v)).diagnostics.filter((d) => d.code === "registration/missing");
    expect(after.length).toBe(9);
    expect(formatDiagnostic(after[0]!, "vi")).toMatch(/năm 2021.*data\/2021\/dang-ky\/[a-z-]+\.yaml/su);
  }, 60_000);

  it("run twice: the second refuses and changes nothing", async () => {
    const before = treeHash(w);
    const again = await newYear(w, "data", 2021);
    expect(treeHash(w)).toBe(before);
    expect(again.created).toEqual([]);
    expect(again.diagnostics.map((d) => formatDiagnostic(d, "vi"))).toEqual([
      "data/2021:1:1: lỗi [new-year/exists] Năm 2021 đã có thư mục data/2021: lệnh new-year không ghi đè, không thay đổi gì\n" +
        "    → Sửa trực tiếp dữ liệu trong data/2021, hoặc xóa thư mục đó (kể cả khi rỗng) nếu muốn tạo lại.",
    ]);
  });
});

describe("new-year refuses", () => {
  it("a year without the year before, saying which years exist", async () => {
    const w = exampleWorld();
    const before = treeHash(w);
    const r = await newYear(w, "data", 2023);
    expect(treeHash(w)).toBe(before);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, "vi"))).toEqual([
      "data/2023:1:1: lỗi [new-year/no-previous] Không có năm trước 2022 (data/2022) để tạo năm 2023; các năm hiện có: 2020\n    → Năm mới được tạo từ năm liền trước: chạy new-year 2021.",
    ]);
    expect(formatDiagnostic(r.diagnostics[0]!, "en")).toContain("No previous year 2022 (data/2022) to make 2023 from; existing years: 2020");
  });

  it("a previous year with errors", async () => {
    const w = exampleWorld();
    edit(w, "data/2020/nam.yaml", (s) => s.replace("khoi_pho: so-y-te", "khoi_pho: khong-co"));
    const r = await newYear(w, "data", 2021);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["ref/unknown-unit", "new-year/previous-invalid"]);
    expect([...w.files.keys()].some((k) => k.startsWith("data/2021"))).toBe(false);
  });

  it("a run that fails midway leaves nothing", async () => {
    const w = exampleWorld();
    const before = treeHash(w);
    let writes = 0;
    const write = w.writeNew.bind(w);
    w.writeNew = async (p, b) => {
      if (++writes === 2) throw Object.assign(new Error("ENOSPC: no space left"), { code: "ENOSPC" });
      return write(p, b);
    };
    const r = await newYear(w, "data", 2021);
    expect(r.diagnostics.map((d) => `${d.code} ${d.pos.file}`)).toEqual(["build/write-failed data/2021/ke-hoach.md"]);
    expect(r.created).toEqual([]);
    expect(treeHash(w)).toBe(before);
  });
});

describe("next year's leader and deputy without the minutes' fields", () => {
  const withoutFields = (w: MemoryWorld) => edit(w, "data/2020/bien-ban.md", (s) => s.replace(/^# Cuộc họp thống nhất.*\nkhoi_truong_nam_sau: .*\nkhoi_pho_nam_sau: .*\n/m, ""));

  it("are read from the minutes' sentence naming the units", async () => {
    const w = exampleWorld();
    withoutFields(w);
    expect(text(w, "data/2020/bien-ban.md")).not.toContain("nam_sau");
    const r = await newYear(w, "data", 2021);
    expect(r.diagnostics.filter((d) => d.code !== "new-year/old-role-named")).toEqual([]);
    const y = parse(text(w, "data/2021/nam.yaml"));
    expect([y.khoi_truong, y.khoi_pho]).toEqual(["so-y-te", "so-gddt"]);
    expect(text(w, "data/2021/nam.yaml")).toContain("theo câu “năm 2021 … làm Khối trưởng, … làm Khối phó” trong biên bản năm 2020");
  });

  it("failing that, are kept from the previous year with a warning saying where to set them", async () => {
    const w = exampleWorld();
    withoutFields(w);
    edit(w, "data/2020/bien-ban.md", (s) => s.replace("năm 2021 Sở Y tế làm Khối trưởng, Sở Giáo dục và Đào tạo làm Khối phó", "năm 2021 luân phiên theo quy chế"));
    const r = await newYear(w, "data", 2021);
    expect(r.diagnostics.map((d) => formatDiagnostic(d, "vi"))).toEqual([
      "data/2020/bien-ban.md:1:1: cảnh báo [new-year/leaders-kept] Biên bản năm 2020 không ghi Khối trưởng, Khối phó năm 2021: giữ Khối trưởng svhttdl, Khối phó so-y-te như năm 2020\n" +
        "    → Sửa khoi_truong, khoi_pho trong nam.yaml của năm 2021; hoặc ghi khoi_truong_nam_sau, khoi_pho_nam_sau (mã đơn vị) ở phần đầu data/2020/bien-ban.md cho lần sau.",
    ]);
    const y = parse(text(w, "data/2021/nam.yaml"));
    expect([y.khoi_truong, y.khoi_pho]).toEqual(["svhttdl", "so-y-te"]);
  });

  it("the minutes' fields must be unit ids of the bloc", async () => {
    const w = exampleWorld();
    edit(w, "data/2020/bien-ban.md", (s) => s.replace("khoi_truong_nam_sau: so-y-te", "khoi_truong_nam_sau: so-y-tee"));
    const { diagnostics } = await checkProject(w);
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "vi").split("\n")[0])).toEqual([
      "data/2020/bien-ban.md:89:22: lỗi [ref/unknown-unit] Không có đơn vị mã “so-y-tee” trong khoi.yaml",
    ]);
  });
});

describe("moving dates a year", () => {
  it("moves the year and the next one in one pass and keeps other numbers", () => {
    expect(moveYears("năm 2020 và phương hướng năm 2021; Luật năm 2003; số 12020; 2020-02-05", 2020)).toBe("năm 2021 và phương hướng năm 2022; Luật năm 2003; số 12020; 2021-02-05");
  });
  it("29 February becomes the 28th in a year without one", () => {
    expect(clampFeb29("a: 2021-02-29\nb: 2024-02-29\n")).toBe("a: 2021-02-28\nb: 2024-02-29\n");
  });
  it("in the timeline of nam.yaml", async () => {
    const w = exampleWorld();
    edit(w, "data/2020/nam.yaml", (s) => s.replace("dang_ky: 2020-03-15", "dang_ky: 2020-02-29"));
    await newYear(w, "data", 2021);
    expect(parse(text(w, "data/2021/nam.yaml")).moc_thoi_gian.dang_ky).toBe("2021-02-28");
  });
});

describe("new-year on disk", () => {
  const dir = mkdtempSync(join(tmpdir(), "new-year-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(REPO, "data"), join(dir, "data"), { recursive: true });

  it("refuses an existing empty folder and changes nothing", async () => {
    mkdirSync(join(dir, "data/2021"));
    const r = await newYear(nodeWorld(dir), "data", 2021);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["new-year/exists"]);
    expect(readdirSync(join(dir, "data/2021"))).toEqual([]);
    rmSync(join(dir, "data/2021"), { recursive: true });
  });

  it("a data/<year> link leading nowhere is a located file/link error, not a crash, and nothing is written", async () => {
    symlinkSync("/nonexistent-new-year-target", join(dir, "data/2021"));
    const r = await newYear(nodeWorld(dir), "data", 2021);
    expect(r.diagnostics.map((d) => `${d.code} ${d.pos.file}`)).toEqual(["file/link data/2021"]);
    expect(r.created).toEqual([]);
    expect(readdirSync(join(dir, "data")).sort()).toEqual([".schema", "2020", "2021", "khoi.yaml"]);
    rmSync(join(dir, "data/2021"));
  });

  it("makes the folder's files together, leaving no temporary file", async () => {
    const r = await newYear(nodeWorld(dir), "data", 2021);
    expect(r.diagnostics.filter((d) => d.code !== "new-year/old-role-named")).toEqual([]);
    expect(readdirSync(join(dir, "data/2021")).sort()).toEqual(["ke-hoach.md", "nam.yaml"]);
    expect(readdirSync(join(dir, "data")).filter((n) => n.startsWith("."))).toEqual([".schema"]);
    expect(existsSync(join(dir, "data/2021/bien-ban.md"))).toBe(false);
  });
});

describe("the command line", () => {
  it("takes the year", () => {
    expect(parseArgs(["new-year", "2021"])).toMatchObject({ command: "new-year", newYear: 2021, errors: [] });
    expect(parseArgs(["new-year"]).errors).toEqual(["new-year needs a year, e.g. new-year 2021"]);
    expect(parseArgs(["new-year", "abc"]).errors).toEqual(["new-year needs a year from 2000 to 2100, e.g. new-year 2021"]);
    expect(parseArgs(["new-year", "1999"]).errors).toEqual(["new-year needs a year from 2000 to 2100, e.g. new-year 2021"]);
    expect(parseArgs(["new-year", "2021", "--root", "x"])).toMatchObject({ newYear: 2021, root: "x", errors: [] });
  });
});
