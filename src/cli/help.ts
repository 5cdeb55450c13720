/**
 * The help texts, made from one table of commands and one of options, so that
 * `--help` lists every command (sign and textconv included) and
 * `<command> --help` lists that command's options only, in Vietnamese or English.
 */
import type { Lang } from "../diagnostics/diagnostic.ts";

export type HelpCommand = "build" | "validate" | "schema" | "new-year" | "forms" | "import" | "so-van-ban" | "edxml" | "ho-so" | "tinh";

interface CommandHelp {
  name: HelpCommand | "sign" | "textconv";
  usage: { vi: string; en: string };
  what: { vi: string; en: string };
}

const COMMANDS: readonly CommandHelp[] = [
  { name: "build", usage: { vi: "npm run build-docs [-- tùy chọn]", en: "npm run build-docs [-- options]" }, what: { vi: "lập mọi văn bản từ data/ vào out/", en: "build every document from data/ into out/" } },
  { name: "validate", usage: { vi: "npm run validate [-- tùy chọn]", en: "npm run validate [-- options]" }, what: { vi: "kiểm tra dữ liệu, không ghi tệp nào", en: "check the data, write nothing" } },
  { name: "schema", usage: { vi: "npm run schema", en: "npm run schema" }, what: { vi: "ghi JSON Schema của dữ liệu vào data/.schema/", en: "write the JSON Schema of the data files to data/.schema/" } },
  { name: "new-year", usage: { vi: "npm run new-year -- <năm>", en: "npm run new-year -- <year>" }, what: { vi: "tạo data/<năm>/ từ năm trước (không ghi đè)", en: "make data/<year>/ from the year before (never overwrites)" } },
  { name: "forms", usage: { vi: "npm run forms [-- tùy chọn]", en: "npm run forms [-- options]" }, what: { vi: "lập biểu mẫu Excel cho đơn vị vào out/<năm>/bieu-mau/", en: "make the units' Excel forms in out/<year>/bieu-mau/" } },
  { name: "import", usage: { vi: "npm run import -- <tệp.xlsx>...", en: "npm run import -- <file.xlsx>..." }, what: { vi: "nhập biểu mẫu đơn vị gửi lại vào data/ (--check: chỉ báo)", en: "import returned forms into data/ (--check: report only)" } },
  { name: "so-van-ban", usage: { vi: "npm run so-van-ban [-- tùy chọn]", en: "npm run so-van-ban [-- options]" }, what: { vi: "in sổ đăng ký văn bản đi của Khối; --tiep-theo <mã>: số tiếp theo", en: "print the bloc's register of outgoing documents; --tiep-theo <code>: the next number" } },
  { name: "edxml", usage: { vi: "npm run edxml -- <văn bản>...", en: "npm run edxml -- <document>..." }, what: { vi: "đóng gói văn bản đã ban hành để gửi qua Trục liên thông (out/<năm>/edxml/)", en: "pack issued documents for the national exchange (out/<year>/edxml/)" } },
  { name: "ho-so", usage: { vi: "npm run ho-so [-- tùy chọn]", en: "npm run ho-so [-- options]" }, what: { vi: "lập hồ sơ đề nghị khen thưởng có danh mục (out/<năm>/ho-so-de-nghi-<năm>.pdf)", en: "make the award dossier with its checklist (out/<year>/ho-so-de-nghi-<year>.pdf)" } },
  { name: "tinh", usage: { vi: "npm run tinh -- build|validate|import-ket-qua", en: "npm run tinh -- build|validate|import-ket-qua" }, what: { vi: "(Ban Thi đua – Khen thưởng) lập, kiểm tra mọi khối của tỉnh (khoi/<mã khối>/), tổng hợp kết quả vào out/tinh-<năm>/; import-ket-qua <tệp>: nhận tệp kết quả khối gửi", en: "(the province's office) build, check every bloc (khoi/<bloc id>/), merge the results into out/tinh-<year>/; import-ket-qua <file>: take a bloc's results file" } },
  { name: "sign", usage: { vi: "npm run sign -- <tệp.pdf>... --p12 <tệp>", en: "npm run sign -- <file.pdf>... --p12 <file>" }, what: { vi: "ký số PDF vào ô chữ ký trống (npm run sign -- --help)", en: "digitally sign PDFs in their empty fields (npm run sign -- --help)" } },
  { name: "textconv", usage: { vi: "khoi-thi-dua textconv <tệp>", en: "khoi-thi-dua textconv <file>" }, what: { vi: "chữ của một tệp DOCX hoặc PDF, cho git diff", en: "the text of a DOCX or PDF file, for git diff" } },
];

/** Every command's name, in the help's order (the usage error of an unknown command lists them). */
export const COMMAND_NAMES: readonly string[] = COMMANDS.map((c) => c.name);

