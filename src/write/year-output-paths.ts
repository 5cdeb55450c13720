/**
 * The outputs of a whole year (besides each document's DOCX and PDF), by id:
 * the file each one writes under `<out>/<year>/`. The manifest keeps them
 * under `years` as `<year>/<id>`; their paths are computed here from the key,
 * never taken from the manifest. Light on purpose: the build with nothing to
 * do reads it.
 */
export const YEAR_OUTPUT_FILES: Readonly<Record<string, string>> = {
  /** The year's report, for a browser (src/report/). */
  "bao-cao-nam": "index.html",
};

const KEY = /^(\d{4})\/([a-z0-9][a-z0-9-]{0,63})$/;

export function yearOutputKey(year: number | string, id: string): string {
  return `${year}/${id}`;
}

/** The one file a year output's key may name, or undefined for a key that is not one. */
export function yearOutputPath(outDir: string, key: string): string | undefined {
  const m = KEY.exec(key);
  const file = m && Object.hasOwn(YEAR_OUTPUT_FILES, m[2]!) ? YEAR_OUTPUT_FILES[m[2]!] : undefined;
  return m && file ? `${outDir}/${m[1]}/${file}` : undefined;
}
