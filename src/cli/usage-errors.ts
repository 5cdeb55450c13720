/**
 * Usage errors in the user's language. The argument parser words them in
 * English (stable text that its tests and the sign command share); this gives
 * each its Vietnamese form when the output is Vietnamese, the default.
 */
import { COMMAND_NAMES } from "./help.ts";

const VI: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^unknown command: (.*)$/, (m) => `không có lệnh ${m[1]} (các lệnh: ${COMMAND_NAMES.filter((c) => c !== "textconv").join(", ")})`],
  [/^new-year needs a year from 2000 to 2100, e\.g\. new-year 2021$/, () => "new-year cần một năm từ 2000 đến 2100, ví dụ: new-year 2021"],
  [/^new-year needs a year, e\.g\. new-year 2021$/, () => "new-year cần năm cần tạo, ví dụ: new-year 2021"],
  [/^unexpected argument #(\d+)$/, (m) => `đối số thứ ${m[1]} không dùng được ở đây`],
  [/^unknown option: (.*)$/, (m) => `không có tùy chọn ${m[1]}`],
  [/^(.*) takes no value$/, (m) => `${m[1]} không nhận giá trị`],
  [/^(.*) needs a value$/, (m) => `${m[1]} cần một giá trị`],
  [/^--lang must be vi or en$/, () => "--lang chỉ nhận vi hoặc en"],
  [/^--only needs a document or a unit id, not an empty value$/, () => "--only cần mã một văn bản hoặc một đơn vị, không để trống"],
  [/^--year needs a year, e\.g\. 2020$/, () => "--year cần một năm, ví dụ: 2020"],
  [/^--pdf-fonts must be auto or package$/, () => "--pdf-fonts chỉ nhận auto hoặc package"],
  [/^--unit needs a unit id, e\.g\. so-y-te$/, () => "--unit cần mã một đơn vị, ví dụ: so-y-te"],
  [/^--stage must be dang-ky, so-ket or tong-ket$/, () => "--stage chỉ nhận dang-ky, so-ket hoặc tong-ket"],
  [/^import needs the forms to read, e\.g\. npm run import -- (.*)$/, (m) => `import cần các tệp biểu mẫu để đọc, ví dụ: npm run import -- ${m[1]}`],
  [/^--tiep-theo needs a type code, e\.g\. BC$/, () => "--tiep-theo cần một mã loại văn bản, ví dụ: BC"],
  [/^edxml needs the documents to pack, e\.g\. npm run edxml -- (.*)$/, (m) => `edxml cần tên các văn bản để đóng gói, ví dụ: npm run edxml -- ${m[1]}`],
  [/^--so needs the document's number, e\.g\. 4$/, () => "--so cần số văn bản, ví dụ: 4"],
  [/^--ngay needs the date of issuance as YYYY-MM-DD, e\.g\. (.*)$/, (m) => `--ngay cần ngày ban hành dạng NNNN-TT-NN, ví dụ: ${m[1]}`],
  [/^--so and --ngay are for edxml only$/, () => "--so và --ngay chỉ dùng với lệnh edxml"],
  [/^--so and --ngay give one document's number and date: name one document$/, () => "--so và --ngay là số và ngày của một văn bản: chỉ ghi một văn bản"],
  [/^tinh needs build, validate or import-ket-qua, e\.g\. tinh build$/, () => "tinh cần build, validate hoặc import-ket-qua, ví dụ: tinh build"],
  [/^tinh import-ket-qua needs the results files, e\.g\. (.*)$/, (m) => `tinh import-ket-qua cần các tệp kết quả khối gửi, ví dụ: ${m[1]}`],
  [/^--khoi needs a bloc's id \(its folder under khoi\/\), e\.g\. (.*)$/, (m) => `--khoi cần mã một khối (tên thư mục trong khoi/), ví dụ: ${m[1]}`],
  [/^--khoi is for tinh only$/, () => "--khoi chỉ dùng với lệnh tinh"],
  [/^(.*) needs a folder, not an empty value$/, (m) => `${m[1]} cần một thư mục, không để trống`],
];

/** The error as the user reads it: Vietnamese for `vi` (an unknown wording is kept as it is), English for `en`. */
export function usageError(en: string, lang: "vi" | "en"): string {
  if (lang === "en") return en;
  for (const [re, vi] of VI) {
    const m = re.exec(en);
    if (m) return vi(m);
  }
  return en;
}
