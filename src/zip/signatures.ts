/** The ZIP format's record signatures, read (src/import/zip-entries.ts) and written (write-zip.ts) alike. */
export const LOCAL = 0x04034b50;
export const CENTRAL = 0x02014b50;
export const END = 0x06054b50;
