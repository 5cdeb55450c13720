/**
 * The province's own file, tinh.yaml at the workspace's top: which province and year the office
 * is gathering, the office's name, and the blocs it expects (a bloc listed that has sent nothing
 * is said). Read with source positions and checked by zod, like every data file.
 */
import { z } from "zod";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { readYamlSource } from "../load/read-source.ts";
import { validateWith } from "../validate/zod-issues.ts";
import { LegalBases } from "../schema/common.ts";
import { ParentBody } from "../schema/bloc.ts";

export const PROVINCE_FILE = "tinh.yaml";

export const ProvinceSettings = z.strictObject({
  tinh: z.string().min(1).describe("Tên tỉnh, đúng như tinh trong data/khoi.yaml của từng khối, ví dụ: Trà Vinh"),
  nam: z.number().int().min(2000).max(2100).describe("Năm thi đua đang tổng hợp, ví dụ: 2020"),
  co_quan: z.string().min(1).optional().describe("Cơ quan tổng hợp, ví dụ: Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh Trà Vinh"),
  khoi: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/))
    .optional()
    .describe("Các khối của tỉnh: tên thư mục trong khoi/, hoặc ký hiệu của Khối viết thường (k8) cho khối gửi tệp kết quả; khối có tên ở đây mà chưa có kết quả được báo là chưa gửi"),
  dia_danh: z.string().min(1).optional().describe("Địa danh ở dòng ngày tháng, mặc định cho khối không ghi dia_danh, ví dụ: Trà Vinh"),
  co_quan_chu_quan: ParentBody.optional().describe("Cơ quan chủ quản, mặc định cho khối không ghi co_quan_chu_quan, ví dụ: UBND TỈNH TRÀ VINH"),
  van_ban_phap_ly: LegalBases,
  co_quan_ban_hanh: z.array(z.string().min(1)).min(1).optional().describe("Tên cơ quan ban hành báo cáo tổng hợp, viết hoa, mỗi dòng một phần (mặc định: SỞ NỘI VỤ)"),
  ky_hieu: z.string().regex(/^[\p{L}\p{N}-]+$/u).optional().describe("Chữ viết tắt của cơ quan trong số văn bản, ví dụ: SNV (mặc định: SNV)"),
  kinh_gui: z.array(z.string().min(1)).optional().describe("Kính gửi của báo cáo tổng hợp (mặc định: Hội đồng Thi đua - Khen thưởng tỉnh)"),
  ky: z
    .strictObject({ chuc_vu: z.array(z.string().min(1)).min(1).describe("Các dòng chức vụ, ví dụ: [KT. GIÁM ĐỐC, PHÓ GIÁM ĐỐC]"), ho_ten: z.string().default("").describe("Họ và tên người ký") })
    .optional()
    .describe("Người ký báo cáo tổng hợp (mặc định: GIÁM ĐỐC, họ tên để trống)"),
});
export type ProvinceSettings = z.output<typeof ProvinceSettings>;

export async function readProvinceSettings(world: World, diags: Diagnostics): Promise<ProvinceSettings | undefined> {
  const src = await readYamlSource(world, PROVINCE_FILE, diags, undefined, "missing");
  return src ? validateWith(ProvinceSettings, src, diags) : undefined;
}
