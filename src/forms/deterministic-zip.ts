import PizZip from "pizzip";

/** Zip entries all carry this date: no clock in an output. */
const ZIP_DATE = new Date(Date.UTC(1980, 0, 1));

/**
 * Re-packs a zip (exceljs stamps every entry with the time of writing) with
 * the entries in their order, one fixed date and the same compression, so
 * the same workbook always gives the same bytes.
 */
export function deterministicZip(bytes: Uint8Array): Uint8Array {
  const src = new PizZip(bytes);
  const out = new PizZip();
  for (const name of Object.keys(src.files)) {
    const f = src.files[name]!;
    if (f.dir) continue;
    out.file(name, f.asUint8Array(), { date: ZIP_DATE, binary: true, createFolders: false });
  }
  return out.generate({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}
