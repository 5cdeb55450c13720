/**
 * The outputs of a whole year (besides each document's own files): their ids
 * and file names under out/<year>/, for the manifest's checks and the build
 * with nothing to do. No imports of what makes them, so checking a manifest
 * stays light; what makes them is src/write/year-outputs.ts, in this order.
 */

export interface YearOutputFile {
  /** Its name in the manifest: "<year>/<id>". */
  id: string;
  /** Its file under out/<year>/. */
  file(year: number | string): string;
}

/** The print bundle (src/bundle/): every PDF of the year in one, with bookmarks. */
export const BUNDLE_FILE: YearOutputFile = { id: "ho-so", file: (year) => `ho-so-thi-dua-${year}.pdf` };

/** The year's report for a browser (src/report/): figures, timeline, vote, warnings, links to every file. */
export const REPORT_FILE: YearOutputFile = { id: "bao-cao-nam", file: () => "index.html" };

/** The year's results for the province's office (src/results/): JSON to merge, against docs/ket-qua-nam.schema.json… */
export const RESULTS_FILE: YearOutputFile = { id: "ket-qua", file: (year) => `ket-qua-${year}.json` };

/** … and the same as a workbook for people. */
export const RESULTS_BOOK_FILE: YearOutputFile = { id: "ket-qua-xlsx", file: (year) => `ket-qua-${year}.xlsx` };

/** The bloc's register of outgoing documents of a calendar year (src/register/). */
export const REGISTER_FILE: YearOutputFile = { id: "so-van-ban", file: (year) => `so-van-ban-${year}.xlsx` };

export const YEAR_OUTPUT_FILES: readonly YearOutputFile[] = [BUNDLE_FILE, REPORT_FILE, RESULTS_FILE, RESULTS_BOOK_FILE, REGISTER_FILE];

const KEY = /^(\d{4})\/([a-z0-9][a-z0-9-]{0,60})$/;

/** The one file a year output's manifest key owns: `<out>/<year>/<file>`; undefined for a key that is not one. */
export function ownedYearOutput(outDir: string, key: string): string | undefined {
  const m = KEY.exec(key);
  const spec = m && YEAR_OUTPUT_FILES.find((f) => f.id === m[2]);
  return m && spec ? `${outDir}/${m[1]}/${spec.file(m[1]!)}` : undefined;
}
