/**
 * The year's results as a workbook for people (ket-qua-<year>.xlsx): the same data as the JSON
 * file, one sheet per part (the bloc and its units, the scores, the vote, the documents), with
 * fixed dates and our own deterministic zip, so the same data gives the same bytes. Loaded only
 * when the workbook is made (exceljs stays off the build's common path).
 */
import { sheet, tableWorkbook } from "../xlsx/table-sheet.ts";
import { workbookZip } from "../forms/deterministic-zip.ts";
import type { ResultsFile } from "./schema.ts";

const STATUS: Record<string, string> = { "dung-han": "đúng hạn", "tre-han": "trễ hạn", "chua-nop": "chưa gửi" };

/** "2021-02-05" → "05/02/2021"; null → "". */
const day = (d: string | null) => (d ? d.split("-").reverse().join("/") : "");

export async function resultsWorkbook(r: ResultsFile): Promise<Uint8Array> {
  const wb = tableWorkbook(r.nam, `Kết quả thi đua năm ${r.nam} – ${r.khoi.ten_ngan}`, `${r.khoi.ma} ${r.nam} ket-qua v${r.phien_ban}`);
  const name = new Map(r.don_vi.map((u) => [u.ma, u.ten]));
  const unit = (id: string) => name.get(id) ?? id;

  sheet(
    wb,
    "Khối",
    `${r.khoi.ten.toLocaleUpperCase("vi")} – NĂM ${r.nam}`,
    [16, 50, 30, 30, 14, 14, 14],
    ["Mã", "Đơn vị thành viên", "Thủ trưởng", "Vai trò", ...r.thoi_han.map((s) => `${s.ten} (hạn ${day(s.han)})`)],
    r.don_vi.map((u) => [
      u.ma,
      u.ten,
      [u.thu_truong.chuc_vu, u.thu_truong.ho_ten].filter(Boolean).join(" "),
      u.ma === r.khoi.khoi_truong.ma ? "Khối trưởng" : u.ma === r.khoi.khoi_pho.ma ? "Khối phó" : "",
      ...r.thoi_han.map((s) => {
        const d = s.don_vi.find((x) => x.don_vi === u.ma);
        return d ? [day(d.ngay), STATUS[d.trang_thai]].filter(Boolean).join(" – ") : "";
      }),
    ]),
  );

  const criteria = r.tieu_chi;
  sheet(
    wb,
    "Điểm",
    `BẢNG TỔNG HỢP ĐIỂM THI ĐUA NĂM ${r.nam} (tối đa ${r.diem.diem_toi_da} điểm)`,
    [8, 44, ...criteria.map(() => 9), 11, 11, 10, 10, 11],
    ["Hạng", "Đơn vị", ...criteria.map((c) => `${c.ma} (${c.diem_toi_da})`), "Tự chấm", "Khối chấm", "Điểm cộng", "Điểm trừ", "Tổng"],
    [
      ...r.diem.don_vi.map((s) => [
        s.xep_hang,
        unit(s.don_vi),
        ...criteria.map((c) => s.theo_tieu_chi.find((p) => p.tieu_chi === c.ma)?.khoi_cham ?? null),
        s.tu_cham,
        s.khoi_cham,
        s.diem_cong,
        s.diem_tru,
        s.tong,
      ]),
      ...r.diem.chua_co_ket_qua.map((id) => [null, unit(id), ...criteria.map(() => null), "chưa có kết quả", null, null, null, null]),
    ],
  );

  sheet(
    wb,
    "Bình bầu",
    `KẾT QUẢ BỎ PHIẾU BÌNH BẦU NĂM ${r.nam} (tỷ lệ tối thiểu ${r.binh_bau.ty_le_toi_thieu.tu}/${r.binh_bau.ty_le_toi_thieu.mau} trên ${r.binh_bau.so_co_so})`,
    [36, 8, 44, 10, 10, 12, 12],
    ["Hình thức khen thưởng", "Vòng", "Đơn vị", "Số phiếu", "Tỷ lệ (%)", "Đạt tỷ lệ", "Đề nghị"],
    r.binh_bau.danh_hieu.flatMap((a) =>
      a.vong.flatMap((v) =>
        v.ket_qua.map((x) => [`${a.ten} (${a.chi_tieu} suất)`, v.vong, unit(x.don_vi), x.so_phieu, Math.round(x.ty_le * 10000) / 100, x.dat_nguong ? "đạt" : "không", x.de_nghi ? "đề nghị" : ""]),
      ),
    ),
  );

  sheet(
    wb,
    "Văn bản",
    `VĂN BẢN NĂM ${r.nam}`,
    [26, 16, 12, 60, 30, 8, 34],
    ["Loại", "Số, ký hiệu", "Ngày", "Trích yếu", "Người ký", "Số trang", "Tệp"],
    r.van_ban.map((d) => [
      d.ten_loai,
      `${d.so === null ? "" : String(d.so).padStart(2, "0")}/${d.ky_hieu}`,
      day(d.ngay),
      d.trich_yeu,
      d.nguoi_ky.map((s) => s.ho_ten).filter(Boolean).join(", "),
      d.so_trang,
      d.tep.map((f) => f.ten).join(", "),
    ]),
  );
  return workbookZip(wb);
}
