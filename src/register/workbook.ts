/**
 * The register as a workbook (out/<year>/so-van-ban-<year>.xlsx), in the columns of the register
 * of outgoing documents (Sổ đăng ký văn bản đi): what the data gives is filled, the records
 * office's own columns (Ngày chuyển, Ký nhận) are left blank; one sheet per number series.
 */
import { sheet, tableWorkbook, type Cell } from "../xlsx/table-sheet.ts";
import { workbookZip } from "../forms/deterministic-zip.ts";
import type { Register, RegisterRow } from "./register.ts";

export const REGISTER_COLUMNS = [
  "Số, ký hiệu văn bản",
  "Ngày tháng văn bản",
  "Tên loại và trích yếu nội dung văn bản",
  "Người ký",
  "Nơi nhận văn bản",
  "Đơn vị, người nhận bản lưu",
  "Số lượng bản",
  "Ngày chuyển",
  "Ký nhận",
  "Ghi chú",
] as const;

export const NOTE_TEXT: Record<RegisterRow["note"] | "so-bo-trong-nhieu", string> = {
  "": "",
  "trung-so": "Trùng số: số này đã cấp cho văn bản khác trong năm",
  "so-bo-trong": "Số bị bỏ trống: không có văn bản nào mang số này",
  "so-bo-trong-nhieu": "Các số bị bỏ trống: không có văn bản nào mang các số này",
  "chua-cap-so": "Chưa cấp số hoặc chưa ghi ngày (văn thư cấp khi ban hành)",
};

/** A row's note: a run of skipped numbers says so in the plural. */
export const noteOf = (r: RegisterRow): keyof typeof NOTE_TEXT => (r.to !== undefined ? "so-bo-trong-nhieu" : r.note);

const pad = (n: number) => String(n).padStart(2, "0");
const day = (d: string | null) => (d ? d.split("-").reverse().join("/") : "");

export function registerRowCells(r: RegisterRow, notation: string): Cell[] {
  const e = r.entry;
  const num = r.number === null ? "" : r.to !== undefined ? `${pad(r.number)}–${pad(r.to)}` : pad(r.number);
  return [
    e ? `${num}/${e.notation}` : `${num}/${notation}`,
    e ? day(e.date) : "",
    e?.title ?? "",
    e?.signers.join(", ") ?? "",
    e?.recipients.join("; ") ?? "",
    e?.filing ?? "",
    e?.copies ?? null,
    "",
    "",
    NOTE_TEXT[noteOf(r)],
  ];
}

export async function registerWorkbook(reg: Register, issuer: string, blocCode: string): Promise<Uint8Array> {
  const wb = tableWorkbook(reg.year, `Sổ đăng ký văn bản đi năm ${reg.year} – ${issuer}`, `${blocCode} ${reg.year} so-van-ban`);
  for (const s of reg.series) {
    // A gap's code: the series' own type code, or for one series the bloc's code alone.
    const notation = s.code ? `${s.code}-${blocCode}` : `…-${blocCode}`;
    sheet(
      wb,
      s.code ? `Sổ ${s.code}` : "Sổ văn bản đi",
      `${issuer.toLocaleUpperCase("vi")}\nSỔ ĐĂNG KÝ VĂN BẢN ĐI${s.code ? ` (${s.code})` : ""}\nNăm ${reg.year}`,
      [16, 12, 48, 22, 40, 16, 9, 12, 12, 30],
      [...REGISTER_COLUMNS],
      s.rows.map((r) => registerRowCells(r, notation)),
    );
  }
  if (!reg.series.length) sheet(wb, "Sổ văn bản đi", `${issuer.toLocaleUpperCase("vi")}\nSỔ ĐĂNG KÝ VĂN BẢN ĐI\nNăm ${reg.year}`, [16, 12, 48, 22, 40, 16, 9, 12, 12, 30], [...REGISTER_COLUMNS], []);
  return workbookZip(wb);
}
