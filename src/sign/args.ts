/**
 * Arguments of `npm run sign -- <pdf...> --p12 <file> [options]`. A password
 * is never taken from the command line (it would stay in the shell history
 * and the process list): --password and the like are refused with a hint.
 * Errors never repeat an option's value: an unknown option is named without
 * what follows "=" (`--pw=secret` gives "--pw"), and whatever is echoed has
 * its control characters escaped.
 */
import { SEAL_FIELD_MM, SEAL_MAX_MM, SEAL_MIN_MM } from "../document/conventions.ts";
import { escapeControls } from "../diagnostics/format.ts";

export interface SignArgs {
  pdfs: string[];
  p12?: string;
  field?: string;
  image?: string;
  /** The seal's real size in mm (--seal-mm), when the image file does not state it. */
  sealMm?: number;
  out?: string;
  suffix: string;
  reason?: string;
  location?: string;
  /** Replace an existing output file (never an input of the call, the key or the image). */
  overwrite: boolean;
  lang: "vi" | "en";
  help: boolean;
  errors: string[];
}

export const DEFAULT_SUFFIX = ".signed";

export const SIGN_HELP_VI = `npm run sign -- <tệp.pdf...> --p12 <tệp.p12> [tùy chọn]

Ký số PDF vào ô chữ ký trống có sẵn (PDF do khoi-thi-dua lập, hoặc PDF khác có
ô chữ ký trống; không bao giờ thêm ô mới), bằng chứng thư số trong tệp PKCS#12
(.p12/.pfx). Mỗi lần ký là một bản cập nhật nối thêm vào cuối tệp: chữ ký trước
vẫn hợp lệ.

Tùy chọn:
  --p12 <tệp>         tệp PKCS#12 chứa khóa bí mật và chứng thư số (bắt buộc)
  --field <tên>       ô ký: ky.nguoi-ky, ky.thu-ky, ky.chu-toa, ky.co-quan,
                      ky.co-quan-phu-luc (mặc định: ô chưa ký đầu tiên)
  --image <tệp>       ảnh chữ ký (PNG nền trong suốt hoặc JPEG): chữ ký của
                      người ký (màu xanh) hoặc con dấu (màu đỏ) cho ky.co-quan
  --seal-mm <mm>      đường kính thật của con dấu (mm, từ ${SEAL_MIN_MM} đến ${SEAL_MAX_MM}); mặc định: theo
                      độ phân giải ghi trong tệp ảnh, không có thì ${SEAL_FIELD_MM} mm
  --out <tệp>         tệp kết quả (chỉ khi ký một tệp; trùng tệp vào = ký đè tại chỗ)
  --suffix <đuôi>     tệp kết quả <tên><đuôi>.pdf (mặc định: ${DEFAULT_SUFFIX})
  --overwrite         ghi đè tệp kết quả đã có (không bao giờ ghi đè tệp vào
                      khác của cùng lệnh, tệp .p12 hay ảnh chữ ký)
  --reason <lý do>    lý do ký, ghi vào chữ ký
  --location <nơi>    nơi ký, ghi vào chữ ký
  --lang vi|en        ngôn ngữ thông báo (mặc định: vi)
  -h, --help          trợ giúp này

Mật khẩu: biến môi trường SIGN_P12_PASSWORD, hoặc được hỏi khi chạy trong cửa
sổ lệnh; không bao giờ ghi trên dòng lệnh.
Không bao giờ ghi đè tệp đã có nếu không có --overwrite; mọi tệp kết quả được
kiểm tra trước khi ghi: một tệp bị từ chối thì không ghi tệp nào.
Mã thoát: 0 đã ký mọi tệp, 1 có tệp không ký được (tệp vào không bị đổi), 2 sai cách dùng.`;

export const SIGN_HELP_EN = `npm run sign -- <file.pdf...> --p12 <file.p12> [options]

Signs PDFs into their existing empty signature fields (PDFs made by
khoi-thi-dua, or other PDFs with an empty signature field; a field is never
added) with the certificate in a PKCS#12 file (.p12/.pfx). Each signature is
an update appended to the file: earlier signatures stay valid.

Options:
  --p12 <file>        PKCS#12 file with the private key and certificate (required)
  --field <name>      the field: ky.nguoi-ky, ky.thu-ky, ky.chu-toa, ky.co-quan,
                      ky.co-quan-phu-luc (default: the first unsigned one)
  --image <file>      signature image (PNG with transparent background, or JPEG):
                      the signer's signature (blue) or the seal (red) for ky.co-quan
  --seal-mm <mm>      the seal's real diameter (mm, ${SEAL_MIN_MM} to ${SEAL_MAX_MM}); default: from the
                      resolution the image file states, else ${SEAL_FIELD_MM} mm
  --out <file>        output file (one input only; the input's own name signs in place)
  --suffix <suffix>   output <name><suffix>.pdf (default: ${DEFAULT_SUFFIX})
  --overwrite         replace an existing output file (never another input of
                      the call, the .p12 file or the signature image)
  --reason <text>     reason, written into the signature
  --location <text>   place, written into the signature
  --lang vi|en        language of messages (default: vi)
  -h, --help          this help

Password: the SIGN_P12_PASSWORD environment variable, or asked on a terminal;
never on the command line.
An existing file is never replaced without --overwrite; every output is
checked before any is written: one refused and none is written.
Exit status: 0 every file signed, 1 some file not signed (inputs unchanged), 2 usage.`;

