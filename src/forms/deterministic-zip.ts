import type ExcelJS from "exceljs";
import { readZipEntries } from "../import/zip-entries.ts";
import { deflatePart, writeZip } from "../zip/write-zip.ts";
import { tidyValidations } from "./validation-ranges.ts";

/** Our own workbooks, just written: far below these. */
const LIMITS = { maxInflated: 512 * 1024 * 1024, maxEntries: 10_000 };

/**
 * Re-packs a zip (exceljs stamps every entry with the time of writing) with
 * the entries in their order, one fixed date (1980-01-01 00:00) and the same
 * compression, so the same workbook always gives the same bytes.
 */
export function deterministicZip(bytes: Uint8Array): Uint8Array {
  const read = readZipEntries(bytes, (name) => !name.endsWith("/"), LIMITS);
  if (!("entries" in read)) throw new Error(`the workbook just written is not a readable zip: ${JSON.stringify(read)}`);
  // Each sheet's validations as one rule per range, none overlapping (src/forms/validation-ranges.ts).
  const tidy = (name: string, data: Uint8Array) =>
    /^xl\/worksheets\/sheet\d+\.xml$/.test(name) ? new TextEncoder().encode(tidyValidations(new TextDecoder().decode(data))) : data;
  return writeZip([...read.entries].map(([name, data]) => ({ name, part: deflatePart(tidy(name, data)) })));
}

/**
 * A workbook's bytes: exceljs writes its zip with its entries stored, not compressed (its own
 * compression is pure JavaScript, and deterministicZip compresses every entry again with Node's
 * zlib), then the zip is made deterministic. The same bytes as from exceljs's compressed zip.
 */
export async function workbookZip(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return deterministicZip(new Uint8Array(await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } })));
}
