import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";
import { checkEdited } from "./edit-helper.ts";

const REG = "data/2020/dang-ky/don-vi-a.yaml";
const RES = "data/2020/ket-qua/don-vi-a.yaml";

/** The mistakes a secretary makes while typing, each with the message that says the fix (Vietnamese, then English). */
describe("a decimal comma in a score", () => {
  it("says to use a decimal point, names the criterion, and gives no follow-on warning", async () => {
    const { lines, texts } = await checkEdited({ [RES]: [["khoi_cham: 39 }", "khoi_cham: 39,5 }"]] });
    expect(lines).toEqual([`error ${RES}:10:49 schema/decimal-comma`]);
    expect(texts).toEqual([
      `${RES}:10:49: lỗi [schema/decimal-comma] Trường tong_ket.diem[tc02].khoi_cham: “39,5” không phải là số (dấu phẩy thập phân); dùng dấu chấm thập phân: 39.5\n    → Viết 39.5 (dấu chấm, không có dấu ngoặc kép).`,
      `${RES}:10:49: error [schema/decimal-comma] Field tong_ket.diem[tc02].khoi_cham: “39,5” is not a number (decimal comma); use a decimal point: 39.5\n    → Write 39.5 (a point, no quotes).`,
    ]);
  });

  it("in block style (the value is then text): the same message, the first bonus counted as [1]", async () => {
    const { lines, texts } = await checkEdited({ [RES]: [["diem_cong: []", "diem_cong:\n    - diem: 1,5\n      ly_do: Có thành tích"]] });
    expect(lines).toEqual([`error ${RES}:12:13 schema/decimal-comma`]);
    expect(texts[0]).toBe(`${RES}:12:13: lỗi [schema/decimal-comma] Trường tong_ket.diem_cong[1].diem: “1,5” không phải là số (dấu phẩy thập phân); dùng dấu chấm thập phân: 1.5\n    → Viết 1.5 (dấu chấm, không có dấu ngoặc kép).`);
    expect(texts[1]).toBe(`${RES}:12:13: error [schema/decimal-comma] Field tong_ket.diem_cong[1].diem: “1,5” is not a number (decimal comma); use a decimal point: 1.5\n    → Write 1.5 (a point, no quotes).`);
  });

  it("a number in quotes says to remove them", async () => {
    const { lines, texts } = await checkEdited({ [RES]: [["khoi_cham: 39 }", 'khoi_cham: "39.5" }']] });
    expect(lines).toEqual([`error ${RES}:10:49 schema/quoted-number`]);
    expect(texts[0]).toBe(`${RES}:10:49: lỗi [schema/quoted-number] Trường tong_ket.diem[tc02].khoi_cham: “39.5” là chuỗi, không phải số (vì nằm trong dấu ngoặc kép)\n    → Bỏ dấu ngoặc kép: 39.5.`);
    expect(texts[1]).toBe(`${RES}:10:49: error [schema/quoted-number] Field tong_ket.diem[tc02].khoi_cham: “39.5” is text, not a number (it is in quotes)\n    → Remove the quotes: 39.5.`);
  });
});