/** The options that take a value; of those, FILE_OPTIONS name a file. */
export const VALUE_OPTIONS = ["--p12", "--field", "--image", "--seal-mm", "--out", "--suffix", "--reason", "--location", "--lang"] as const;
export const FILE_OPTIONS = ["--p12", "--image", "--out"] as const;
const PASSWORD_OPTIONS = /^--?(p|pass|password|passwd|pin|p12-password|passphrase)(=.*)?$/i;

export function parseSignArgs(argv: readonly string[]): SignArgs {
  const a: SignArgs = { pdfs: [], suffix: DEFAULT_SUFFIX, overwrite: false, lang: "vi", help: false, errors: [] };
  const li = argv.indexOf("--lang");
  if ((li >= 0 && argv[li + 1] === "en") || argv.includes("--lang=en")) a.lang = "en";
  const vi = a.lang === "vi";
  let suffixGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "-h" || arg === "--help") {
      a.help = true;
      continue;
    }
    if (arg === "--overwrite") {
      a.overwrite = true;
      continue;
    }
    if (PASSWORD_OPTIONS.test(arg)) {
      const shown = escapeControls(arg.split("=")[0]!);
      a.errors.push(vi ? `${shown}: không nhận mật khẩu trên dòng lệnh; đặt SIGN_P12_PASSWORD hoặc nhập khi được hỏi` : `${shown}: a password is never taken from the command line; set SIGN_P12_PASSWORD or type it when asked`);
      if (!arg.includes("=") && argv[i + 1] !== undefined && !argv[i + 1]!.startsWith("--")) i++;
      continue;
    }
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    if ((VALUE_OPTIONS as readonly string[]).includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) {
        a.errors.push(vi ? `${name} cần một giá trị` : `${name} needs a value`);
        if (value?.startsWith("--")) i--;
        continue;
      }
      switch (name) {
        case "--p12":
          a.p12 = value;
          break;
        case "--field":
          a.field = value;
          break;
        case "--image":
          a.image = value;
          break;
        case "--out":
          a.out = value;
          break;
        case "--suffix":
          a.suffix = value;
          suffixGiven = true;
          break;
        case "--reason":
          a.reason = value;
          break;
        case "--location":
          a.location = value;
          break;
        case "--seal-mm": {
          const mm = /^\d+(\.\d+)?$/.test(value) ? Number(value) : NaN;
          if (mm >= SEAL_MIN_MM && mm <= SEAL_MAX_MM) a.sealMm = mm;
          else a.errors.push(vi ? `--seal-mm: một số mm từ ${SEAL_MIN_MM} đến ${SEAL_MAX_MM}, không phải "${escapeControls(value)}"` : `--seal-mm: a number of mm from ${SEAL_MIN_MM} to ${SEAL_MAX_MM}, not "${escapeControls(value)}"`);
          break;
        }
        case "--lang":
          if (value !== "vi" && value !== "en") a.errors.push(vi ? `--lang: vi hoặc en, không phải "${escapeControls(value)}"` : `--lang: vi or en, not "${escapeControls(value)}"`);
          break;
      }
      continue;
    }
    if (arg.startsWith("-") && arg !== "-") {
      // Named without what follows "=": `--pw=secret` shows "--pw", never the secret.
      const shown = escapeControls(arg.includes("=") ? arg.slice(0, arg.indexOf("=")) : arg);
      a.errors.push(vi ? `tùy chọn không rõ: ${shown}` : `unknown option: ${shown}`);
      continue;
    }
    a.pdfs.push(arg);
  }
  if (a.help) return a;
  if (a.pdfs.length === 0) a.errors.push(vi ? "chưa có tệp PDF nào để ký" : "no PDF to sign");
  if (!a.p12) a.errors.push(vi ? "thiếu --p12 <tệp>" : "--p12 <file> is missing");
  if (a.sealMm !== undefined && a.image === undefined) a.errors.push(vi ? "--seal-mm cần --image <ảnh con dấu>" : "--seal-mm needs --image <the seal's image>");
  if (a.out !== undefined && suffixGiven) a.errors.push(vi ? "--out và --suffix không dùng cùng nhau" : "--out and --suffix cannot be used together");
  if (a.out !== undefined && a.pdfs.length > 1) a.errors.push(vi ? "--out chỉ dùng khi ký một tệp; nhiều tệp thì dùng --suffix" : "--out takes one input only; use --suffix for several");
  if (suffixGiven && a.suffix === "") a.errors.push(vi ? "--suffix không được rỗng (muốn ký tại chỗ thì dùng --out <chính tệp đó>)" : "--suffix may not be empty (to sign in place use --out <the same file>)");
  return a;
}

/** "out/2020/ke-hoach.pdf" + ".signed" → "out/2020/ke-hoach.signed.pdf". */
export function outputPath(input: string, suffix: string): string {
  const m = /\.pdf$/i.exec(input);
  return m ? input.slice(0, m.index) + suffix + input.slice(m.index) : input + suffix + ".pdf";
}
