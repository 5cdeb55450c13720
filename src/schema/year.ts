import { z } from "zod";
import { Count, Id, IsoDate, IsoMonth, Points, Text, UnitRef } from "./common.ts";

export const Criterion = z.strictObject({
  ma: Id.describe("Mã tiêu chí, ví dụ: tc01"),
  noi_dung: Text.describe("Nội dung thi đua, đúng như trong Kế hoạch"),
  diem_toi_da: Points.positive().describe("Điểm chuẩn (tối đa) của tiêu chí"),
});

export const Award = z.strictObject({
  ma: Id.describe("Mã hình thức, ví dụ: co-thi-dua"),
  ten: Text.describe("Tên hình thức khen thưởng, ví dụ: Cờ thi đua của Ủy ban nhân dân tỉnh"),
  chi_tieu: Count.min(1).describe("Số đơn vị tối đa được đề nghị, từ 1 trở lên"),
});

/** A share of the votes: numerator/denominator, above 0 and at most 1 (1/1 is unanimity). */
const Fraction = z
  .string()
  .regex(/^\d+\/\d+$/, { message: "fraction" })
  .refine((s) => isShare(s), { message: "fraction-range", abort: true })
  .describe("Tỷ lệ dạng tử/mẫu, lớn hơn 0 và không lớn hơn 1, ví dụ: 2/3");

function isShare(s: string): boolean {
  const [num, den] = s.split("/").map(Number) as [number, number];
  return num >= 1 && den >= 1 && num <= den;
}

export const Year = z
  .strictObject({
    nam: z.number().int().min(2000).max(2100).describe("Năm thi đua"),
    khoi_truong: UnitRef.describe("Mã đơn vị Khối trưởng năm nay"),
    khoi_pho: UnitRef.describe("Mã đơn vị Khối phó năm nay"),
    thanh_vien: z.array(UnitRef).optional().describe("Đơn vị thành viên theo quyết định thành lập (mặc định: tất cả đơn vị trong khoi.yaml)"),
    quyet_dinh_thanh_lap: Text.optional().describe("Quyết định thành lập hoặc kiện toàn Khối, ghi trong biên bản"),
    tieu_chi: z.array(Criterion).min(1).describe("Tiêu chí thi đua và thang điểm"),
    diem_cong_toi_da: Points.describe("Điểm cộng tối đa"),
    diem_tru_toi_da: Points.describe("Điểm trừ tối đa"),
    moc_thoi_gian: z
      .strictObject({
        dang_ky: IsoDate.describe("Hạn gửi đăng ký thi đua"),
        bao_cao_so_ket: IsoDate.describe("Hạn gửi báo cáo sơ kết 6 tháng"),
        so_ket_thang: IsoMonth.describe("Tháng tổ chức sơ kết, ví dụ: 2020-07"),
        bao_cao_tong_ket: IsoDate.describe("Hạn gửi báo cáo tổng kết và tự chấm điểm"),
        tong_ket_thang: IsoMonth.describe("Tháng tổ chức tổng kết, bình bầu"),
      })
      .describe("Các mốc thời gian trong Kế hoạch"),
    binh_bau: z
      .strictObject({
        nguong: Fraction.describe("Tỷ lệ phiếu đồng ý tối thiểu, ví dụ: 2/3"),
        co_so: z.enum(["thanh_vien", "co_mat"]).describe("Tính tỷ lệ trên tổng số thành viên (thanh_vien) hay số có mặt (co_mat)"),
        danh_hieu: z.array(Award).min(1).describe("Hình thức khen thưởng được bình bầu và chỉ tiêu"),
        tinh_y_kien_van_ban: z
          .boolean()
          .default(false)
          .describe(
            "Theo Quy chế của Khối, ý kiến bằng văn bản của đơn vị vắng mặt được tính như phiếu bầu (true) hay chỉ được ghi nhận, không tính vào kết quả (false, mặc định)",
          ),
      })
      .describe("Quy tắc bình bầu của Khối"),
  })
  .describe("Một năm thi đua của Khối (tệp data/<năm>/nam.yaml)");

export type Year = z.infer<typeof Year>;
