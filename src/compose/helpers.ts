import Handlebars from "handlebars";
import { formatDayMonth, formatDayMonthYear, formatDayMonthYearShort } from "../format/date.ts";
import { formatNumber, formatPercent, formatScore, toRoman } from "../format/number.ts";
import { upperVi } from "../format/text.ts";
import { Budget, TemplateFailure, type TemplateLoc } from "./budget.ts";
import { markValue, SITE, TABLE_END, TABLE_MARK, unmark } from "./marks.ts";
import { knownNames } from "./safe-context.ts";

/**
 * The one Handlebars environment: the Vietnamese format helpers, {{bang}},
 * and the built-in blocks wrapped so that every iteration and every block's
 * output is counted against the expansion's {@link Budget}.
 */
export const hb = Handlebars.create();

/** What the helpers of the expansion running now can see (rendering is synchronous: one at a time). */
export interface RunState {
  budget: Budget;
  /** The computed tables of the document being filled, by name. */
  tables: ReadonlySet<string>;
  /** Where each {{value}} was inserted, by the index its SITE mark holds. */
  sites: TemplateLoc[];
  siteIndex: Map<string, number>;
}

let active: RunState | undefined;

export function withRun<T>(state: RunState, f: () => T): T {
  const previous = active;
  active = state;
  try {
    return f();
  } finally {
    active = previous;
  }
}

function run(): RunState {
  if (!active) throw new Error("template helpers run only inside renderTemplate");
  return active;
}

