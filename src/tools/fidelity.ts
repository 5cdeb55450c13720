/**
 * Fidelity check: our PDF against LibreOffice's rendering of our own DOCX.
 * Same fonts, same metrics: page counts should agree, every page should start
 * with the same words, and body lines should break at the same words.
 * Usage: npm run fidelity [-- <out dir>] [--min 97] [--timeout <s>] [--quiet]
 * (--min applies to the line agreement read by position; --quiet lists only
 * the pages whose first words differ.)
 * Needs soffice and pdftotext/pdfinfo; says so and exits 0 without them.
 * Never throws at its user: a LibreOffice call that fails or exceeds its time
 * limit is named with the reason, and the other documents are still compared.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { hasCommand, run } from "./external.ts";
import { sofficeConvert, type SofficeOptions, type SofficeResult } from "./soffice.ts";

/** How many words of a page's start are compared. */
export const START_WORDS = 6;

export interface DocFidelity {
  name: string;
  pagesOurs: number;
  pagesLibreOffice: number;
  bodyLines: number;
  sameLines: number;
  /** The same, over lines read by position (table cells apart): see positionalLines. */
  cellLines: number;
  sameCellLines: number;
  /** The first words of each page, ours and LibreOffice's (as many as each rendering has). */
  startsOurs: string[];
  startsLibreOffice: string[];
}

export interface FidelityReport {
  rows: DocFidelity[];
  /** Documents LibreOffice did not convert, and why. */
  failed: { name: string; reason: string }[];
}

const norm = (l: string) => l.replace(/\s+/g, " ").trim();

/** Text lines of a PDF as pdftotext reads them, whitespace normalised. */
export function pdfLines(pdf: string): string[] {
  return pdfPages(pdf).flat();
}

/** Text lines of each page of a PDF. */
export function pdfPages(pdf: string): string[][] {
  const pages = run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { timeoutMs: 60_000 }).split("\f");
  if (pages.length > 1 && pages[pages.length - 1]!.trim() === "") pages.pop();
  return pages.map((p) => p.split("\n").map(norm).filter(Boolean));
}

interface Word {
  x: number;
  y: number;
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const unescape = (t: string) => t.replace(/&(#\d+|\w+);/g, (m, e: string) => (e.startsWith("#") ? String.fromCodePoint(Number(e.slice(1))) : (ENTITIES[e] ?? m)));

/** The words of each page with their positions (pdftotext -bbox). */
export function pdfWords(pdf: string): Word[][] {
  return pdfWordBoxes(pdf);
}

/** Each page's words with where they start and end (one pdftotext -bbox run): one entry per page, empty pages too. */
function pdfWordBoxes(pdf: string): (Word & { xEnd: number })[][] {
  const xml = run("pdftotext", ["-bbox", "-enc", "UTF-8", pdf, "-"], { timeoutMs: 60_000 });
  return xml
    .split(/<page\b/)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({ x: Number(m[1]), xEnd: Number(m[2]), y: Number(m[3]), text: unescape(m[4]!) })),
    );
}

/** Words within 2 pt of a line's baseline, on one line, left to right; lines top to bottom. */
function linesOf(words: readonly Word[]): Word[][] {
  const sorted = [...words].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: Word[][] = [];
  for (const w of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(w.y - line[0]!.y) <= 2) line.push(w);
    else lines.push([w]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

/** Horizontal gap that separates two table cells' texts on one baseline (two cell margins are 8.5 pt). */
const CELL_GAP_PT = 8;

/**
 * Text lines of each page read by position: words on one baseline, split where
 * a gap wider than a space separates two table cells. pdftotext's own reading
 * joins the lines of two neighbouring cells into one when they share a
 * baseline, differently in the two renderings; this reading does not.
 */
export function positionalLines(pdf: string): string[] {
  return positionalLinesOf(pdfWordBoxes(pdf));
}

function positionalLinesOf(pages: readonly (Word & { xEnd: number })[][]): string[] {
  const out: string[] = [];
  for (const page of pages)
    for (const line of linesOf(page)) {
      let cur: string[] = [];
      let end = -Infinity;
      for (const w of line as (Word & { xEnd: number })[]) {
        if (cur.length && w.x - end > CELL_GAP_PT) {
          out.push(cur.join(" "));
          cur = [];
        }
        cur.push(w.text);
        end = w.xEnd;
      }
      if (cur.length) out.push(cur.join(" "));
    }
  return out;
}

/**
 * The first `n` words of a page in reading order (top to bottom by baseline,
 * words within 2 pt of a line's baseline on that line, left to right), after
 * the page number Decree 30 puts in the top margin of pages 2 onwards. Reading
 * by position, not by pdftotext's column guessing, which reads a table of our
 * PDF column by column and LibreOffice's row by row.
 */
export function pageStart(words: readonly Word[], n = START_WORDS): string {
  const ordered = linesOf(words).map((l) => l.map((w) => w.text));
  const body = ordered.length > 1 && ordered[0]!.length === 1 && /^\d+$/.test(ordered[0]![0]!) ? ordered.slice(1) : ordered;
  return body.flat().slice(0, n).join(" ");
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf], { timeoutMs: 60_000 }))?.[1] ?? 0);
}

