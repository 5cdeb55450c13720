/**
 * A workbook's zip: exceljs hands over its entries stored (its own compression is pure
 * JavaScript, and every entry is compressed again with Node's zlib), and the bytes are those
 * of exceljs's own compressed zip made deterministic.
 */
import { describe, expect, it } from "vitest";
import { deterministicZip, workbookZip } from "../../src/forms/deterministic-zip.ts";
import { sheet, tableWorkbook } from "../../src/xlsx/table-sheet.ts";

/** The compression method of each entry of a zip, from its central directory. */
function methods(zip: Uint8Array): number[] {
  const v = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (v.getUint32(end, true) !== 0x06054b50) end--;
  let at = v.getUint32(end + 16, true);
  const out: number[] = [];
  for (let i = 0; i < v.getUint16(end + 10, true); i++) {
    out.push(v.getUint16(at + 10, true));
    at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true);
  }
  return out;
}

describe("a workbook's zip", () => {
  const table = () => {
    const wb = tableWorkbook(2020, "Kết quả", "thử");
    sheet(wb, "Điểm", "BẢNG ĐIỂM", [10, 30], ["TT", "Đơn vị"], [[1, "Sở Y tế"], [2, "Sở Tư pháp"]]);
    return wb;
  };

  it("is written by exceljs with its entries stored, then compressed once, by zlib", async () => {
    const wb = table();
    const handed: Uint8Array[] = [];
    const write = wb.xlsx.writeBuffer.bind(wb.xlsx);
    wb.xlsx.writeBuffer = async (o) => {
      const b = await write(o);
      handed.push(new Uint8Array(b));
      return b;
    };
    const bytes = await workbookZip(wb);
    expect(handed).toHaveLength(1);
    expect(new Set(methods(handed[0]!))).toEqual(new Set([0]));
    expect(new Set(methods(bytes))).toEqual(new Set([8]));
  });

  it("gives the bytes exceljs's own compressed zip gives", async () => {
    const own = deterministicZip(new Uint8Array(await table().xlsx.writeBuffer()));
    expect(Buffer.from(await workbookZip(table())).equals(Buffer.from(own))).toBe(true);
  });
});