interface OptionHelp {
  flag: string;
  /** The commands it applies to; "all": every one. */
  for: readonly HelpCommand[] | "all";
  vi: string[];
  en: string[];
}

const OPTIONS: readonly OptionHelp[] = [
  { flag: "--check", for: ["build", "import"], vi: ["không ghi gì; báo văn bản nào trong out/ đã cũ hoặc thiếu và vì sao;", "mã thoát 1 nếu có (dùng cho CI)"], en: ["write nothing; report which documents in out/ are missing or out", "of date and why; exit 1 if any (for CI)"] },
  { flag: "--watch", for: ["build"], vi: ["lập lại khi dữ liệu, mẫu hoặc phông thay đổi"], en: ["rebuild when data, templates or fonts change"] },
  { flag: "--only <mã>", for: ["build"], vi: ["chỉ lập một văn bản (ke-hoach, to-trinh...) hoặc bản đăng ký", "của một đơn vị (mã đơn vị, ví dụ so-y-te)"], en: ["only one document (ke-hoach, to-trinh...) or one unit's", "registration (its unit id, e.g. so-y-te)"] },
  { flag: "--replace-signed", for: ["build"], vi: ["cho phép ghi đè PDF trong out/ đã được ký số (mặc định: văn bản", "đó bị từ chối); nên dùng cùng --only"], en: ["allow replacing PDFs in out/ that carry a digital signature", "(by default such a document is refused); use with --only"] },
  { flag: "--replace-edited", for: ["build"], vi: ["cho phép ghi đè tệp trong out/ đã được sửa tay sau lần lập trước", "(mặc định: giữ nguyên tệp đó, có cảnh báo); nên dùng cùng --only"], en: ["allow replacing files in out/ edited by hand since the last build", "(by default such a file is kept, with a warning); use with --only"] },
  { flag: "--year <năm>", for: ["build", "validate"], vi: ["chỉ văn bản và thông báo của một năm (ví dụ --year 2021)"], en: ["only one year's documents and messages (e.g. --year 2021)"] },
  { flag: "--year <năm>", for: ["forms"], vi: ["chỉ biểu mẫu của một năm (mặc định: mọi năm trong data/)"], en: ["only one year's forms (default: every year in data/)"] },
  { flag: "--year <năm>", for: ["import"], vi: ["chỉ nhận biểu mẫu của năm này; biểu mẫu của năm khác bị từ chối"], en: ["only accept forms of this year; a form of another year is refused"] },
  { flag: "--year <năm>", for: ["so-van-ban"], vi: ["năm dương lịch của sổ (mặc định: mọi năm; với --tiep-theo: năm hiện tại)"], en: ["the register's calendar year (default: every year; with --tiep-theo: this year)"] },
  { flag: "--tiep-theo <mã>", for: ["so-van-ban"], vi: ["in số tiếp theo còn trống cho mã loại văn bản này (ví dụ BC)"], en: ["print the next free number for this type code (e.g. BC)"] },
  { flag: "--year <năm>", for: ["edxml"], vi: ["chỉ văn bản của một năm (khi tên văn bản có ở nhiều năm)"], en: ["only that year's document (when the name is in several years)"] },
  { flag: "--so <số>", for: ["edxml"], vi: ["số văn thư đã cấp khi ban hành, khi dữ liệu để trống so (một văn bản)"], en: ["the number the records office gave, when the data leaves so blank (one document)"] },
  { flag: "--ngay <NNNN-TT-NN>", for: ["edxml"], vi: ["ngày ban hành văn thư đã ghi, khi dữ liệu để trống ngay (một văn bản)"], en: ["the date of issuance, when the data leaves ngay blank (one document)"] },
  { flag: "--year <năm>", for: ["ho-so"], vi: ["năm thi đua của hồ sơ (mặc định: năm mới nhất trong data/)"], en: ["the dossier's year (default: the latest in data/)"] },
  { flag: "--khoi <mã>", for: ["tinh"], vi: ["chỉ một khối (tên thư mục trong khoi/)"], en: ["only one bloc (its folder under khoi/)"] },
  { flag: "--unit <mã>", for: ["forms"], vi: ["chỉ biểu mẫu của một đơn vị"], en: ["only one unit's forms"] },
  { flag: "--stage dang-ky|so-ket|tong-ket", for: ["forms"], vi: ["chỉ biểu mẫu của một giai đoạn"], en: ["only one stage's forms"] },
  { flag: "--khoi-cham", for: ["import"], vi: ["các tệp là bản Khối đã chấm: nhập cả phần của Khối (cột Điểm Khối", "thẩm định, ghi chú của Khối); mặc định phần đó không bao giờ lấy", "từ biểu mẫu đơn vị gửi"], en: ["the files are the bloc's own reviewed copies: take the bloc's part", "too (the review score column, the bloc's notes); by default that", "part is never taken from a unit's form"] },
  { flag: "--xac-nhan-don-vi <mã>", for: ["import"], vi: ["xác nhận biểu mẫu ghi mã đơn vị này đúng là của đơn vị đó dù tên", "tệp không nêu hoặc nêu đơn vị khác (dùng lại cho nhiều đơn vị);", "mặc định biểu mẫu như vậy không được nhập"], en: ["confirm that forms naming this unit really are its own although", "their file names name no unit or another one (repeat for more", "units); by default such a form is not imported"] },
  { flag: "--data <thư mục>", for: "all", vi: ["thư mục dữ liệu (mặc định: data)"], en: ["data folder (default: data)"] },
  { flag: "--out <thư mục>", for: ["build", "forms", "import", "edxml", "ho-so"], vi: ["thư mục kết quả (mặc định: out)"], en: ["output folder (default: out)"] },
  { flag: "--root <thư mục>", for: "all", vi: ["thư mục dự án (mặc định: thư mục hiện tại)"], en: ["project folder (default: current folder)"] },
  { flag: "--pdf-fonts package|auto", for: ["build"], vi: ["phông cho PDF: package (mặc định: Tinos của gói npm, cùng số đo với", "Times New Roman; mọi máy cho cùng một tệp PDF) hoặc auto (phông", "khai báo, phông hệ thống, rồi Tinos)"], en: ["PDF font: package (default: the npm package's Tinos, Times New Roman", "metrics; the same PDF bytes on every machine) or auto (settings,", "system fonts, then the package's Tinos)"] },
  { flag: "--lang vi|en", for: "all", vi: ["ngôn ngữ thông báo (mặc định: vi)"], en: ["language of messages (default: vi)"] },
  { flag: "--verbose", for: "all", vi: ["in chi tiết lỗi của chương trình"], en: ["print internal error details"] },
  { flag: "-h, --help", for: "all", vi: ["trợ giúp này"], en: ["this help"] },
];

