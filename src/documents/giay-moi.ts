import { z } from "zod";
import { blocDocument } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { blocSigner } from "../compose/parts.ts";
import { formatDayMonthYear, formatTimeOfDay } from "../format/date.ts";
import { DocNo, Filing, IsoDate, Recipients, SendEdxml, Signer, Text, TimeOfDay } from "../schema/common.ts";
import { singleDoc } from "./types.ts";

/** The invitation's front matter (data/<year>/giay-moi.md); the body, if any, is inserted before the closing. */
export const InvitationFront = z
  .strictObject({
    so: DocNo,
    ngay: IsoDate.nullable().optional().describe("Ngày ký; bỏ trống để văn thư ghi khi ký số"),
    ky: Signer.optional().describe("Người ký (mặc định: thủ trưởng đơn vị Khối trưởng, ký TM. Khối)"),
    noi_nhan: Recipients.optional(),
    gui_edxml: SendEdxml,
    luu: Filing.optional().describe("Dòng “Lưu: VT, ...” của giấy mời, thay cho luu của mẫu và của Khối (data/khoi.yaml)"),
    trich_yeu: Text.optional().describe("Trích yếu, ví dụ: Họp tổng kết, bình xét thi đua năm 2020 của Khối 8 (mặc định: tieu_de của mẫu)"),
    kinh_gui: z.array(Text).optional().describe("Kính gửi (mặc định: thủ trưởng các đơn vị thành viên, theo mẫu)"),
    thoi_gian: z.strictObject({ ngay: IsoDate.describe("Ngày họp"), bat_dau: TimeOfDay.describe("Giờ bắt đầu") }).describe("Thời gian họp"),
    dia_diem: Text.describe("Địa điểm họp"),
    noi_dung_hop: z.array(Text).min(1).describe("Nội dung cuộc họp, mỗi dòng một nội dung"),
    thanh_phan: z.array(Text).min(1).describe("Thành phần mời, mỗi dòng một thành phần"),
    chuan_bi: z.array(Text).default([]).describe("Tài liệu đơn vị mang theo hoặc gửi trước"),
    lien_he: z
      .strictObject({ ho_ten: Text.describe("Họ và tên người liên hệ"), chuc_vu: Text.optional().describe("Chức vụ người liên hệ"), don_vi: Text.optional().describe("Phòng, bộ phận của người liên hệ"), dien_thoai: Text.describe("Số điện thoại") })
      .describe("Người liên hệ của đơn vị Khối trưởng"),
  })
  .describe("Giấy mời họp tổng kết, bình xét thi đua (tệp data/<năm>/giay-moi.md)");

const WEEKDAYS = ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

/** Giấy mời họp tổng kết, bình xét thi đua: by the bloc leader, to the heads of the member units. */
export const giayMoi = singleDoc({
  id: "giay-moi",
  stem: "giay-moi",
  template: "giay-moi",
  typeCode: "giay_moi",
  defaultCode: "GM",
  schema: InvitationFront,
  schemaName: "giay-moi",
  dependsOn: [],
  dates: { stage: "year-end", what: "Giấy mời", whatEn: "The invitation" },
  signers: (m, front) => [blocSigner(m, front.ky, "leader")],
  compose(input, signatures) {
    const { m, template, ctx, diags, data } = input;
    const p = data.front;
    const [y, mo, d] = p.thoi_gian.ngay.split("-").map(Number) as [number, number, number];
    const full = {
      ...ctx,
      ...p,
      gio: formatTimeOfDay(p.thoi_gian.bat_dau),
      thu: WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()]!,
      ngay_hop: formatDayMonthYear(p.thoi_gian.ngay),
    };
    const f = fill(template, full, diags, new Map(), data);
    if (!f) return undefined;
    return blocDocument(input, "Giấy mời", f, signatures);
  },
});
