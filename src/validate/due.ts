/**
 * Whether a part of the year is due: its deadline (nam.yaml's moc_thoi_gian) is before the latest
 * date the year's own data records (a document's date, a registration's, a report's sending
 * date). No clock: the same data gives the same messages on any day. A year just made by
 * new-year records no date yet, so nothing in it is missing; a deadline the data does not give
 * leaves the part due once the year records any date.
 */
import type { ValidYear } from "./valid-types.ts";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The latest ISO date among the values of the year's documents, unit files and results (not nam.yaml). */
export function latestRecordedDate(vy: ValidYear): string | undefined {
  let latest: string | undefined;
  const stack: unknown[] = [...[...vy.docs.values()].map((d) => d.data), ...[...vy.unitDocs.values()].flatMap((m) => [...m.values()].map((d) => d.data)), ...[...vy.results.values()].map((r) => r.data)];
  let visited = 0;
  while (stack.length && visited++ < 1_000_000) {
    const v = stack.pop();
    if (typeof v === "string") {
      if (ISO_DATE.test(v) && (latest === undefined || v > latest)) latest = v;
    } else if (v && typeof v === "object") for (const x of Array.isArray(v) ? v : Object.values(v)) stack.push(x);
  }
  return latest;
}

/** A part with this deadline is due: the year records a date after it (or, without a deadline, any date). */
export function isDue(vy: ValidYear, deadline: string | undefined): boolean {
  const latest = latestRecordedDate(vy);
  if (latest === undefined) return false;
  return deadline === undefined || latest > deadline;
}