/** Lines of `ours` (at least `minLength` characters: body text, not header cells) found in order in `theirs`. */
export function matchLines(ours: string[], theirs: string[], minLength = 30): { body: number; same: number } {
  const n = ours.length;
  const m = theirs.length;
  const dp: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i]![j] = ours[i] === theirs[j] ? dp[i + 1]![j + 1]! + (ours[i]!.length >= minLength ? 1 : 0) : Math.max(dp[i + 1]![j]!, dp[i]![j + 1]!);
  return { body: ours.filter((l) => l.length >= minLength).length, same: dp[0]![0]! };
}

/**
 * Compares one document's two renderings. Each PDF is read twice: pdftotext's reading order
 * (the lines) and one -bbox reading (the words with their places: the page count, each page's
 * first words, the lines read by position).
 */
export function compareRenderings(name: string, ours: string, theirs: string): DocFidelity {
  const a = pdfPages(ours);
  const b = pdfPages(theirs);
  const { body, same } = matchLines(a.flat(), b.flat());
  const [wa, wb] = [pdfWordBoxes(ours), pdfWordBoxes(theirs)];
  const cells = matchLines(positionalLinesOf(wa), positionalLinesOf(wb));
  return { name, pagesOurs: wa.length, pagesLibreOffice: wb.length, bodyLines: body, sameLines: same, cellLines: cells.body, sameCellLines: cells.same, startsOurs: wa.map((p) => pageStart(p)), startsLibreOffice: wb.map((p) => pageStart(p)) };
}

/** Pages after the first whose start agrees, and how many such pages our PDF has. */
export function pageStarts(r: DocFidelity): { same: number; pages: number } {
  let same = 0;
  for (let i = 1; i < r.startsOurs.length; i++) if (r.startsOurs[i] === r.startsLibreOffice[i]) same++;
  return { same, pages: Math.max(0, r.startsOurs.length - 1) };
}

/** The DOCX of `outDir` that have our PDF beside them: the documents the check compares. */
export function fidelityDocuments(outDir: string): string[] {
  const files = readdirSync(outDir);
  return files
    .filter((f) => f.endsWith(".docx") && files.includes(f.replace(/\.docx$/, ".pdf")))
    .sort()
    .map((d) => join(outDir, d));
}

/**
 * The report over LibreOffice's conversion (`conv`, its PDFs in `theirs`) of the documents of
 * `outDir` (fidelityDocuments): one LibreOffice run may convert other files with them.
 */
export function compareConverted(outDir: string, theirs: string, conv: Pick<SofficeResult, "converted" | "failed">): FidelityReport {
  const docs = new Set(fidelityDocuments(outDir));
  const failed = conv.failed.filter((f) => docs.has(f.docx)).map((f) => ({ name: basename(f.docx, ".docx"), reason: f.reason }));
  const rows = conv.converted
    .filter((d) => docs.has(d))
    .map((d) => basename(d, ".docx"))
    .sort()
    .map((name) => compareRenderings(name, join(outDir, `${name}.pdf`), join(theirs, `${name}.pdf`)));
  return { rows, failed };
}

