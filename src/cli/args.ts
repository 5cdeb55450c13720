import type { Lang } from "../diagnostics/diagnostic.ts";
import { escapeControls } from "../diagnostics/format.ts";

export interface CliOptions {
  command: "build" | "validate" | "schema" | "new-year" | "forms" | "import" | "help";
  lang: Lang;
  verbose: boolean;
  dataDir: string;
  outDir: string;
  root: string;
  fontSource: "auto" | "package";
  check: boolean;
  replaceSigned: boolean;
  replaceEdited: boolean;
  watch: boolean;
  only?: string;
  year?: number;
  /** new-year: the year to make. */
  newYear?: number;
  /** forms: one unit, one stage. */
  unit?: string;
  stage?: "dang-ky" | "so-ket" | "tong-ket";
  /** import: the returned forms. */
  files: string[];
  /** import: take the bloc's own columns (Điểm Khối thẩm định, the bloc's notes) from the forms (--khoi-cham). */
  blocColumns: boolean;
  /** import: units confirmed as the forms' own although their file names do not say so (--xac-nhan-don-vi, repeatable). */
  confirmUnits: string[];
  errors: string[];
}

export const HELP_VI = `khoi-thi-dua: lập văn bản thi đua của Khối (DOCX, PDF) từ dữ liệu YAML/Markdown

Cách dùng:
  npm run build-docs [-- tùy chọn]    lập mọi văn bản từ data/ vào out/
  npm run validate [-- tùy chọn]      kiểm tra dữ liệu, không ghi tệp nào
  npm run schema                      ghi JSON Schema của dữ liệu vào data/.schema/
  npm run new-year -- <năm>           tạo data/<năm>/ từ năm trước (không ghi đè)
  npm run forms [-- tùy chọn]         lập biểu mẫu Excel cho đơn vị vào out/<năm>/bieu-mau/
  npm run import -- <tệp.xlsx>...     nhập biểu mẫu đơn vị gửi lại vào data/ (--check: chỉ báo)

Tùy chọn:
  --check             (build, import) không ghi gì; báo văn bản nào trong out/ đã cũ hoặc
                      thiếu và vì sao; mã thoát 1 nếu có (dùng cho CI)
  --watch             (build) lập lại khi dữ liệu, mẫu hoặc phông thay đổi
  --only <mã>         chỉ lập một văn bản (ke-hoach, to-trinh...) hoặc bản đăng ký
                      của một đơn vị (mã đơn vị, ví dụ so-y-te)
  --replace-signed    (build) cho phép ghi đè PDF trong out/ đã được ký số (mặc định:
                      văn bản đó bị từ chối); nên dùng cùng --only
  --replace-edited    (build) cho phép ghi đè tệp trong out/ đã được sửa tay sau lần lập
                      trước (mặc định: giữ nguyên tệp đó, có cảnh báo); nên dùng cùng --only
  --year <năm>        chỉ lập văn bản (biểu mẫu, nhập) của một năm
  --unit <mã>         (forms) chỉ biểu mẫu của một đơn vị
  --stage dang-ky|so-ket|tong-ket
                      (forms) chỉ biểu mẫu của một giai đoạn
  --khoi-cham         (import) các tệp là bản Khối đã chấm: nhập cả phần của Khối
                      (cột Điểm Khối thẩm định, ghi chú của Khối); mặc định phần
                      đó không bao giờ lấy từ biểu mẫu đơn vị gửi
  --xac-nhan-don-vi <mã>
                      (import) xác nhận biểu mẫu ghi mã đơn vị này đúng là của đơn
                      vị đó dù tên tệp không nêu hoặc nêu đơn vị khác (dùng lại
                      cho nhiều đơn vị); mặc định biểu mẫu như vậy không được nhập
  --data <thư mục>    thư mục dữ liệu (mặc định: data)
  --out <thư mục>     thư mục kết quả (mặc định: out)
  --root <thư mục>    thư mục dự án (mặc định: thư mục hiện tại)
  --pdf-fonts package|auto
                      phông cho PDF: package (mặc định: Tinos của gói npm, cùng
                      số đo với Times New Roman; mọi máy cho cùng một tệp PDF)
                      hoặc auto (phông khai báo, phông hệ thống, rồi Tinos)
  --lang vi|en        ngôn ngữ thông báo (mặc định: vi)
  --verbose           in chi tiết lỗi của chương trình
  -h, --help          trợ giúp này

Mã thoát: 0 thành công (có thể có cảnh báo), 1 dữ liệu có lỗi, 2 sai cách dùng.`;

