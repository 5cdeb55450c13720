/** The invitation to the year-end voting meeting (Giấy mời): a document type added through its registry entry only. */
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const FILE = "data/2020/giay-moi.md";

function withData(edit: (s: string) => string) {
  const world = exampleWorld();
  world.files.set(FILE, enc(edit(text(world.files.get(FILE)!))));
  return world;
}

/** Every string of a block list, in order. */
function words(x: unknown): string[] {
  if (typeof x === "string") return [x];
  if (Array.isArray(x)) return x.flatMap(words);
  if (x && typeof x === "object") return Object.values(x).flatMap(words);
  return [];
}

describe("Giấy mời họp tổng kết, bình xét thi đua (data/2020/giay-moi.md)", async () => {
  const r = await checkProject(exampleWorld());
  const gm = r.documents.find((d) => d.doc.stem === "giay-moi")!;

  it("is composed from its data file, in the bloc's number series with the type code GM", () => {
    expect(gm.source).toBe(FILE);
    expect(gm.doc.typeCode).toBe("GM");
    expect(gm.doc.header.number).toBe("Số: 01/GM-K8");
    expect(gm.doc.header.placeDate).toBe("Trà Vinh, ngày 25 tháng 01 năm 2021");
    expect(gm.doc.title).toEqual({ type: "GIẤY MỜI", summary: ["Họp tổng kết, bình xét thi đua năm 2020 của Khối 8"] });
    expect(gm.doc.kinhGui).toEqual(["Thủ trưởng các đơn vị thành viên Khối 8"]);
  });

  it("says when, where, what, who, what to bring and whom to call, and closes as a giấy mời does", () => {
    const body = words(gm.doc.body).join(" ");
    for (const part of ["1. Thời gian:", "08 giờ 00, thứ Sáu, ngày 05 tháng 02 năm 2021", "2. Địa điểm:", "3. Nội dung:", "4. Thành phần:", "5. Tài liệu:", "điện thoại: 0294 3862 xxx", "tham dự đầy đủ, đúng giờ./."])
      expect(body).toContain(part);
  });

  it("is signed by the bloc leader for the bloc, in the single layout of its template", () => {
    expect(gm.doc.signatureLayout).toBe("single");
    expect(gm.doc.signatures).toEqual([{ role: "signer", lines: ["TM. KHỐI 8", "KHỐI TRƯỞNG", "GIÁM ĐỐC", "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"], name: "Dương Hoàng Sum" }]);
    expect(gm.doc.recipients).toEqual(["- Như trên;", "- Ban Thi đua - Khen thưởng tỉnh (để báo cáo);", "- Lưu: VT, VP."]);
  });

  it("comes before the meeting of the minutes", () => {
    const minutes = r.documents.find((d) => d.doc.stem === "bien-ban-binh-bau")!;
    expect(gm.doc.meta.date < minutes.doc.meta.date).toBe(true);
  });

  it("is validated against its schema, with the error at the line", async () => {
    const bad = await checkProject(withData((s) => s.replace('  bat_dau: "08:00"\n', "")));
    expect(bad.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.pos.file}:${d.pos.line} ${d.code}`)).toEqual([`${FILE}:8 schema/missing`]);
  });

  it("has its date checked in the year-end window", async () => {
    const late = await checkProject(withData((s) => s.replace("ngay: 2021-01-25", "ngay: 2023-01-25")));
    expect(late.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.pos.file}:${d.pos.line} ${d.code}`)).toEqual([`${FILE}:5 date/out-of-window`]);
  });
});
