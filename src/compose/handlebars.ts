import Handlebars from "handlebars";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { formatDayMonth, formatDayMonthYear, formatDayMonthYearShort } from "../format/date.ts";
import { formatNumber, formatPercent, formatScore, toRoman } from "../format/number.ts";
import { upperVi } from "../format/text.ts";
import { TABLE_MARK } from "./markup.ts";

/** One Handlebars environment with the Vietnamese format helpers; strict: a missing value is an error. */
const hb = Handlebars.create();
const str = (v: unknown) => String(v ?? "");
const helpers = {
  ngay_day_du: (d: unknown) => formatDayMonthYear(str(d)),
  ngay_ngan: (d: unknown) => formatDayMonthYearShort(str(d)),
  ngay_thang: (d: unknown) => formatDayMonth(str(d)),
  so_vn: (n: unknown) => formatNumber(Number(n)),
  diem_vn: (n: unknown) => formatScore(Number(n)),
  phan_tram: (a: unknown, b: unknown) => formatPercent(Number(a), Number(b)),
  hoa: (s: unknown) => upperVi(str(s)),
  la_ma: (n: unknown) => toRoman(Number(n)),
  bang: (name: unknown) => new hb.SafeString(`\n${TABLE_MARK}${str(name)}\u0001\n`),
};
hb.registerHelper(helpers);
/** Only our helpers and the built-in blocks: an unknown helper fails when the template compiles. */
const knownHelpers = Object.fromEntries(Object.keys(helpers).map((k) => [k, true]));

/**
 * Renders a template with strict Handlebars. Errors (syntax, unknown helper,
 * missing value) become diagnostics located in the template's file: `line` is
 * the file line where the template text starts.
 */
export function renderTemplate(
  text: string,
  context: object,
  where: { file: string; line: number },
  diags: Diagnostics,
): string | undefined {
  try {
    const template = hb.compile(text, { strict: true, noEscape: true, knownHelpers, knownHelpersOnly: true });
    return template(context);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const loc = /line (\d+)/.exec(msg) ?? /- (\d+):(\d+)/.exec(msg);
    const lineInTemplate = loc ? Number(loc[1]) : 1;
    const column = loc && loc[2] !== undefined ? Number(loc[2]) + 1 : 1;
    const missing = /"([^"]+)" not defined/.exec(msg);
    const helper = /Missing helper: "([^"]+)"/.exec(msg) ?? /unknown helper (\S+)/.exec(msg);
    const syntax = /Parse error|Expecting|doesn't match/.test(msg);
    const code = missing ? "template/missing-value" : helper ? "template/unknown-helper" : syntax ? "template/syntax" : "template/error";
    diags.error(code, { file: where.file, line: where.line + lineInTemplate - 1, column }, {
      name: missing?.[1] ?? helper?.[1] ?? "",
      detail: msg.split("\n")[0] ?? msg,
    });
    return undefined;
  }
}
