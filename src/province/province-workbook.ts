/**
 * The province's view as a workbook for the office (tong-hop-<year>.xlsx): the blocs (leader,
 * deputy, units, documents issued, deadlines met, what is missing), the proposals award by
 * award with the bloc, votes and score, the units proposed twice and the blocs not sent.
 * Deterministic bytes, like every workbook of the tool.
 */
import { formatShortDate } from "../format/date.ts";
import { formatRatio } from "../format/number.ts";
import { sheet, tableWorkbook } from "../xlsx/table-sheet.ts";
import { workbookZip } from "../forms/deterministic-zip.ts";
import { lateDossier, type ProvinceView } from "./merge.ts";

const day = (d: string | null) => (d ? formatShortDate(d) : "");

export async function provinceWorkbook(v: ProvinceView): Promise<Uint8Array> {
  const wb = tableWorkbook(v.nam, `Tổng hợp kết quả thi đua các khối năm ${v.nam} – tỉnh ${v.tinh}`, `tinh ${v.tinh} ${v.nam} tong-hop v${v.phien_ban}`);
  sheet(
    wb,
    "Các khối",
    `TỔNG HỢP KẾT QUẢ THI ĐUA CÁC KHỐI NĂM ${v.nam}\nTỉnh ${v.tinh}`,
    [10, 40, 30, 30, 10, 50, 30, 40],
    ["Khối", "Tên khối", "Khối trưởng", "Khối phó", "Số đơn vị", "Văn bản đã ban hành", "Đúng hạn / trễ / chưa gửi", "Chưa xong"],
    v.khoi.map((b) => [
      b.ky_hieu,
      b.ten,
      b.khoi_truong,
      b.khoi_pho,
      b.so_don_vi,
      b.van_ban.map((d) => `${d.ten_loai} ${d.so === null ? "(chưa có số)" : `${String(d.so).padStart(2, "0")}/${d.ky_hieu}`}${d.ngay ? ` ngày ${day(d.ngay)}` : ""}`).join("\n"),
      b.thoi_han.map((t) => `${t.ten}: ${t.dung_han} / ${t.tre_han} / ${t.chua_nop}`).join("\n"),
      b.chua_xong.join("\n"),
    ]),
  );
  sheet(
    wb,
    "Đề nghị",
    `CÁC ĐƠN VỊ ĐƯỢC CÁC KHỐI ĐỀ NGHỊ KHEN THƯỞNG NĂM ${v.nam}`,
    [40, 12, 45, 10, 10, 12, 10],
    ["Hình thức", "Khối", "Đơn vị", "Số phiếu", "Tỷ lệ", "Tổng điểm", "Xếp hạng"],
    [...v.de_nghi]
      .sort((a, b) => (a.danh_hieu < b.danh_hieu ? -1 : a.danh_hieu > b.danh_hieu ? 1 : 0))
      .map((p) => [p.ten_danh_hieu, v.khoi.find((b) => b.ma === p.khoi)?.ky_hieu ?? p.khoi, p.ten_don_vi, p.so_phieu, formatRatio(p.ty_le), p.tong_diem, p.xep_hang]),
  );
  sheet(
    wb,
    "Cần xử lý",
    `CẦN XỬ LÝ TRƯỚC KHI TRÌNH KHEN THƯỞNG NĂM ${v.nam}`,
    [50, 70],
    ["Việc", "Chi tiết"],
    [
      ...v.de_nghi_trung.map((t) => ["Đơn vị được đề nghị hai lần", `${t.don_vi}: ${t.lan.map((l) => `${l.danh_hieu} (khối ${l.khoi})`).join(", ")}`]),
      ...v.chua_gui.map((id) => ["Khối chưa gửi kết quả", id]),
      ...v.khoi.filter(lateDossier).map((b) => ["Khối trình đề nghị sau hạn gửi hồ sơ", `${b.ky_hieu}: tờ trình ngày ${day(b.ho_so!.ngay)}, hạn ${day(b.ho_so!.han)}, trễ ${b.ho_so!.tre_ngay} ngày`]),
    ],
  );
  return workbookZip(wb);
}
