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

export const YEAR_OUTPUT_FILES: readonly YearOutputFile[] = [BUNDLE_FILE, REPORT_FILE];

const KEY = /^(\d{4})\/([a-z0-9][a-z0-9-]{0,60})$/;

/** The one file a year output's manifest key owns: `<out>/<year>/<file>`; undefined for a key that is not one. */
export function ownedYearOutput(outDir: string, key: string): string | undefined {
  const m = KEY.exec(key);
  const spec = m && YEAR_OUTPUT_FILES.find((f) => f.id === m[2]);
  return m && spec ? `${outDir}/${m[1]}/${spec.file(m[1]!)}` : undefined;
}
