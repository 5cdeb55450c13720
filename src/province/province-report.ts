/**
 * The province's report of its year (Báo cáo tổng hợp kết quả thi đua các khối), a document of
 * the model like every other, laid out by the one arrangement and drawn by both renderers: what
 * was received, what is proposed and what must be settled, with the summary tables as its
 * appendix (landscape). Number and date are left blank for the records office. Pure.
 */
import { formatRatio, formatScore } from "../format/number.ts";
import type { AdminDocument, Block, Run, TableCell } from "../document/model.ts";
import { formatPlaceDate, formatShortDate } from "../format/date.ts";
import { BLANK, docNumber, numberLine, punctuateList, upperVi } from "../format/text.ts";
import { lateDossier, type ProvinceView } from "./merge.ts";
import type { ProvinceSettings } from "./settings.ts";

const cell = (text: string, align?: TableCell["align"]): TableCell => ({ paragraphs: text.split("\n").map((t) => [{ text: t } as Run]), ...(align ? { align } : {}) });
const day = (d: string | null) => (d ? formatShortDate(d) : "");
const num = (n: number | null) => (n === null ? "" : formatScore(n));
const para = (text: string): Block => ({ kind: "paragraph", runs: [{ text }] });

/** The deadline for dossiers and the blocs that made their proposal after it. */
function dueText(v: ProvinceView, due: string): string {
  const late = v.khoi.filter(lateDossier);
  const sent = v.khoi.filter((b) => b.ho_so?.ngay).length;
  return `Hạn gửi hồ sơ đề nghị khen thưởng về tỉnh: ngày ${day(due)}; ${sent} khối đã trình${
    late.length ? `, ${late.length} khối trình sau hạn: ${late.map((b) => `${b.ten_ngan} (tờ trình ngày ${day(b.ho_so!.ngay)}, trễ ${b.ho_so!.tre_ngay} ngày)`).join("; ")}` : sent ? ", đều đúng hạn" : ""
  }.`;
}

