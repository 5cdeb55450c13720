/**
 * Dates and times as Decree 30/2020/NĐ-CP writes them. Pure: no clock, no JS
 * Date (no time zones). A date is an ISO string "YYYY-MM-DD" or
 * `{ year, month, day }`; an invalid date makes a formatter throw RangeError.
 */
import { BLANK } from "./text.ts";

/** A calendar date. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

/** What the date formatters accept. */
export type DateInput = string | DateParts;

/** Number of days in `month` (1..12) of `year` (Gregorian). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True when the parts form a real date with a year in 1..9999. */
function isValid(p: DateParts): boolean {
  const { year, month, day } = p;
  return [year, month, day].every(Number.isInteger) && year >= 1 && year <= 9999
    && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Parses a strict ISO date "YYYY-MM-DD" into parts; undefined for a wrong
 * shape ("2020-2-5", "2020-02-05T00:00") or an impossible date (Feb 30, month 13).
 */
export function parseIsoDate(s: string): DateParts | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const p = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValid(p) ? p : undefined;
}

/** Normalises a {@link DateInput} to validated parts; throws RangeError if invalid. */
export function toDateParts(d: DateInput): DateParts {
  const p = typeof d === "string" ? parseIsoDate(d) : d;
  if (p === undefined || !isValid(p)) throw new RangeError(`invalid date: ${JSON.stringify(d)}`);
  return { year: p.year, month: p.month, day: p.day };
}

/** Two digits: 5 → "05". */
const pad2 = (n: number): string => String(n).padStart(2, "0");

/** The Decree 30 leading-zero rule for months: 1 and 2 are padded ("01", "02"), 3..12 not ("6"). */
const monthText = (m: number): string => (m <= 2 ? pad2(m) : String(m));

/**
 * The date in full: "ngày 05 tháng 02 năm 2020". Days below 10 take a
 * leading 0; months 1 and 2 do too ("tháng 01"), months 3..12 do not ("tháng 6").
 */
export function formatDayMonthYear(d: DateInput): string {
  const { year, month, day } = toDateParts(d);
  return `ngày ${pad2(day)} tháng ${monthText(month)} năm ${year}`;
}

/** Options of {@link formatPlaceDate}. */
export interface PlaceDateOptions {
  /** The year shown when the date is left blank. Absent: the year is blank too. */
  year?: number | undefined;
  /** The blank for day and month (and year); default {@link BLANK}, six NBSP. */
  blank?: string | undefined;
}

/**
 * The place-and-date line: "Trà Vinh, ngày 05 tháng 02 năm 2020". With `d`
 * undefined (electronic issuance, date given at signing) the day and month
 * are blanks of six NO-BREAK SPACEs: "Trà Vinh, ngày      tháng      năm 2020"
 * when `opts.year` is given, the year blank too otherwise.
 */
export function formatPlaceDate(place: string, d: DateInput | undefined, opts: PlaceDateOptions = {}): string {
  if (d !== undefined) return `${place}, ${formatDayMonthYear(d)}`;
  const blank = opts.blank ?? BLANK;
  if (opts.year !== undefined && (!Number.isInteger(opts.year) || opts.year < 1)) {
    throw new RangeError(`invalid year: ${opts.year}`);
  }
  return `${place}, ngày ${blank} tháng ${blank} năm ${opts.year ?? blank}`;
}

/** Numeric date with both day and month padded: "05/02/2020", "15/06/2020" (tables, fixed-width columns). */
export function formatShortDate(d: DateInput): string {
  const { year, month, day } = toDateParts(d);
  return `${pad2(day)}/${pad2(month)}/${year}`;
}

/** Day and month as in body text, Decree 30 leading zeros: "15/6", "31/01", "05/02". */
export function formatDayMonth(d: DateInput): string {
  const { month, day } = toDateParts(d);
  return `${pad2(day)}/${monthText(month)}`;
}

/** Short date as in body text, Decree 30 leading zeros: "15/6/2020", "31/01/2021". */
export function formatDayMonthYearShort(d: DateInput): string {
  return `${formatDayMonth(d)}/${toDateParts(d).year}`;
}

/** A month written ISO style as a text writes it: "2020-07" → "7/2020". */
export function formatMonthYear(ym: string): string {
  return `${Number(ym.slice(5, 7))}/${ym.slice(0, 4)}`;
}

/** A time of day in words: (8, 0) → "08 giờ 00". Hours 0..23, minutes 0..59, else RangeError. */
export function formatTime(h: number, m: number): string {
  if (!Number.isInteger(h) || h < 0 || h > 23 || !Number.isInteger(m) || m < 0 || m > 59) {
    throw new RangeError(`invalid time: ${h}:${m}`);
  }
  return `${pad2(h)} giờ ${pad2(m)}`;
}

/** Parses "H:MM" or "HH:MM" into [hour, minute]; RangeError if malformed or out of range. */
function parseTime(s: string): [number, number] {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || h > 23 || min > 59) throw new RangeError(`invalid time: "${s}"`);
  return [h, min];
}

/** A "HH:MM" string in words: "14:30" → "14 giờ 30", "8:05" → "08 giờ 05". */
export function formatTimeOfDay(s: string): string {
  const [h, m] = parseTime(s);
  return formatTime(h, m);
}

/**
 * ISO 8601 date-time with Vietnam's offset, as shown by an organisation's
 * digital signature: ("2021-02-05", "09:30") → "2021-02-05T09:30:00+07:00".
 */
export function isoDateTimeVietnam(date: DateInput, time: string): string {
  const { year, month, day } = toDateParts(date);
  const [h, m] = parseTime(time);
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}T${pad2(h)}:${pad2(m)}:00+07:00`;
}

/** Whole days from ISO date `from` to ISO date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
