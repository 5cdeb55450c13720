import { z } from "zod";
import { AwardRef, Count, DocNo, Filing, IsoDate, Recipients, SendEdxml, Signer, Text, TimeOfDay, UnitRef } from "./common.ts";

const DocCommon = {
  so: DocNo,
  ngay: IsoDate.nullable().optional().describe("Ngày ký; bỏ trống để văn thư ghi khi ký số"),
  ky: Signer.optional().describe("Người ký (mặc định: thủ trưởng đơn vị Khối trưởng, ký TM. Khối)"),
  noi_nhan: Recipients.optional(),
  luu: Filing.optional().describe("Dòng “Lưu: VT, ...” của văn bản này, thay cho luu của mẫu và của Khối (data/khoi.yaml)"),
  gui_edxml: SendEdxml,
};

export const PlanFront = z
  .strictObject({
    ...DocCommon,
    trich_yeu: Text.optional().describe("Trích yếu, ví dụ: Tổ chức và phát động phong trào thi đua năm 2020 (mặc định: tieu_de của mẫu)"),
    can_cu: z.array(Text).default([]).describe("Các dòng căn cứ"),
  })
  .describe("Kế hoạch thi đua (tệp data/<năm>/ke-hoach.md)");

export const ReportFront = z
  .strictObject({
    ...DocCommon,
    trich_yeu: Text.optional().describe("Trích yếu của báo cáo (mặc định: tieu_de của mẫu)"),
    kinh_gui: z.array(Text).optional().describe("Kính gửi (mặc định: kinh_gui của mẫu)"),
  })
  .describe("Báo cáo sơ kết hoặc tổng kết (tệp data/<năm>/so-ket.md, tong-ket.md)");

const Person = z
  .strictObject({
    ho_ten: Text.describe("Họ và tên"),
    chuc_vu: Text.optional().describe("Chức vụ, không kèm tên đơn vị (công cụ tự thêm), ví dụ: Phó Giám đốc; không cần khi có chuc_danh"),
    don_vi: UnitRef,
    chuc_danh: Text.optional().describe(
      "Chức danh ghi đầy đủ, dùng nguyên văn thay cho “chức vụ + tên đơn vị”, ví dụ: Phó Trưởng Ban Quản lý các Khu công nghiệp tỉnh",
    ),
  })
  // One of the two says who the person is: chuc_vu (joined to the unit's name) or chuc_danh in full.
  .superRefine((p, ctx) => {
    if (p.chuc_vu === undefined && p.chuc_danh === undefined) ctx.addIssue({ code: "invalid_type", expected: "string", input: undefined, path: ["chuc_vu"] });
  });

const Absent = z.strictObject({
  don_vi: UnitRef,
  ly_do: Text.describe("Lý do vắng mặt"),
  y_kien_van_ban: z
    .boolean()
    .optional()
    .describe("Đơn vị vắng mặt có ý kiến bằng văn bản gửi Khối; có tính như phiếu bầu hay không theo binh_bau.tinh_y_kien_van_ban trong nam.yaml"),
});

export const MinutesFront = z
  .strictObject({
    so: DocNo,
    ngay: IsoDate.describe("Ngày họp"),
    bat_dau: TimeOfDay.describe("Giờ bắt đầu"),
    ket_thuc: TimeOfDay.describe("Giờ kết thúc"),
    dia_diem: Text.describe("Địa điểm họp"),
    chu_tri: Person.describe("Chủ trì (chủ tọa) cuộc họp"),
    thu_ky: Person.describe("Thư ký (người ghi biên bản)"),
    co_mat: z.array(Person).min(1).describe("Đại biểu các đơn vị có mặt"),
    vang_mat: z.array(Absent).default([]).describe("Đơn vị vắng mặt và lý do"),
    khach_moi: z.array(z.strictObject({ ho_ten: Text.describe("Họ và tên khách mời"), chuc_vu: Text.describe("Chức vụ và cơ quan của khách mời") })).default([]).describe("Khách mời"),
    ban_kiem_phieu: z
      .array(z.strictObject({ ho_ten: Text.describe("Họ và tên thành viên Ban kiểm phiếu"), don_vi: UnitRef, nhiem_vu: Text.describe("Trưởng ban, Thành viên...") }))
      .min(1)
      .describe("Ban kiểm phiếu"),
    phieu: z
      .array(
        z.strictObject({
          danh_hieu: AwardRef,
          vong: z
            .number()
            .int()
            .min(1)
            .default(1)
            .describe("Lần bỏ phiếu (mặc định 1); 2 là bỏ phiếu lại giữa các đơn vị bằng phiếu ở vị trí cuối của chỉ tiêu ở lần 1, 3 giữa các đơn vị còn bằng phiếu ở lần 2..."),
          phat_ra: Count.describe("Số phiếu phát ra"),
          thu_vao: Count.describe("Số phiếu thu vào"),
          hop_le: Count.describe("Số phiếu hợp lệ"),
          khong_hop_le: Count.describe("Số phiếu không hợp lệ"),
          ket_qua: z
            .array(z.strictObject({ don_vi: UnitRef, dong_y: Count.describe("Số phiếu đồng ý") }))
            .min(1)
            .describe("Số phiếu đồng ý của từng đơn vị được bầu ở lần bỏ phiếu này"),
        }),
      )
      .min(1)
      .describe("Kết quả kiểm phiếu theo từng hình thức"),
    khoi_truong_nam_sau: UnitRef.optional().describe("Mã đơn vị cuộc họp thống nhất đề nghị làm Khối trưởng năm sau, ví dụ: so-y-te (lệnh new-year dùng khi tạo năm mới)"),
    khoi_pho_nam_sau: UnitRef.optional().describe("Mã đơn vị cuộc họp thống nhất đề nghị làm Khối phó năm sau, ví dụ: so-gddt (lệnh new-year dùng khi tạo năm mới)"),
    trich_yeu: Text.optional().describe("Trích yếu của biên bản (mặc định: tieu_de của mẫu)"),
    noi_nhan: Recipients.optional(),
    luu: Filing.optional().describe("Dòng “Lưu: ...” của biên bản, thay cho luu của mẫu (Nghị định 30: Lưu: VT, Hồ sơ)"),
    gui_edxml: SendEdxml,
  })
  .describe("Biên bản họp bình bầu (tệp data/<năm>/bien-ban.md)");

export const ProposalFront = z
  .strictObject({
    ...DocCommon,
    trich_yeu: Text.optional().describe("Trích yếu (mặc định: tieu_de của mẫu)"),
    kinh_gui: z.array(Text).min(1).optional().describe("Kính gửi (mặc định: kinh_gui của mẫu; tờ trình phải có)"),
    can_cu: z.array(Text).default([]).describe("Các dòng căn cứ (luật, nghị định, quy định của tỉnh, kế hoạch, biên bản)"),
  })
  .describe("Tờ trình đề nghị khen thưởng (tệp data/<năm>/to-trinh.md)");

export type PlanFront = z.infer<typeof PlanFront>;
export type ReportFront = z.infer<typeof ReportFront>;
export type MinutesFront = z.infer<typeof MinutesFront>;
export type ProposalFront = z.infer<typeof ProposalFront>;
