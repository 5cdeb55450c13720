/**
 * The marks that rendered template text carries between Handlebars and the
 * light Markdown parser (control characters data cannot bring in: values are
 * cleaned before they reach a template, see safe-context.ts):
 *
 *   VALUE_OPEN value VALUE_CLOSE   a value from the data: plain text, never Markdown
 *                                  structure (no heading, item, bold or table comes from it)
 *   TABLE_MARK name TABLE_END      a computed table ({{bang "name"}}), on a line of its own
 *   SITE n SITE                    where the next value was inserted (internal to handlebars.ts)
 */
export const TABLE_MARK = "\u0001table:";
export const TABLE_END = "\u0001";
export const VALUE_OPEN = "\u0002";
export const VALUE_CLOSE = "\u0003";
export const SITE = "\u0004";

/** The characters above: never taken from data or template text. */
export const MARK_CHARS = /[\u0001-\u0004]/g;

/** A value from the data, marked as plain text (the empty string stays empty: it is falsy in {{#if}}). */
export function markValue(s: string): string {
  return s === "" ? s : `${VALUE_OPEN}${s}${VALUE_CLOSE}`;
}

/** The value without its marks (what helpers compute on). */
export function unmark(s: string): string {
  return s.includes(VALUE_OPEN) ? s.replace(/[\u0002\u0003]/g, "") : s;
}

/** Text for a place that is not parsed as Markdown (titles, Kính gửi, Nơi nhận): every mark removed. */
export function stripMarks(s: string): string {
  return s.replace(MARK_CHARS, "");
}
