import type { Lang } from "../diagnostics/diagnostic.ts";

export interface CliOptions {
  command: "build" | "validate" | "schema" | "help";
  lang: Lang;
  verbose: boolean;
  dataDir: string;
  outDir: string;
  root: string;
  fontSource: "auto" | "package";
  errors: string[];
}

export const HELP_VI = `khoi-thi-dua: lập văn bản thi đua của Khối (DOCX, PDF) từ dữ liệu YAML/Markdown

Cách dùng:
  npm run build-docs [-- tùy chọn]    lập mọi văn bản từ data/ vào out/
  npm run validate [-- tùy chọn]      kiểm tra dữ liệu, không ghi tệp nào
  npm run schema                      ghi JSON Schema của dữ liệu vào schema/

Tùy chọn:
  --data <thư mục>    thư mục dữ liệu (mặc định: data)
  --out <thư mục>     thư mục kết quả (mặc định: out)
  --root <thư mục>    thư mục dự án (mặc định: thư mục hiện tại)
  --pdf-fonts auto|package
                      phông cho PDF: auto (phông khai báo, phông hệ thống, rồi
                      phông Tinos của gói) hoặc package (chỉ Tinos của gói:
                      mọi máy cho cùng một tệp PDF)
  --lang vi|en        ngôn ngữ thông báo (mặc định: vi)
  --verbose           in chi tiết lỗi của chương trình
  -h, --help          trợ giúp này

Mã thoát: 0 thành công (có thể có cảnh báo), 1 dữ liệu có lỗi, 2 sai cách dùng.`;

export const HELP_EN = `khoi-thi-dua: builds an emulation bloc's documents (DOCX, PDF) from YAML/Markdown data

Usage:
  npm run build-docs [-- options]     build every document from data/ into out/
  npm run validate [-- options]       check the data, write nothing
  npm run schema                      write the JSON Schema of the data files to schema/

Options:
  --data <dir>     data folder (default: data)
  --out <dir>      output folder (default: out)
  --root <dir>     project folder (default: current folder)
  --pdf-fonts auto|package
                   PDF font: auto (settings, system, then the package's Tinos)
                   or package (the package's Tinos only: same PDF bytes everywhere)
  --lang vi|en     language of messages (default: vi)
  --verbose        print internal error details
  -h, --help       this help

Exit status: 0 success (warnings allowed), 1 data errors, 2 usage error.`;

export function parseArgs(argv: readonly string[]): CliOptions {
  const o: CliOptions = { command: "help", lang: "vi", verbose: false, dataDir: "data", outDir: "out", root: ".", fontSource: "auto", errors: [] };
  const rest = [...argv];
  const cmd = rest.shift();
  if (cmd === "build" || cmd === "validate" || cmd === "schema") o.command = cmd;
  else if (cmd !== undefined && cmd !== "help" && cmd !== "-h" && cmd !== "--help") o.errors.push(`unknown command: ${cmd}`);
  while (rest.length) {
    const a = rest.shift()!;
    const value = () => {
      const v = rest.shift();
      if (v === undefined) o.errors.push(`${a} needs a value`);
      return v ?? "";
    };
    if (a === "--lang") {
      const v = value();
      if (v === "vi" || v === "en") o.lang = v;
      else o.errors.push(`--lang must be vi or en`);
    } else if (a === "--verbose") o.verbose = true;
    else if (a === "--data") o.dataDir = value();
    else if (a === "--out") o.outDir = value();
    else if (a === "--root") o.root = value();
    else if (a === "--pdf-fonts") {
      const v = value();
      if (v === "auto" || v === "package") o.fontSource = v;
      else o.errors.push("--pdf-fonts must be auto or package");
    }
    else if (a === "-h" || a === "--help") o.command = "help";
    else o.errors.push(`unknown option: ${a}`);
  }
  return o;
}