describe("a date written the Vietnamese way", () => {
  const cases: [string, string, string, string][] = [
    ["15/06/2020", "2020-06-15", "ngày/tháng/năm", "day/month/year"],
    ["15-06-2020", "2020-06-15", "ngày/tháng/năm", "day/month/year"],
    ["15.06.2020", "2020-06-15", "ngày/tháng/năm", "day/month/year"],
    ["2020/06/15", "2020-06-15", "năm/tháng/ngày", "year/month/day"],
    // Day and month both 12 or less: Vietnamese order, day first.
    ["06/07/2020", "2020-07-06", "ngày/tháng/năm", "day/month/year"],
    ["6/7/2020", "2020-07-06", "ngày/tháng/năm", "day/month/year"],
  ];
  for (const [typed, iso, orderVi, orderEn] of cases)
    it(`${typed} offers ${iso}, and the file that exists is not reported missing`, async () => {
      const { lines, texts } = await checkEdited({ [REG]: [["ngay: 2020-03-01", `ngay: ${typed}`]] });
      expect(lines).toEqual([`error ${REG}:1:7 schema/date-format`]);
      expect(texts).toEqual([
        `${REG}:1:7: lỗi [schema/date-format] Trường ngay: ngày “${typed}” phải viết theo dạng NNNN-TT-NN: ${iso}\n    → Viết ${iso} (năm-tháng-ngày); “${typed}” được đọc theo thứ tự ${orderVi}.`,
        `${REG}:1:7: error [schema/date-format] Field ngay: the date “${typed}” must be written YYYY-MM-DD: ${iso}\n    → Write ${iso} (year-month-day); “${typed}” is read as ${orderEn}.`,
      ]);
    });

  it("a day that does not exist gets the format rule, no made-up suggestion", async () => {
    const { lines } = await checkEdited({ [REG]: [["ngay: 2020-03-01", "ngay: 31/02/2020"]] });
    expect(lines).toEqual([`error ${REG}:1:7 schema/format`]);
  });
});

describe("list items in messages", () => {
  it("an entry of a list of criteria is named by its criterion", async () => {
    const { texts } = await checkEdited({ [RES]: [["ty_le: 60 }", "ty_le: 6000 }"]] });
    expect(texts[0]).toBe(`${RES}:5:50: lỗi [schema/too-big] Giá trị 6000 của so_ket.ket_qua[tc02].ty_le vượt mức tối đa 1000\n    → Sửa lại số liệu.`);
    expect(texts[1]).toBe(`${RES}:5:50: error [schema/too-big] Value 6000 of so_ket.ket_qua[tc02].ty_le is above the maximum 1000\n    → Correct the number.`);
  });

  it("a registration's target is named by its criterion", async () => {
    const { texts } = await checkEdited({ [REG]: [["chi_tieu: Hoàn thành 100% chỉ tiêu", 'chi_tieu: ""']] });
    expect(texts[0]).toContain("Trường chi_tieu[tc01].chi_tieu: không được để trống");
  });

  it("other lists count from 1", async () => {
    const { texts } = await checkEdited({ [RES]: [["diem_cong: []", "diem_cong:\n    - { diem: 1, ly_do: Có thành tích }\n    - { diem: 1 }"]] });
    expect(texts[0]).toBe(`${RES}:13:7: lỗi [schema/missing] Thiếu trường bắt buộc tong_ket.diem_cong[2].ly_do\n    → Thêm trường này (VS Code gợi ý tên trường khi gõ, xem README, mục Dữ liệu gõ ở đâu).`);
    expect(texts[1]).toContain("Missing required field tong_ket.diem_cong[2].ly_do");
  });

  it("the criteria of nam.yaml are named by their id", async () => {
    const { texts } = await checkEdited({ "data/2020/nam.yaml": [["diem_toi_da: 40 }", "diem_toi_da: -40 }"]] });
    expect(texts[0]).toContain("tieu_chi[tc02].diem_toi_da");
  });
});

