import { z } from "zod";
import { Count, CriterionRef, DocNo, Filing, IsoDate, Points, POINTS_KEY, SendEdxml, Text } from "./common.ts";

export const Registration = z
  .strictObject({
    so: DocNo,
    ngay: IsoDate.describe("Ngày ký bản đăng ký"),
    chi_tieu: z
      .array(
        z.strictObject({
          tieu_chi: CriterionRef,
          chi_tieu: Text.describe("Chỉ tiêu đơn vị đăng ký"),
          ghi_chu: z.string().optional().describe("Ghi chú cho chỉ tiêu (không bắt buộc)"),
        }),
      )
      .min(1)
      .describe("Chỉ tiêu đơn vị đăng ký cho từng tiêu chí của nam.yaml"),
    danh_hieu_tap_the: z.array(Text).describe("Danh hiệu, hình thức khen thưởng tập thể đăng ký"),
    ca_nhan: z
      .strictObject({
        lao_dong_tien_tien: Count.describe("Số cá nhân đăng ký Lao động tiên tiến"),
        chien_si_thi_dua_co_so: Count.describe("Số cá nhân đăng ký Chiến sĩ thi đua cơ sở"),
        bang_khen: Count.default(0).describe("Số cá nhân đề nghị Bằng khen"),
      })
      .describe("Danh hiệu cá nhân đăng ký (số người)"),
    luu: Filing.optional().describe("Dòng “Lưu: VT, <bộ phận soạn thảo của đơn vị>, <số bản lưu>.” của bản đăng ký, ví dụ: { don_vi_soan_thao: VP }; bỏ trống: “Lưu: VT.”"),
    gui_edxml: SendEdxml,
  })
  .describe("Bản đăng ký thi đua của một đơn vị (tệp data/<năm>/dang-ky/<mã đơn vị>.yaml)");

const Adjustment = z.strictObject({
  diem: Points.describe("Số điểm cộng hoặc trừ, không âm, tối đa 2 chữ số thập phân"),
  ly_do: Text.describe("Lý do cộng/trừ điểm"),
});

export const Results = z
  .strictObject({
    so_ket: z
      .strictObject({
        ngay_gui: IsoDate.describe("Ngày đơn vị gửi báo cáo sơ kết"),
        ket_qua: z
          .array(
            z.strictObject({
              tieu_chi: CriterionRef,
              ket_qua: Text.describe("Kết quả 6 tháng"),
              ty_le: z.number().min(0).max(1000).describe("Tỷ lệ đạt so với chỉ tiêu (%)"),
            }),
          )
          .min(1)
          .describe("Kết quả 6 tháng theo từng tiêu chí"),
      })
      .optional()
      .describe("Kết quả 6 tháng đầu năm"),
    tong_ket: z
      .strictObject({
        ngay_gui: IsoDate.describe("Ngày đơn vị gửi báo cáo tổng kết và tự chấm điểm"),
        diem: z
          .array(
            z.strictObject({
              tieu_chi: CriterionRef,
              tu_cham: Points.meta({ [POINTS_KEY]: true }).describe("Điểm đơn vị tự chấm cho tiêu chí, từ 0 đến điểm tối đa của tiêu chí (diem_toi_da trong nam.yaml)"),
              khoi_cham: Points.meta({ [POINTS_KEY]: true }).describe("Điểm Khối thẩm định cho tiêu chí, từ 0 đến điểm tối đa của tiêu chí (diem_toi_da trong nam.yaml)"),
              minh_chung: z.string().optional().describe("Ghi chú, minh chứng"),
            }),
          )
          .min(1)
          .describe("Điểm tự chấm và điểm Khối chấm theo từng tiêu chí"),
        diem_cong: z.array(Adjustment).default([]).describe("Điểm cộng, mỗi mục một lý do (tổng không quá diem_cong_toi_da trong nam.yaml)"),
        diem_tru: z.array(Adjustment).default([]).describe("Điểm trừ, mỗi mục một lý do (tổng không quá diem_tru_toi_da trong nam.yaml)"),
      })
      .optional()
      .describe("Chấm điểm cuối năm"),
  })
  .describe("Kết quả của một đơn vị (tệp data/<năm>/ket-qua/<mã đơn vị>.yaml)");

export type Registration = z.infer<typeof Registration>;
export type Results = z.infer<typeof Results>;
