import { isRealDate } from "../schema/common.ts";

export interface DateSuggestion {
  iso: string;
  /** The order the typed date was read in. */
  order: "dmy" | "ymd";
}

/**
 * The ISO date meant by a date typed another way: 15/06/2020, 15-06-2020, 15.06.2020 (day first,
 * the Vietnamese order, also when both could be a month: 06/07/2020 is 6 July), or 2020/06/15.
 * Undefined when it is no real day (31/02/2020): then the format rule alone is said.
 */
export function suggestDate(typed: string): DateSuggestion | undefined {
  const s = typed.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  const ymd = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(s);
  const [y, m, d, order] = dmy ? [dmy[3]!, dmy[2]!, dmy[1]!, "dmy" as const] : ymd ? [ymd[1]!, ymd[2]!, ymd[3]!, "ymd" as const] : [];
  if (!order) return undefined;
  const iso = `${y}-${m!.padStart(2, "0")}-${d!.padStart(2, "0")}`;
  return isRealDate(iso) ? { iso, order } : undefined;
}

/** 9,5 → 9.5: a number written with a decimal comma; undefined for anything else. */
export function suggestDecimalPoint(typed: string): string | undefined {
  const m = /^\s*([-+]?\d+),(\d+)\s*$/.exec(typed);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/** A number in quotes ("9.5"): the number as text; undefined when the text is not a plain number. */
export function quotedNumber(typed: string): string | undefined {
  const s = typed.trim();
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? s : undefined;
}