export async function checkFidelity(outDir: string, opts: SofficeOptions = {}): Promise<FidelityReport> {
  const tmp = mkdtempSync(join(tmpdir(), "ktd-fidelity-"));
  try {
    return compareConverted(outDir, tmp, await sofficeConvert(fidelityDocuments(outDir), tmp, opts));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function printReport(report: FidelityReport, quiet: boolean): { pct: number; pagesOk: boolean; startsPct: number } {
  let body = 0;
  let same = 0;
  let cellBody = 0;
  let cellSame = 0;
  let starts = 0;
  let startsSame = 0;
  let pagesOk = true;
  console.log("document                         pages ours/LO   body lines   same breaks       by position, cells apart   pages 2+ starting alike");
  for (const r of report.rows) {
    body += r.bodyLines;
    same += r.sameLines;
    cellBody += r.cellLines;
    cellSame += r.sameCellLines;
    const s = pageStarts(r);
    starts += s.pages;
    startsSame += s.same;
    if (r.pagesOurs !== r.pagesLibreOffice) pagesOk = false;
    console.log(
      `${r.name.padEnd(32)} ${`${r.pagesOurs}/${r.pagesLibreOffice}`.padStart(8)}   ${String(r.bodyLines).padStart(10)}   ${String(r.sameLines).padStart(6)} (${((100 * r.sameLines) / Math.max(1, r.bodyLines)).toFixed(1)}%)   ${`${r.sameCellLines}/${r.cellLines}`.padStart(9)} (${((100 * r.sameCellLines) / Math.max(1, r.cellLines)).toFixed(1)}%)      ${s.same}/${s.pages}`,
    );
    const n = Math.max(r.startsOurs.length, r.startsLibreOffice.length);
    for (let i = 0; i < n; i++) {
      const a = r.startsOurs[i] ?? "(no page)";
      const b = r.startsLibreOffice[i] ?? "(no page)";
      if (quiet && a === b) continue;
      console.log(`    p${i + 1} ${a === b ? "=" : "≠"} ours: ${a}${a === b ? "" : `\n           LO:   ${b}`}`);
    }
  }
  for (const f of report.failed) console.log(`${f.name.padEnd(32)} not compared: LibreOffice ${f.reason}`);
  const pct = (100 * same) / Math.max(1, body);
  const cellPct = (100 * cellSame) / Math.max(1, cellBody);
  const startsPct = (100 * startsSame) / Math.max(1, starts);
  console.log(
    `total: ${report.rows.length} documents compared${report.failed.length ? `, ${report.failed.length} not converted` : ""}; page counts ${pagesOk ? "all equal" : "DIFFER"}; ` +
      `${startsSame}/${starts} pages after the first start with the same words (${startsPct.toFixed(1)}%); ${same}/${body} body lines break at the same word (${pct.toFixed(1)}%); ` +
      `read by position, table cells apart: ${cellSame}/${cellBody} (${cellPct.toFixed(1)}%)`,
  );
  return { pct: cellPct, pagesOk, startsPct };
}

async function main(args: string[]): Promise<number> {
  const value = (flag: string) => {
    const at = args.indexOf(flag);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const min = Number(value("--min") ?? 97);
  const timeoutS = Number(value("--timeout") ?? 120);
  const quiet = args.includes("--quiet");
  const dir = args.find((a, i) => !a.startsWith("--") && !["--min", "--timeout"].includes(args[i - 1] ?? "")) ?? "out/2020";
  const missing = ["soffice", "pdftotext", "pdfinfo"].filter((c) => !hasCommand(c));
  if (missing.length) {
    console.log(`fidelity: skipped, not installed: ${missing.join(", ")} (apt-get install libreoffice-writer-nogui poppler-utils)`);
    return 0;
  }
  let report: FidelityReport;
  try {
    report = await checkFidelity(dir, { timeoutMs: timeoutS * 1000 });
  } catch (e) {
    console.error(`fidelity: could not compare ${dir}: ${(e as Error).message}`);
    return 2;
  }
  if (!report.rows.length && !report.failed.length) {
    console.error(`fidelity: no DOCX with its PDF in ${dir}; build first (npx tsx src/cli/main.ts build)`);
    return 2;
  }
  const { pct, pagesOk, startsPct } = printReport(report, quiet);
  return pct >= min && pagesOk && startsPct === 100 && report.failed.length === 0 ? 0 : 1;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  main(process.argv.slice(2)).then((c) => (process.exitCode = c));
}