const str = (v: unknown) => String(v ?? "");
/** The argument as the format functions want it: a value from the data without its marks. */
const plain = (v: unknown) => (typeof v === "string" ? unmark(v) : v);
const message = (e: unknown) => (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "";

const formatters: Record<string, (...args: unknown[]) => string> = {
  ngay_day_du: (d) => formatDayMonthYear(str(d)),
  ngay_ngan: (d) => formatDayMonthYearShort(str(d)),
  ngay_thang: (d) => formatDayMonth(str(d)),
  so_vn: (n) => formatNumber(Number(n)),
  diem_vn: (n) => formatScore(Number(n)),
  phan_tram: (a, b) => formatPercent(Number(a), Number(b)),
  hoa: (s) => upperVi(str(s)),
  la_ma: (n) => toRoman(Number(n)),
};

type Options = Handlebars.HelperOptions & { loc?: { start: TemplateLoc } };
type Helper = (this: unknown, ...args: unknown[]) => unknown;

/** How each helper is written, for the message when it is given the wrong number of values. */
const USAGE: Record<string, string> = {
  ngay_day_du: "{{ngay_day_du ngay}}",
  ngay_ngan: "{{ngay_ngan ngay}}",
  ngay_thang: "{{ngay_thang ngay}}",
  so_vn: "{{so_vn so}}",
  diem_vn: "{{diem_vn diem}}",
  phan_tram: "{{phan_tram so_phieu co_so}}",
  hoa: "{{hoa ten}}",
  la_ma: "{{la_ma so}}",
  bang: '{{bang "ten-bang"}}',
};

/** A helper given more or fewer values than it takes: an error at the call, not a silent "NaN" or a dropped value. */
function checkArity(name: string, got: number, expected: number, loc: TemplateLoc | undefined): void {
  if (got !== expected) throw new TemplateFailure("template/helper-args", { name, expected, got, usage: USAGE[name] ?? name }, loc);
}

for (const [name, f] of Object.entries(formatters)) {
  hb.registerHelper(name, function (...args: unknown[]) {
    const options = args.pop() as Options;
    const loc = options.loc?.start;
    run().budget.step(loc);
    checkArity(name, args.length, f.length, loc);
    try {
      return markValue(f(...args.map(plain)));
    } catch (e) {
      throw new TemplateFailure("template/error", { name, detail: message(e) }, loc);
    }
  });
}

/** {{bang "name"}}: the line that parseMarkup replaces by the table; only the document's own tables. */
hb.registerHelper("bang", (...args: unknown[]) => {
  const options = args.pop() as Options;
  const r = run();
  const loc = options.loc?.start;
  r.budget.step(loc);
  checkArity("bang", args.length, 1, loc);
  const n = str(plain(args[0]));
  if (!r.tables.has(n)) throw new TemplateFailure("template/unknown-table", { name: n, known: [...r.tables].join(", ") || "—" }, loc);
  return new hb.SafeString(`\n${TABLE_MARK}${n}${TABLE_END}\n`);
});

/** {{lookup obj "name"}} in strict mode: a name the object does not have is an error, as {{obj.name}} is. */
hb.registerHelper("lookup", (obj: unknown, field: unknown, options: Options) => {
  const loc = options.loc?.start;
  run().budget.step(loc);
  const name = str(plain(field));
  if (obj && typeof obj === "object" && Object.prototype.hasOwnProperty.call(obj, name)) return (obj as Record<string, unknown>)[name];
  throw new TemplateFailure("template/missing-value", { name, known: knownNames(name, obj), detail: `lookup "${name}"` }, loc);
});

/**
 * One name of a printed dotted path ({{a.b.c}} is run as (__step (__step a "b") "c"),
 * see handlebars.ts): strict at every name, where Handlebars checks only the
 * last one ("c" not defined in undefined). A name of a text value fails as it
 * does in Handlebars (a TypeError).
 */
hb.registerHelper("__step", (obj: unknown, field: unknown, path: unknown, options: Options) => {
  const loc = options.loc?.start;
  run().budget.step(loc);
  const name = str(field);
  if (obj && typeof obj === "object") {
    if (Object.prototype.hasOwnProperty.call(obj, name)) return (obj as Record<string, unknown>)[name];
    throw new TemplateFailure("template/missing-value", { name, known: knownNames(name, obj), detail: str(path) }, loc);
  }
  if (!obj) throw new TemplateFailure("template/missing-value", { name, known: "—", detail: str(path) }, loc);
  throw new TypeError(`cannot look up "${name}" in a ${typeof obj} value (${str(path)})`);
});

/** {{log}} would write data to the terminal. */
hb.registerHelper("log", (...args: unknown[]) => {
  throw new TemplateFailure("template/unknown-helper", { name: "log", detail: "log" }, (args.pop() as Options).loc?.start);
});

/** Marks where the next value is inserted (put before every {{…}} by handlebars.ts) and counts it as a step. */
hb.registerHelper("__at", (options: Options) => {
  const r = run();
  const loc = options.loc?.start ?? { line: 1, column: 0 };
  r.budget.at = loc;
  r.budget.step(loc);
  const key = `${loc.line}:${loc.column}`;
  let i = r.siteIndex.get(key);
  if (i === undefined) r.siteIndex.set(key, (i = r.sites.push(loc) - 1));
  return `${SITE}${i}${SITE}`;
});

/** A block's body, counted: one step per time it runs, and the characters it adds to the output. */
function counted(fn: Handlebars.TemplateDelegate | undefined, loc: TemplateLoc | undefined): Handlebars.TemplateDelegate | undefined {
  if (typeof fn !== "function") return fn;
  const body = function (this: unknown, context: unknown, opts?: Handlebars.RuntimeOptions) {
    const r = run();
    r.budget.step(loc);
    const before = r.budget.chars;
    const out = fn.call(this, context, opts);
    // The blocks inside have counted their own output already: each character is counted once.
    r.budget.output(Math.max(0, out.length - (r.budget.chars - before)), loc);
    return out;
  };
  return Object.assign(body, fn);
}

for (const name of ["each", "with", "if", "unless"] as const) {
  const builtin = hb.helpers[name] as Helper;
  hb.registerHelper(name, function (this: unknown, ...args: unknown[]) {
    const options = args[args.length - 1] as Options;
    // {{#unless}} calls {{#if}} with options of its own, without a location: the last one seen stands in.
    const loc = options.loc?.start ?? run().budget.at;
    args[args.length - 1] = { ...options, fn: counted(options.fn, loc), inverse: counted(options.inverse, loc) };
    return builtin.apply(this, args);
  });
}

/** Helpers whose arguments are looked up strictly: a misspelt name is an error, not an empty string. */
export const STRICT_ARGUMENTS = new Set([...Object.keys(formatters), "bang", "lookup", "__step", "each", "with"]);

/** The helpers a template may call (the built-in blocks are known to Handlebars already). */
export const knownHelpers: Record<string, true> = Object.fromEntries([...Object.keys(formatters), "bang", "__at", "__step"].map((k) => [k, true]));
