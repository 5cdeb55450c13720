/**
 * Fidelity check: our PDF against LibreOffice's rendering of our own DOCX.
 * Same fonts, same metrics: page counts should agree and body lines should
 * break at the same words. Usage: npm run fidelity [-- <out dir>] [--min 95]
 * Needs soffice and pdftotext/pdfinfo; says so and exits 0 without them.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { hasCommand, run, sofficeToPdf } from "./external.ts";

export interface DocFidelity {
  name: string;
  pagesOurs: number;
  pagesLibreOffice: number;
  bodyLines: number;
  sameLines: number;
}

/** Text lines of a PDF as pdftotext reads them, whitespace normalised. */
export function pdfLines(pdf: string): string[] {
  return run("pdftotext", ["-nopgbrk", "-enc", "UTF-8", pdf, "-"])
    .split("\n")
    .map((l) => l.replace(/\s+/g, " ").trim())
    .filter(Boolean);
}

export function pageCount(pdf: string): number {
  return Number(/Pages:\s+(\d+)/.exec(run("pdfinfo", [pdf]))?.[1] ?? 0);
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

export function checkFidelity(outDir: string): DocFidelity[] {
  const docs = readdirSync(outDir).filter((f) => f.endsWith(".docx") && readdirSync(outDir).includes(f.replace(/\.docx$/, ".pdf"))).sort();
  const tmp = mkdtempSync(join(tmpdir(), "ktd-fidelity-"));
  try {
    sofficeToPdf(docs.map((d) => join(outDir, d)), tmp, join(tmp, "profile"));
    return docs.map((d) => {
      const name = basename(d, ".docx");
      const ours = join(outDir, `${name}.pdf`);
      const theirs = join(tmp, `${name}.pdf`);
      const { body, same } = matchLines(pdfLines(ours), pdfLines(theirs));
      return { name, pagesOurs: pageCount(ours), pagesLibreOffice: pageCount(theirs), bodyLines: body, sameLines: same };
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(args: string[]): Promise<number> {
  const minAt = args.indexOf("--min");
  const min = minAt >= 0 ? Number(args[minAt + 1]) : 95;
  const dir = args.find((a, i) => !a.startsWith("--") && i !== minAt + 1) ?? "out/2020";
  const missing = ["soffice", "pdftotext", "pdfinfo"].filter((c) => !hasCommand(c));
  if (missing.length) {
    console.log(`fidelity: skipped, not installed: ${missing.join(", ")} (apt-get install libreoffice-writer-nogui poppler-utils)`);
    return 0;
  }
  const rows = checkFidelity(dir);
  let body = 0;
  let same = 0;
  let pagesOk = true;
  console.log("document                         pages ours/LO   body lines   same breaks");
  for (const r of rows) {
    body += r.bodyLines;
    same += r.sameLines;
    if (r.pagesOurs !== r.pagesLibreOffice) pagesOk = false;
    console.log(`${r.name.padEnd(32)} ${`${r.pagesOurs}/${r.pagesLibreOffice}`.padStart(8)}   ${String(r.bodyLines).padStart(10)}   ${String(r.sameLines).padStart(6)} (${((100 * r.sameLines) / Math.max(1, r.bodyLines)).toFixed(1)}%)`);
  }
  const pct = (100 * same) / Math.max(1, body);
  console.log(`total: ${same}/${body} body lines break at the same word (${pct.toFixed(1)}%); page counts ${pagesOk ? "all equal" : "DIFFER"}`);
  return pct >= min && pagesOk ? 0 : 1;
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) {
  main(process.argv.slice(2)).then((c) => (process.exitCode = c));
}