describe("type words", () => {
  it("are Vietnamese in Vietnamese messages", async () => {
    const { texts } = await checkEdited({ [RES]: [["khoi_cham: 39 }", "khoi_cham: [39] }"]] });
    expect(texts[0]).toBe(
      `${RES}:10:49: lỗi [schema/type] Trường tong_ket.diem[tc02].khoi_cham sai kiểu: cần số, nhưng là danh sách\n    → Sửa giá trị cho đúng kiểu (số viết không có dấu ngoặc kép, danh sách bắt đầu bằng “- ”).`,
    );
    expect(texts[1]).toContain("Field tong_ket.diem[tc02].khoi_cham has the wrong type: expected a number, got a list");
  });

  it("a whole number, true/false, text", async () => {
    const { texts } = await checkEdited({
      [REG]: [["lao_dong_tien_tien: 10", "lao_dong_tien_tien: 10.5"], ["chi_tieu: 100% thủ tục trực tuyến", "chi_tieu: true"]],
    });
    expect(texts).toContain(`${REG}:4:33: lỗi [schema/type] Trường chi_tieu[tc02].chi_tieu sai kiểu: cần chuỗi (văn bản), nhưng là đúng/sai (true/false)\n    → Sửa giá trị cho đúng kiểu (số viết không có dấu ngoặc kép, danh sách bắt đầu bằng “- ”).`);
    expect(texts).toContain(`${REG}:4:33: error [schema/type] Field chi_tieu[tc02].chi_tieu has the wrong type: expected text, got true or false\n    → Write a value of that type (numbers without quotes, list items starting with “- ”).`);
    expect(texts.some((t) => t.includes("Trường ca_nhan.lao_dong_tien_tien sai kiểu: cần số nguyên, nhưng là số"))).toBe(true);
    const bloc = await checkEdited({ "data/khoi.yaml": [["viet_tat: SA", "viet_tat: SA\n    nu_tu_70_phan_tram: có"]] });
    expect(bloc.texts[0]).toContain("Trường don_vi[1].nu_tu_70_phan_tram sai kiểu: cần đúng/sai (true/false), nhưng là chuỗi (văn bản)");
  });

  for (const [typed, shown] of [[".nan", ".nan"], [".inf", ".inf"], ["-.inf", "-.inf"]] as const)
    it(`${typed} is not a number`, async () => {
      const { lines, texts } = await checkEdited({ [RES]: [["khoi_cham: 39 }", `khoi_cham: ${typed} }`]] });
      expect(lines).toEqual([`error ${RES}:10:49 schema/not-a-number`]);
      expect(texts[0]).toBe(`${RES}:10:49: lỗi [schema/not-a-number] Trường tong_ket.diem[tc02].khoi_cham: ${shown} không phải là số\n    → Ghi một số cụ thể, ví dụ: 9.5 (.nan, .inf là giá trị đặc biệt của YAML, không phải số).`);
      expect(texts[1]).toBe(`${RES}:10:49: error [schema/not-a-number] Field tong_ket.diem[tc02].khoi_cham: ${shown} is not a number\n    → Write an actual number, e.g. 9.5 (.nan and .inf are YAML special values, not numbers).`);
    });
});

/** A unit's file that exists but has errors: its own errors are enough, no "missing" warning about it. */
describe("no follow-on warnings for a file that has errors", () => {
  it("a results file that does not validate", async () => {
    const { lines } = await checkEdited({ [RES]: [["ngay_gui: 2021-01-20", "ngay_gui: 20/01/2021"]] });
    expect(lines).toEqual([`error ${RES}:7:13 schema/date-format`]);
  });

  it("a registration that does not parse", async () => {
    const { lines } = await checkEdited({ [REG]: [["ngay: 2020-03-01", "ngay: [2020-03-01"]] });
    expect(lines.every((l) => l.startsWith(`error ${REG}`))).toBe(true);
    expect(lines.length).toBeGreaterThan(0);
  });

  it("files that cannot be read as text", async () => {
    const { lines } = await checkEdited({}, { [RES]: "ngay: \u0000\u0000", [REG]: "" });
    expect(lines.filter((l) => l.includes("missing"))).toEqual([]);
    expect(lines.filter((l) => l.startsWith("error"))).toHaveLength(2);
  });

  it("a unit with no file at all is still warned of", async () => {
    const world = fixtureWorld();
    world.files.delete(RES);
    world.files.delete(REG);
    const { diagnostics } = await checkProject(world);
    expect(diagnostics.map((d) => `${d.severity} ${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`)).toEqual([
      "warning data/khoi.yaml:9:9 registration/missing",
      "warning data/khoi.yaml:9:9 results/missing",
    ]);
  });
});