export const HELP_EN = `khoi-thi-dua: builds an emulation bloc's documents (DOCX, PDF) from YAML/Markdown data

Usage:
  npm run build-docs [-- options]     build every document from data/ into out/
  npm run validate [-- options]       check the data, write nothing
  npm run schema                      write the JSON Schema of the data files to data/.schema/
  npm run new-year -- <year>          make data/<year>/ from the year before (never overwrites)
  npm run forms [-- options]          make the units' Excel forms in out/<year>/bieu-mau/
  npm run import -- <file.xlsx>...    import returned forms into data/ (--check: report only)

Options:
  --check          (build, import) write nothing; report which documents in out/ are
                   missing or out of date and why; exit 1 if any (for CI)
  --watch          (build) rebuild when data, templates or fonts change
  --only <id>      only one document (ke-hoach, to-trinh...) or one unit's
                   registration (its unit id, e.g. so-y-te)
  --replace-signed (build) allow replacing PDFs in out/ that carry a digital
                   signature (by default such a document is refused); use with --only
  --replace-edited (build) allow replacing files in out/ edited by hand since the
                   last build (by default such a file is kept, with a warning); use with --only
  --year <year>    only the documents (forms, imports) of one year
  --unit <id>      (forms) only one unit's forms
  --stage dang-ky|so-ket|tong-ket
                   (forms) only one stage's forms
  --khoi-cham      (import) the files are the bloc's own reviewed copies: take the
                   bloc's part too (the review score column, the bloc's notes); by
                   default that part is never taken from a unit's form
  --xac-nhan-don-vi <id>
                   (import) confirm that forms naming this unit really are its own
                   although their file names name no unit or another one (repeat
                   for more units); by default such a form is not imported
  --data <dir>     data folder (default: data)
  --out <dir>      output folder (default: out)
  --root <dir>     project folder (default: current folder)
  --pdf-fonts package|auto
                   PDF font: package (default: the npm package's Tinos, Times
                   New Roman metrics; the same PDF bytes on every machine) or
                   auto (settings, system fonts, then the package's Tinos)
  --lang vi|en     language of messages (default: vi)
  --verbose        print internal error details
  -h, --help       this help

Exit status: 0 success (warnings allowed), 1 data errors, 2 usage error.`;

/** Options that take a value, as "--name value" or "--name=value". */
const VALUED = new Set(["--lang", "--data", "--out", "--root", "--only", "--year", "--pdf-fonts", "--unit", "--stage", "--xac-nhan-don-vi"]);
const FLAGS = new Set(["--verbose", "--check", "--replace-signed", "--replace-edited", "--watch", "--khoi-cham", "-h", "--help"]);

/**
 * Parses the command line. Errors never repeat a value given on it: an unknown
 * option is named without what follows "=" (`--pw=secret` gives "--pw"), the
 * word after an unknown option is taken as its value and not shown, and other
 * stray words are counted, not quoted. Names are shown with control
 * characters escaped.
 */