export function provinceReport(v: ProvinceView, s: ProvinceSettings): AdminDocument {
  const code = s.ky_hieu ?? "SNV";
  const awards = [...new Map(v.de_nghi.map((p) => [p.danh_hieu, p.ten_danh_hieu])).entries()];
  const awardName = (id: string) => awards.find(([a]) => a === id)?.[1] ?? id;
  const blocName = (id: string) => v.khoi.find((b) => b.ma === id)?.ten_ngan ?? id;
  const latest = v.khoi.flatMap((b) => b.van_ban.map((d) => d.ngay)).filter((d): d is string => !!d).sort().at(-1) ?? `${v.nam + 1}-01-01`;
  const body: Block[] = [
    para(`Thực hiện công tác thi đua, khen thưởng năm ${v.nam}, ${s.co_quan ?? "Sở Nội vụ"} báo cáo tổng hợp kết quả thi đua của các khối thi đua trên địa bàn tỉnh ${v.tinh} như sau:`),
    { kind: "heading", level: 1, runs: [{ text: "I. TÌNH HÌNH NHẬN KẾT QUẢ CỦA CÁC KHỐI" }] },
    para(`Đã nhận kết quả của ${v.khoi.length} khối thi đua${v.khoi.length ? `: ${v.khoi.map((b) => b.ten_ngan).join(", ")}` : ""}.`),
    para(v.chua_gui.length ? `Chưa nhận kết quả của ${v.chua_gui.length} khối: ${v.chua_gui.join(", ")}.` : "Tất cả các khối đã gửi kết quả."),
    ...v.khoi.filter((b) => b.chua_xong.length).map((b) => para(`${b.ten_ngan} chưa hoàn thành: ${b.chua_xong.join("; ")}.`)),
    ...(v.han_ho_so ? [para(dueText(v, v.han_ho_so))] : []),
    { kind: "heading", level: 1, runs: [{ text: "II. KẾT QUẢ ĐỀ NGHỊ KHEN THƯỞNG" }] },
    ...(awards.length
      ? awards.map(([id, name]) => {
          const ps = v.de_nghi.filter((p) => p.danh_hieu === id);
          return { kind: "item", runs: [{ text: `- ${name}: ${ps.length} đơn vị (${ps.map((p) => `${p.ten_don_vi}, ${blocName(p.khoi)}`).join("; ")});` }] } as Block;
        })
      : [para("Chưa có khối nào đề nghị khen thưởng.")]),
    ...(v.de_nghi_trung.length
      ? [
          { kind: "heading", level: 1, runs: [{ text: "III. CẦN XỬ LÝ TRƯỚC KHI TRÌNH KHEN THƯỞNG" }] } as Block,
          ...v.de_nghi_trung.map((t) => ({ kind: "item", runs: [{ text: `- ${t.don_vi} được đề nghị hai lần: ${t.lan.map((l) => `${awardName(l.danh_hieu)} (${blocName(l.khoi)})`).join(", ")};` }] }) as Block),
        ]
      : []),
    para("Kết quả chi tiết của từng khối và danh sách đơn vị được đề nghị tại Phụ lục kèm theo."),
  ];
  const blocTable: Block = {
    kind: "table",
    columns: [{ width: 5, align: "center", fixed: true }, { width: 11 }, { width: 15 }, { width: 15 }, { width: 7, align: "center" }, { width: 23 }, { width: 24 }],
    headerRows: 1,
    rows: [
      { cells: ["STT", "Khối", "Khối trưởng", "Khối phó", "Số đơn vị", "Văn bản đã ban hành", "Đơn vị gửi đúng hạn / trễ hạn / chưa gửi"].map((t) => cell(t, "center")) },
      ...v.khoi.map((b, i) => ({
        cells: [
          cell(String(i + 1), "center"),
          cell(b.ten_ngan),
          cell(b.khoi_truong),
          cell(b.khoi_pho),
          cell(String(b.so_don_vi), "center"),
          cell(b.van_ban.map((d) => `${d.so === null ? "(chưa có số)" : `${String(d.so).padStart(2, "0")}/${d.ky_hieu}`}${d.ngay ? ` ngày ${day(d.ngay)}` : ""}`).join("\n")),
          // The three counts are not broken across lines (no-break spaces around the slashes).
          cell(b.thoi_han.map((t) => `${t.ten}: ${[t.dung_han, t.tre_han, t.chua_nop].join("\u00A0/\u00A0")}`).join("\n")),
        ],
      })),
    ],
  };
  const proposalTable: Block = {
    kind: "table",
    columns: [{ width: 5, align: "center", fixed: true }, { width: 26 }, { width: 12 }, { width: 31 }, { width: 8, align: "center" }, { width: 9, align: "center" }, { width: 9, align: "center" }],
    headerRows: 1,
    rows: [
      { cells: ["STT", "Hình thức", "Khối", "Đơn vị", "Số phiếu", "Tỷ lệ", "Tổng điểm"].map((t) => cell(t, "center")) },
      ...v.de_nghi.map((p, i) => ({ cells: [cell(String(i + 1), "center"), cell(p.ten_danh_hieu), cell(blocName(p.khoi)), cell(p.ten_don_vi), cell(String(p.so_phieu), "center"), cell(formatRatio(p.ty_le), "center"), cell(num(p.tong_diem), "center")] })),
    ],
  };
  const issuer = s.co_quan_ban_hanh ?? ["SỞ NỘI VỤ"];
  const attachedTo = `(Kèm theo Báo cáo số ${docNumber({ typeCode: "BC", issuerCode: code })} ngày ${BLANK} tháng ${BLANK} năm ${latest.slice(0, 4)})`;
  return {
    stem: `bao-cao-tong-hop-${v.nam}`,
    typeCode: "BC",
    meta: { title: `Báo cáo tổng hợp kết quả thi đua các khối năm ${v.nam}`, subject: `Tỉnh ${v.tinh}: ${v.khoi.length} khối, ${v.de_nghi.length} đơn vị được đề nghị`, author: issuer.join(" "), keywords: ["thi đua", "khen thưởng", String(v.nam)], lang: "vi-VN", date: latest },
    header: { parentBody: [upperVi(s.co_quan_chu_quan ? [s.co_quan_chu_quan].flat().join(" ") : `UBND TỈNH ${v.tinh}`)], issuer: issuer.map(upperVi), number: numberLine({ typeCode: "BC", issuerCode: code }), placeDate: formatPlaceDate(s.dia_danh ?? v.tinh, undefined, { year: Number(latest.slice(0, 4)) }) },
    title: { type: "BÁO CÁO", summary: [`Tổng hợp kết quả thi đua của các khối thi đua năm ${v.nam}`] },
    kinhGui: s.kinh_gui ?? [`Hội đồng Thi đua - Khen thưởng tỉnh ${v.tinh}`],
    body,
    signatureLayout: "single",
    signatures: [{ role: "signer", lines: (s.ky?.chuc_vu ?? ["GIÁM ĐỐC"]).map(upperVi), name: s.ky?.ho_ten ?? "" }],
    recipients: punctuateList(["- Như trên", "- Lưu: VT"]),
    appendices: [
      { label: "Phụ lục I", title: [`KẾT QUẢ CỦA CÁC KHỐI THI ĐUA NĂM ${v.nam}`], attachedTo, body: [blocTable], landscape: true },
      { label: "Phụ lục II", title: [`DANH SÁCH ĐƠN VỊ ĐƯỢC CÁC KHỐI ĐỀ NGHỊ KHEN THƯỞNG NĂM ${v.nam}`], attachedTo, body: [proposalTable], landscape: true },
    ],
  };
}
