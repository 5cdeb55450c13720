import type { Path, YamlSource } from "../load/yaml-source.ts";
import type { Year } from "../schema/year.ts";
import type { YearContext } from "./year-context.ts";

/**
 * Which part of the emulation year N a date belongs to, and so the window it must lie in:
 *  - "year": N itself: the plan, the registrations, the mid-year review and their deadlines;
 *  - "year-end": N and N+1: units report by 31/01 of the next year, the vote and the proposal follow.
 * A date outside its window is a typo (9999-12-31, last year's file copied), never a late document.
 */
export type Stage = "year" | "year-end";

export interface DateWindow {
  from: string;
  to: string;
}

export function windowOf(year: number, stage: Stage): DateWindow {
  return { from: `${year}-01-01`, to: `${stage === "year" ? year : year + 1}-12-31` };
}

/** A YYYY-MM-DD date, or a YYYY-MM month, within the window (ISO strings compare as dates). */
export function inWindow(date: string, w: DateWindow): boolean {
  return date.length === 7 ? date >= w.from.slice(0, 7) && date <= w.to.slice(0, 7) : date >= w.from && date <= w.to;
}

/** Reports a date outside its stage's window; true when it is inside. */
function checkWindow(ctx: YearContext, src: YamlSource, path: Path, date: string, stage: Stage, what: string, whatEn: string): boolean {
  const year = ctx.vy.year.data.nam;
  const w = windowOf(year, stage);
  if (inWindow(date, w)) return true;
  ctx.diags.error("date/out-of-window", src.locate(path), { what, whatEn, date, year, from: w.from, to: w.to });
  return false;
}

/** Outside the year's window is an error (and says nothing more); late is a warning; before the plan is an error. */
export function checkDate(
  ctx: YearContext,
  src: YamlSource,
  path: Path,
  date: string,
  stage: Stage,
  deadline: Deadline | undefined,
  planDate: string | undefined,
  what: string,
  whatEn: string,
): boolean {
  if (!checkWindow(ctx, src, path, date, stage, what, whatEn)) return false;
  if (deadline && date > deadline.date) ctx.diags.warning("date/late", src.locate(path), { what, whatEn, date, deadline: deadline.date, file: deadline.file });
  if (planDate && date < planDate) ctx.diags.error("date/before-plan", src.locate(path), { what, whatEn, date, planDate });
  return true;
}

type TimelineKey = keyof Year["moc_thoi_gian"];

const TIMELINE: [TimelineKey, Stage, string, string][] = [
  ["dang_ky", "year", "Hạn gửi đăng ký", "The registration deadline"],
  ["bao_cao_so_ket", "year", "Hạn gửi báo cáo sơ kết", "The mid-year report deadline"],
  ["so_ket_thang", "year", "Tháng sơ kết", "The mid-year review month"],
  ["bao_cao_tong_ket", "year-end", "Hạn gửi báo cáo tổng kết", "The year-end report deadline"],
  ["tong_ket_thang", "year-end", "Tháng tổng kết", "The year-end review month"],
];

/** Each of `timeline`'s deadlines and months outside its stage's window of `year`, as [key, value, window, what, whatEn] (tinh.yaml's defaults are checked with it). */
export function outOfWindow(year: number, timeline: Partial<Record<TimelineKey, string>>): [TimelineKey, string, DateWindow, string, string][] {
  const out: [TimelineKey, string, DateWindow, string, string][] = [];
  for (const [key, stage, what, whatEn] of TIMELINE) {
    const value = timeline[key];
    const w = windowOf(year, stage);
    if (value !== undefined && !inWindow(value, w)) out.push([key, value, w, `${what} (moc_thoi_gian.${key})`, `${whatEn} (moc_thoi_gian.${key})`]);
  }
  return out;
}

/** The timeline in nam.yaml: each deadline and month in its stage's window. */
export function checkTimeline(ctx: YearContext): void {
  const { src, data } = ctx.vy.year;
  for (const [key, date, w, what, whatEn] of outOfWindow(data.nam, data.moc_thoi_gian))
    ctx.diags.error("date/out-of-window", src.locate(["moc_thoi_gian", key]), { what, whatEn, date, year: data.nam, from: w.from, to: w.to });
}

/** A deadline and the file that sets it: the year's nam.yaml, or the province's tinh.yaml when nam.yaml leaves it to the province. */
interface Deadline {
  date: string;
  file: string;
}

export function deadline(ctx: YearContext, key: TimelineKey): Deadline | undefined {
  const date = timeline(ctx, key);
  return date === undefined ? undefined : { date, file: ctx.vy.fromProvince?.has(`moc_thoi_gian.${key}`) ? "tinh.yaml" : "nam.yaml" };
}

/** A deadline or month of the timeline, or undefined when it is outside its window (reported once, by checkTimeline). */
export function timeline(ctx: YearContext, key: TimelineKey): string | undefined {
  const y = ctx.vy.year.data;
  const stage = TIMELINE.find(([k]) => k === key)![1];
  const value = y.moc_thoi_gian[key];
  return inWindow(value, windowOf(y.nam, stage)) ? value : undefined;
}
