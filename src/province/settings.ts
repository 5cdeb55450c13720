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
import { inWindow, outOfWindow, windowOf } from "../validate/check-dates.ts";
import { checkUnique } from "../validate/year-context.ts";
import type { YamlSource } from "../load/yaml-source.ts";
import { LegalBases } from "../schema/common.ts";
import { ParentBody } from "../schema/bloc.ts";
import { IsoDate, Text } from "../schema/common.ts";
import { Year } from "../schema/year.ts";
import { BLOC_ID } from "./workspace.ts";

export const PROVINCE_FILE = "tinh.yaml";

export const ProvinceSettings = z.strictObject({
  tinh: z.string().min(1).describe("Tên tỉnh, đúng như tinh trong data/khoi.yaml của từng khối, ví dụ: Trà Vinh"),
  nam: z.number().int().min(2000).max(2100).describe("Năm thi đua đang tổng hợp, ví dụ: 2020"),
  co_quan: z.string().min(1).optional().describe("Cơ quan tổng hợp, ví dụ: Ban Thi đua - Khen thưởng, Sở Nội vụ tỉnh Trà Vinh"),
  khoi: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/))
    .optional()
    .describe("Các khối của tỉnh: tên thư mục trong khoi/, hoặc ký hiệu của Khối viết thường (k8) cho khối gửi tệp kết quả; khối có tên ở đây mà chưa có kết quả được báo là chưa gửi"),
  khoi_noi_khac: z
    .record(z.string().regex(BLOC_ID), z.string().min(1))
    .optional()
    .describe("Khối giữ dữ liệu ở thư mục khác (kho git riêng của khối): mã khối → thư mục của khối (thư mục có data/khoi.yaml), tương đối với thư mục của tỉnh hoặc tuyệt đối, ví dụ: { k9: ../khoi-9 }"),
  dia_danh: z.string().min(1).optional().describe("Địa danh ở dòng ngày tháng, mặc định cho khối không ghi dia_danh, ví dụ: Trà Vinh"),
  co_quan_chu_quan: ParentBody.optional().describe("Cơ quan chủ quản, mặc định cho khối không ghi co_quan_chu_quan, ví dụ: UBND TỈNH TRÀ VINH"),
  van_ban_phap_ly: LegalBases,
  binh_bau: Year.shape.binh_bau
    .partial()
    .optional()
    .describe("Quy tắc bình bầu mặc định của năm nam cho các khối (nguong, co_so, danh_hieu, tinh_y_kien_van_ban): khối ghi khóa nào trong binh_bau của data/<năm>/nam.yaml thì dùng khóa đó của khối"),
  moc_thoi_gian: Year.shape.moc_thoi_gian
    .partial()
    .optional()
    .describe("Các mốc thời gian mặc định của năm nam cho các khối (dang_ky, bao_cao_so_ket, so_ket_thang, bao_cao_tong_ket, tong_ket_thang): khối ghi mốc nào trong nam.yaml thì dùng mốc đó của khối"),
  can_cu: z
    .strictObject({
      ke_hoach: z.array(Text).min(1).optional().describe("Các dòng căn cứ của Kế hoạch thi đua (ke-hoach.md không ghi can_cu)"),
      to_trinh: z.array(Text).min(1).optional().describe("Các dòng căn cứ của Tờ trình đề nghị khen thưởng (to-trinh.md không ghi can_cu)"),
    })
    .optional()
    .describe("Dòng căn cứ mặc định cho văn bản của năm nam mà khối không ghi can_cu"),
  han_ho_so: IsoDate.optional().describe("Hạn các khối gửi hồ sơ đề nghị khen thưởng (tờ trình) về tỉnh, ví dụ: 2021-01-20: tờ trình ghi ngày sau hạn thì có cảnh báo, bảng tổng hợp ghi khối trễ hạn"),
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
  return (await readProvinceSource(world, diags))?.settings;
}

/** tinh.yaml read and checked, with where each of its values is (for messages about them found later). */
export async function readProvinceSource(world: World, diags: Diagnostics): Promise<{ settings: ProvinceSettings; at: YamlSource["locate"] } | undefined> {
  const src = await readYamlSource(world, PROVINCE_FILE, diags, undefined, "missing");
  const s = src ? validateWith(ProvinceSettings, src, diags) : undefined;
  if (!src || !s) return undefined;
  // The deadlines it gives the blocs are in their year, as a bloc's own must be: said here, at tinh.yaml's line.
  for (const [key, date, w, what, whatEn] of outOfWindow(s.nam, s.moc_thoi_gian ?? {}))
    diags.error("date/out-of-window", src.locate(["moc_thoi_gian", key]), { what, whatEn, date, year: s.nam, from: w.from, to: w.to });
  const due = windowOf(s.nam, "year-end");
  if (s.han_ho_so && !inWindow(s.han_ho_so, due))
    diags.error("date/out-of-window", src.locate(["han_ho_so"]), { what: "Hạn gửi hồ sơ (han_ho_so)", whatEn: "The deadline for dossiers (han_ho_so)", date: s.han_ho_so, year: s.nam, from: due.from, to: due.to });
  // A key the schema's record drops without a word (__proto__) is not a bloc's id either: said, never ignored.
  const given = (src.value as { khoi_noi_khac?: unknown }).khoi_noi_khac;
  if (given && typeof given === "object")
    for (const key of Object.keys(given)) if (!Object.hasOwn(s.khoi_noi_khac ?? {}, key)) diags.error("tinh/bad-bloc-id", src.locate(["khoi_noi_khac", key], "key"), { id: key.slice(0, 80) });
  // An award named twice in the vote rules given to every bloc: said here, not in each bloc's nam.yaml.
  checkUnique((s.binh_bau?.danh_hieu ?? []).map((a) => a.ma), src, (i) => ["binh_bau", "danh_hieu", i, "ma"], diags);
  return { settings: s, at: (path, where) => src.locate(path, where) };
}