const COLUMN = 26;

/** An option's lines; in the whole help, those of some commands only say which first. */
function optionLines(o: OptionHelp, lang: Lang, whole = false): string[] {
  const flag = lang === "en" ? o.flag.replace("<mã>", "<id>").replace("<năm>", "<year>").replace("<thư mục>", "<dir>") : o.flag;
  const given = lang === "en" ? o.en : o.vi;
  const text = whole && o.for !== "all" ? [`(${o.for.join(", ")}) ${given[0]}`, ...given.slice(1)] : given;
  const head = `  ${flag}`;
  if (head.length < COLUMN) return [head.padEnd(COLUMN) + text[0], ...text.slice(1).map((t) => " ".repeat(COLUMN) + t)];
  return [head, ...text.map((t) => " ".repeat(COLUMN) + t)];
}

const EXIT = { vi: "Mã thoát: 0 thành công (có thể có cảnh báo), 1 dữ liệu có lỗi, 2 sai cách dùng.", en: "Exit status: 0 success (warnings allowed), 1 data errors, 2 usage error." };

/** The whole help (`--help`), or one command's (`<command> --help`). */
export function helpText(lang: Lang, command?: HelpCommand): string {
  const vi = lang === "vi";
  if (command) {
    const c = COMMANDS.find((x) => x.name === command)!;
    const opts = OPTIONS.filter((o) => o.for === "all" || o.for.includes(command));
    return [
      `khoi-thi-dua ${command}: ${c.what[lang]}`,
      "",
      vi ? "Cách dùng:" : "Usage:",
      `  ${c.usage[lang]}`,
      "",
      vi ? "Tùy chọn:" : "Options:",
      ...opts.flatMap((o) => optionLines(o, lang)),
      "",
      EXIT[lang],
    ].join("\n");
  }
  return [
    vi ? "khoi-thi-dua: lập văn bản thi đua của Khối (DOCX, PDF) từ dữ liệu YAML/Markdown" : "khoi-thi-dua: builds an emulation bloc's documents (DOCX, PDF) from YAML/Markdown data",
    "",
    vi ? "Cách dùng:" : "Usage:",
    ...COMMANDS.map((c) => `  ${c.usage[lang].padEnd(42)} ${c.what[lang]}`),
    "",
    vi ? "Tùy chọn của từng lệnh: thêm --help sau lệnh (ví dụ: npm run forms -- --help)." : "A command's own options: add --help after it (e.g. npm run forms -- --help).",
    "",
    vi ? "Tùy chọn:" : "Options:",
    ...OPTIONS.flatMap((o) => optionLines(o, lang, true)),
    "",
    EXIT[lang],
  ].join("\n");
}
