import type { Lang } from "../diagnostics/diagnostic.ts";
import { escapeControls } from "../diagnostics/format.ts";
import type { HelpCommand } from "./help.ts";

export interface CliOptions {
  command: "build" | "validate" | "schema" | "new-year" | "forms" | "import" | "so-van-ban" | "edxml" | "ho-so" | "tinh" | "help";
  /** tinh: what to do for every bloc of the province's workspace. */
  provinceCommand?: "build" | "validate" | "import-ket-qua";
  /** tinh: only this bloc (--khoi). */
  bloc?: string;
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
  /** so-van-ban: the type code whose next free number to print (--tiep-theo). */
  nextFor?: string;
  /** edxml: the number and date the records office gave at issuance, when the data leaves them blank (--so, --ngay; one document). */
  issuedNumber?: number;
  issuedDate?: string;
  errors: string[];
  /** `<command> --help`: the command whose help to print (command is then "help"). */
  helpFor?: HelpCommand;
}

/** The help texts (src/cli/help.ts): the whole, or one command's. */
export { helpText } from "./help.ts";

/** Options that take a value, as "--name value" or "--name=value". */
const VALUED = new Set(["--lang", "--data", "--out", "--root", "--only", "--year", "--pdf-fonts", "--unit", "--stage", "--xac-nhan-don-vi", "--tiep-theo", "--so", "--ngay", "--khoi"]);
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
    if (first === "build" || first === "validate" || first === "schema" || first === "new-year" || first === "forms" || first === "import" || first === "so-van-ban" || first === "edxml" || first === "ho-so" || first === "tinh") o.command = first;
    else if (first !== "help") o.errors.push(`unknown command: ${escapeControls(first)}`);
  }
  let position = argv.length - rest.length;
  let help = false;
  while (rest.length) {
    const arg = rest.shift()!;
    position++;
    // A second "--" (npm passes the first on): `npm run forms -- --unit x -- --lang en` means what it would without it.
    if (arg === "--") continue;
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
    if (!arg.startsWith("-") && o.command === "tinh" && o.provinceCommand === undefined) {
      if (arg === "build" || arg === "validate" || arg === "import-ket-qua") o.provinceCommand = arg;
      else o.errors.push("tinh needs build, validate or import-ket-qua, e.g. tinh build");
      continue;
    }
    if (!arg.startsWith("-") && (o.command === "import" || o.command === "edxml" || o.provinceCommand === "import-ket-qua")) {
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
    else if (a === "--tiep-theo") {
      const v = value();
      if (/^[A-Za-zĐđ0-9]{1,12}$/u.test(v)) o.nextFor = v;
      else o.errors.push("--tiep-theo needs a type code, e.g. BC");
    }
    else if (a === "--khoi") {
      const v = value();
      if (/^[a-z0-9][a-z0-9-]{0,63}$/.test(v)) o.bloc = v;
      else o.errors.push("--khoi needs a bloc's id (its folder under khoi/), e.g. k8");
    }
    else if (a === "--so") {
      const v = value();
      if (/^\d{1,4}$/.test(v) && Number(v) >= 1) o.issuedNumber = Number(v);
      else o.errors.push("--so needs the document's number, e.g. 4");
    }
    else if (a === "--ngay") {
      const v = value();
      if (realDate(v)) o.issuedDate = v;
      else o.errors.push("--ngay needs the date of issuance as YYYY-MM-DD, e.g. 2021-02-09");
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
    } else if (a === "-h" || a === "--help") help = true;
    o.errors.length = Math.min(o.errors.length, errorsBefore + 1);
  }
  if (help) {
    // `<command> --help`: that command's help, whatever else the line says.
    if (o.command !== "help") o.helpFor = o.command;
    o.command = "help";
    o.errors = [];
    return o;
  }
  if (o.command === "new-year" && o.newYear === undefined) o.errors.push("new-year needs a year, e.g. new-year 2021");
  if (o.command === "tinh" && o.provinceCommand === undefined && !o.errors.length) o.errors.push("tinh needs build, validate or import-ket-qua, e.g. tinh build");
  if (o.provinceCommand === "import-ket-qua" && o.files.length === 0) o.errors.push("tinh import-ket-qua needs the results files, e.g. tinh import-ket-qua ket-qua-2020.json");
  if (o.bloc !== undefined && o.command !== "tinh") o.errors.push("--khoi is for tinh only");
  if (o.command === "edxml" && o.files.length === 0) o.errors.push("edxml needs the documents to pack, e.g. npm run edxml -- to-trinh");
  if ((o.issuedNumber !== undefined || o.issuedDate !== undefined) && o.command !== "edxml") o.errors.push("--so and --ngay are for edxml only");
  else if ((o.issuedNumber !== undefined || o.issuedDate !== undefined) && o.files.length > 1) o.errors.push("--so and --ngay give one document's number and date: name one document");
  if (o.command === "import" && o.files.length === 0) o.errors.push("import needs the forms to read, e.g. npm run import -- so-y-te-tong-ket.xlsx");
  return o;
}

/** A real calendar date written YYYY-MM-DD (not 2021-02-30). */
function realDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) && Number(m[1]) >= 2000 && Number(m[1]) <= 2100;
}

/** A folder option: not empty (an unset variable would make it the file system's root), without trailing slashes. */
function folder(option: string, value: string, errors: string[]): string {
  const v = value.replace(/(.)\/+$/, "$1");
  if (v.trim() === "") errors.push(`${option} needs a folder, not an empty value`);
  return v;
}
