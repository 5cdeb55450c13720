/** Limits on a returned workbook, checked before exceljs parses it (a form is a few tens of KiB, a few hundred cells). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** What is really inflated from the archive, all the parts read together. */
export const MAX_UNZIPPED_BYTES = 20 * 1024 * 1024;
/** Entries in the archive's directory (a form has about a dozen). */
export const MAX_ZIP_ENTRIES = 1000;
/** Rows of one sheet (a form has a few dozen). */
export const MAX_SHEET_ROWS = 10_000;
/** Merged ranges of one sheet (a form has a few). */
export const MAX_MERGES = 1000;
/** Cells of the whole workbook, each cell of a merged range counted (a form has a few hundred). */
export const MAX_CELLS = 100_000;
/** XML elements in one part given to exceljs (shared strings, styles, a sheet). */
export const MAX_ELEMENTS = 1_000_000;

export const mib = (n: number): string => (n / 1024 / 1024).toFixed(1);
