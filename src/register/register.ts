/**
 * The bloc's register of outgoing documents (Sổ đăng ký văn bản đi) for one calendar year, as
 * plain data: every document the bloc issues (its own series, not the member units'), whatever
 * year of emulation it belongs to, in number order. Numbers run from 01 on 1 January (Decree 30,
 * art. 15): one series for every code, or one per type code (khoi.yaml's so_van_ban). A number
 * two documents share is marked; a number skipped is a row of its own; a document still without
 * a number or a date (left for the records office) is listed after the numbered ones. Pure.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";

export interface RegisterEntry {
  /** Its outputs' name and the year of emulation it belongs to (out/<dataYear>/<stem>.pdf). */
  stem: string;
  dataYear: number;
  number: number | null;
  /** Type code ("BC"; "" for none) and the whole code ("BC-K8"). */
  code: string;
  notation: string;
  date: string | null;
  /** Tên loại and trích yếu: "Báo cáo Tổng kết phong trào thi đua năm 2020 …". */
  title: string;
  /** The signers' names, in the document's order. */
  signers: string[];
  /** Nơi nhận without the "Lưu" line, "Như trên" standing for the Kính gửi recipients. */
  recipients: string[];
  /** The "Lưu" line's holders ("VT, VP") and copies kept, when it says. */
  filing: string;
  copies: number | null;
}

export type RegisterNote = "" | "trung-so" | "so-bo-trong" | "chua-cap-so";

export interface RegisterRow {
  /** The number this row is for (null: a document without one yet). */
  number: number | null;
  /** A run of skipped numbers is one row: its last number (absent for a single number). */
  to?: number;
  entry?: RegisterEntry;
  note: RegisterNote;
}

export interface Register {
  year: number;
  numbering: "one" | "per-code";
  /** One series (code null) or one per type code, in code order. */
  series: { code: string | null; rows: RegisterRow[] }[];
}

const item = (s: string) => s.replace(/^[-–]\s*/u, "").replace(/[;.,]+$/u, "").trim();

/** "Báo cáo Tổng kết …": the type name in sentence case, then the trích yếu. */
export function typeAndSummary(c: ComposedDocument): string {
  const t = c.doc.title;
  if (!t) return c.doc.meta.title;
  const type = t.type.charAt(0) + t.type.slice(1).toLocaleLowerCase("vi");
  const summary = t.summary.join(" ");
  return [type, /^[A-ZĐ]/u.test(summary) && summary === summary.toLocaleUpperCase("vi") ? summary.toLocaleLowerCase("vi") : summary].join(" ").replace(/\s+/g, " ").trim();
}

/** The documents the bloc issues, as register entries, in the build's order. */
export function registerEntries(docs: readonly ComposedDocument[]): RegisterEntry[] {
  return docs
    .filter((c) => c.issue.by === "bloc")
    .map((c) => {
      const items = (c.doc.recipients ?? []).map(item);
      const luu = items.find((x) => /^Lưu\s*:/u.test(x));
      const holders = luu ? luu.replace(/^Lưu\s*:\s*/u, "").split(",").map((x) => x.trim()) : [];
      const copies = holders.map((h) => /^(\d+)\s*b(ản)?$/u.exec(h)).find((m) => m);
      return {
        stem: c.doc.stem,
        dataYear: c.year,
        number: c.issue.number,
        code: c.issue.code,
        notation: c.issue.notation,
        date: c.issue.date,
        title: typeAndSummary(c),
        signers: c.doc.signatures.map((s) => s.name).filter((n) => n.trim()),
        recipients: items.filter((x) => x && x !== luu).flatMap((x) => (/^Như trên$/iu.test(x) && c.doc.kinhGui?.length ? c.doc.kinhGui.map(item) : [x])),
        filing: holders.filter((h) => !/^\d+\s*b(ản)?$/u.test(h)).join(", "),
        copies: copies ? Number(copies[1]) : null,
      };
    });
}

/** The calendar year an entry is registered in: its date's, else (not dated yet) its emulation year's. */
export function registerYear(e: RegisterEntry): number {
  return e.date ? Number(e.date.slice(0, 4)) : e.dataYear;
}

/** The calendar years with at least one entry, in order. */
export function registerYears(entries: readonly RegisterEntry[]): number[] {
  return [...new Set(entries.map(registerYear))].sort((a, b) => a - b);
}

const seriesKey = (e: RegisterEntry, numbering: Register["numbering"]) => (numbering === "one" ? null : e.code);

/** The register of one calendar year. */
export function registerOf(entries: readonly RegisterEntry[], year: number, numbering: Register["numbering"]): Register {
  const ofYear = entries.filter((e) => registerYear(e) === year);
  const keys = [...new Set(ofYear.map((e) => seriesKey(e, numbering)))].sort((a, b) => (a ?? "").localeCompare(b ?? ""));
  return {
    year,
    numbering,
    series: keys.map((code) => {
      const own = ofYear.filter((e) => seriesKey(e, numbering) === code);
      const numbered = own.filter((e) => e.number !== null && e.date !== null);
      const count = new Map<number, number>();
      for (const e of numbered) count.set(e.number!, (count.get(e.number!) ?? 0) + 1);
      const rows: RegisterRow[] = [];
      let next = 1;
      for (const n of [...count.keys()].sort((a, b) => a - b)) {
        // Numbers skipped before this one: one row for the run, however long (a typo of 9999 is one row, not thousands).
        if (n > next) rows.push({ number: next, ...(n - 1 > next ? { to: n - 1 } : {}), note: "so-bo-trong" });
        const same = numbered.filter((e) => e.number === n).sort((a, b) => a.date!.localeCompare(b.date!) || a.stem.localeCompare(b.stem));
        for (const e of same) rows.push({ number: n, entry: e, note: same.length > 1 ? "trung-so" : "" });
        next = n + 1;
      }
      for (const e of own.filter((x) => x.number === null || x.date === null)) rows.push({ number: e.number, entry: e, note: "chua-cap-so" });
      return { code, rows };
    }),
  };
}

/** The next free number of a calendar year for a type code: after the highest used in its series (01 for a new year). */
export function nextNumber(entries: readonly RegisterEntry[], year: number, numbering: Register["numbering"], code: string): number {
  const used = entries.filter((e) => registerYear(e) === year && e.date !== null && e.number !== null && (numbering === "one" || e.code === code)).map((e) => e.number!);
  return Math.max(0, ...used) + 1;
}
