import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";
import { usageError } from "../../src/cli/usage-errors.ts";

/** Every usage error the parser can give, from the command lines a user types. */
const CASES: [string[], string][] = [
  [["bulid"], "không có lệnh bulid (các lệnh: build, validate, schema, new-year, forms, import, so-van-ban, edxml, ho-so, tinh, sign)"],
  [["new-year", "abc"], "new-year cần một năm từ 2000 đến 2100, ví dụ: new-year 2021"],
  [["new-year"], "new-year cần năm cần tạo, ví dụ: new-year 2021"],
  [["build", "--verbose", "x"], "đối số thứ 3 không dùng được ở đây"],
  [["build", "--bogus"], "không có tùy chọn --bogus"],
  [["build", "--verbose=1"], "--verbose không nhận giá trị"],
  [["build", "--only"], "--only cần một giá trị"],
  [["build", "--lang", "fr"], "--lang chỉ nhận vi hoặc en"],
  [["build", "--only", " "], "--only cần mã một văn bản hoặc một đơn vị, không để trống"],
  [["build", "--year", "x"], "--year cần một năm, ví dụ: 2020"],
  [["build", "--pdf-fonts", "x"], "--pdf-fonts chỉ nhận auto hoặc package"],
  [["forms", "--unit", "Sở Y tế"], "--unit cần mã một đơn vị, ví dụ: so-y-te"],
  [["forms", "--stage", "x"], "--stage chỉ nhận dang-ky, so-ket hoặc tong-ket"],
  [["import"], "import cần các tệp biểu mẫu để đọc, ví dụ: npm run import -- so-y-te-tong-ket.xlsx"],
  [["build", "--out", ""], "--out cần một thư mục, không để trống"],
];

describe("usage errors", () => {
  it.each(CASES)("%j in Vietnamese by default", (argv, vi) => {
    const { errors } = parseArgs(argv);
    expect(errors).toHaveLength(1);
    expect(usageError(errors[0]!, "vi")).toBe(vi);
  });

  it("stay in English with --lang en", () => {
    expect(usageError(parseArgs(["build", "--bogus"]).errors[0]!, "en")).toBe("unknown option: --bogus");
  });
});