export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { command: "help", lang: "vi", verbose: false, dataDir: "data", outDir: "out", root: ".", fontSource: "package", check: false, replaceSigned: false, replaceEdited: false, watch: false, files: [], blocColumns: false, confirmUnits: [], errors: [] };
  const rest = [...argv];
  const first = rest[0];
  if (first !== undefined && !first.startsWith("-")) {
    rest.shift();
    if (first === "build" || first === "validate" || first === "schema" || first === "new-year" || first === "forms" || first === "import") o.command = first;
    else if (first !== "help") o.errors.push(`unknown command: ${escapeControls(first)}`);
  }
  let position = argv.length - rest.length;
  while (rest.length) {
    const arg = rest.shift()!;
    position++;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    const a = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    if (!arg.startsWith("-") && o.command === "new-year" && o.newYear === undefined) {
      const v = Number(arg);
      if (/^\d{4}$/.test(arg) && v >= 2000 && v <= 2100) o.newYear = v;
      else {
        o.errors.push("new-year needs a year from 2000 to 2100, e.g. new-year 2021");
        o.newYear = 0; // reported once
      }
      continue;
    }
    if (!arg.startsWith("-") && o.command === "import") {
      o.files.push(arg);
      continue;
    }
    if (!arg.startsWith("-")) {
      o.errors.push(`unexpected argument #${position}`);
      continue;
    }
    if (!VALUED.has(a) && !FLAGS.has(a)) {
      o.errors.push(`unknown option: ${escapeControls(a)}`);
      // What follows may be its value (a password, a path): skipped, never printed.
      if (inline === undefined && rest[0] !== undefined && !rest[0].startsWith("-")) (rest.shift(), position++);
      continue;
    }
    if (FLAGS.has(a) && inline !== undefined) {
      o.errors.push(`${a} takes no value`);
      continue;
    }
    // One error per option: a missing value is said once, not again as a wrong one.
    const errorsBefore = o.errors.length;
    const value = () => {
      if (inline !== undefined) return inline;
      const v = rest.shift();
      if (v === undefined) o.errors.push(`${a} needs a value`);
      else position++;
      return v ?? "";
    };
    if (a === "--lang") {
      const v = value();
      if (v === "vi" || v === "en") o.lang = v;
      else o.errors.push(`--lang must be vi or en`);
    } else if (a === "--verbose") o.verbose = true;
    else if (a === "--data") o.dataDir = folder(a, value(), o.errors);
    else if (a === "--out") o.outDir = folder(a, value(), o.errors);
    else if (a === "--root") o.root = folder(a, value(), o.errors);
    else if (a === "--check") o.check = true;
    else if (a === "--replace-signed") o.replaceSigned = true;
    else if (a === "--replace-edited") o.replaceEdited = true;
    else if (a === "--watch") o.watch = true;
    else if (a === "--khoi-cham") o.blocColumns = true;
    else if (a === "--xac-nhan-don-vi") {
      const v = value();
      if (/^[a-z0-9][a-z0-9-]*$/.test(v)) o.confirmUnits.push(v);
      else o.errors.push("--xac-nhan-don-vi needs a unit id, e.g. so-y-te");
    }
    else if (a === "--only") {
      // An empty --only (an unset variable) would mean every document: with --replace-signed, every signed PDF (--replace-edited: every edited file).
      const v = value();
      if (v.trim() === "") o.errors.push("--only needs a document or a unit id, not an empty value");
      else o.only = v;
    }
    else if (a === "--year") {
      const v = Number(value());
      if (Number.isInteger(v) && v >= 2000 && v <= 2100) o.year = v;
      else o.errors.push("--year needs a year, e.g. 2020");
    } else if (a === "--pdf-fonts") {
      const v = value();
      if (v === "auto" || v === "package") o.fontSource = v;
      else o.errors.push("--pdf-fonts must be auto or package");
    } else if (a === "--unit") {
      const v = value();
      if (/^[a-z0-9][a-z0-9-]*$/.test(v)) o.unit = v;
      else o.errors.push("--unit needs a unit id, e.g. so-y-te");
    } else if (a === "--stage") {
      const v = value();
      if (v === "dang-ky" || v === "so-ket" || v === "tong-ket") o.stage = v;
      else o.errors.push("--stage must be dang-ky, so-ket or tong-ket");
    } else if (a === "-h" || a === "--help") o.command = "help";
    o.errors.length = Math.min(o.errors.length, errorsBefore + 1);
  }
  if (o.command === "new-year" && o.newYear === undefined) o.errors.push("new-year needs a year, e.g. new-year 2021");
  if (o.command === "import" && o.files.length === 0) o.errors.push("import needs the forms to read, e.g. npm run import -- so-y-te-tong-ket.xlsx");
  return o;
}

/** A folder option: not empty (an unset variable would make it the file system's root), without trailing slashes. */
function folder(option: string, value: string, errors: string[]): string {
  const v = value.replace(/(.)\/+$/, "$1");
  if (v.trim() === "") errors.push(`${option} needs a folder, not an empty value`);
  return v;
}
