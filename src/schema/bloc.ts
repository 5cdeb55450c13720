import { z } from "zod";
import { phraseKey } from "../format/word-key.ts";
import { Filing, Id, LegalBases, Text } from "./common.ts";

/**
 * Cơ quan chủ quản: one line, several lines (each its own header line) or [] for none.
 * Absent on a unit: the bloc's applies.
 */
export const ParentBody = z
  .union([Text, z.array(Text).max(4)], { error: "parent-body" })
  .describe("Cơ quan chủ quản (dòng trên tên cơ quan ban hành, viết hoa, không đậm): một dòng, danh sách nhiều dòng, hoặc [] nếu không có");

/** A type code in a number line (KH, TTr, QyĐ): letters and digits, up to 12; "" for none. Never "/" or a space (docNumber refuses them). */
export const TypeCode = z.string().regex(/^[\p{L}\p{N}]{0,12}$/u, { message: "type-code" });

/** Mã định danh điện tử of an agency (QĐ 20/2020/QĐ-TTg), e.g. 000.00.00.G22; data, never a constant (they changed in 2025). */
export const OrganId = z
    .string()
    .regex(/^[0-9A-Z]{2,3}(\.[0-9A-Z]{2,3}){2,3}$/u, { message: "organ-id" });

export const Unit = z.strictObject({
  ma: Id.describe("Mã đơn vị, dùng trong tên tệp và khi tham chiếu, ví dụ: so-y-te"),
  ten: Text.describe("Tên đầy đủ, ví dụ: Sở Y tế"),
  ten_ngan: Text.optional().describe("Tên ngắn dùng trong bảng, ví dụ: Sở Y tế"),
  dong_ten: z
    .array(Text)
    .min(1)
    .max(4)
    .optional()
    .describe("Tên đơn vị ở đầu văn bản, mỗi dòng một mục, khi muốn tự chia dòng, ví dụ: [Sở Khoa học, và Công nghệ]"),
  viet_tat: z.string().regex(/^[A-ZĐ0-9]+$/u, { message: "code" }).describe("Chữ viết tắt dùng trong ký hiệu văn bản, ví dụ: SYT"),
  co_quan_chu_quan: ParentBody.optional().describe(
    "Cơ quan chủ quản của đơn vị ở đầu văn bản đơn vị ban hành (bản đăng ký): một dòng, ví dụ: KHO BẠC NHÀ NƯỚC; nhiều dòng, ví dụ: [NGÂN HÀNG NHÀ NƯỚC VIỆT NAM, CHI NHÁNH TỈNH TRÀ VINH]; [] nếu không có (chỉ ghi tên đơn vị). Bỏ trống: dùng cơ quan chủ quản của Khối",
  ),
  thu_truong: z.strictObject({
    ho_ten: Text.describe("Họ tên thủ trưởng"),
    chuc_vu: Text.describe("Chức vụ, ví dụ: Giám đốc"),
  }).describe("Thủ trưởng đơn vị (ký bản đăng ký)"),
  ma_dinh_danh: OrganId.optional().describe("Mã định danh điện tử của cơ quan trên Trục liên thông văn bản quốc gia, ví dụ: 000.00.31.H59 (đổi sau sắp xếp năm 2025: ghi theo mã hiện hành); cần để gửi văn bản bằng edXML"),
  nu_tu_70_phan_tram: z.boolean().optional().describe("Đơn vị có từ 70% nữ trở lên (được ưu tiên khi bằng điểm, bằng phiếu)"),
});

/** What a document type tells the bloc's schema of its code: its key in ma_loai_van_ban and its default. */
export interface TypeCodeEntry {
  typeCode: string;
  defaultCode: string;
}

/** ma_loai_van_ban: one key per code of the document types handed down, each with its default (Decree 30, Annex III). */
export function docTypeCodes(types: readonly TypeCodeEntry[]) {
  const first = new Map<string, string>();
  for (const t of types) if (!first.has(t.typeCode)) first.set(t.typeCode, t.defaultCode);
  const shape = Object.fromEntries([...first].map(([key, code]) => [key, TypeCode.default(code).describe(`Mã loại văn bản “${key}” (mặc định: ${code || "không có mã"})`)]));
  return z
    .strictObject(shape)
    .default(Object.fromEntries(first))
    .describe("Mã loại văn bản theo Phụ lục III Nghị định 30 (để trống nếu không có mã)");
}

const BlocBase = z
  .strictObject({
    ten: Text.describe("Tên đầy đủ của Khối, ví dụ: Khối thi đua các cơ quan Văn hóa – Xã hội tỉnh Trà Vinh"),
    ten_ngan: Text.describe("Tên ngắn dùng ở quyền hạn ký, ví dụ: Khối 8"),
    ky_hieu: z.string().regex(/^[A-ZĐ0-9]+$/u, { message: "code" }).describe("Ký hiệu của Khối trong số văn bản, ví dụ: K8"),
    tinh: Text.describe("Tên tỉnh, ví dụ: Trà Vinh"),
    dia_danh: Text.describe("Địa danh ghi ở dòng ngày tháng, ví dụ: Trà Vinh"),
    co_quan_chu_quan: ParentBody.optional().describe("Cơ quan chủ quản (dòng trên tên Khối), một dòng hoặc danh sách nhiều dòng, ví dụ: UBND TỈNH TRÀ VINH; cũng là mặc định cho đơn vị không ghi co_quan_chu_quan"),
    co_quan_ban_hanh: z.array(Text).min(1).describe("Các dòng tên cơ quan ban hành, viết hoa"),
    luu: Filing.optional().describe(
      "Dòng “Lưu: VT, <đơn vị soạn thảo>, <số bản lưu>.” mặc định cho văn bản của Khối: đơn vị soạn thảo là bộ phận của đơn vị Khối trưởng, ví dụ: { don_vi_soan_thao: VP }; văn bản ghi luu riêng thì dùng luu của văn bản. Bỏ trống: “Lưu: VT.”",
    ),
    so_van_ban: z
      .enum(["chung", "theo_loai"])
      .optional()
      .describe("Cách cấp số văn bản của Khối trong một năm (số bắt đầu từ 01 ngày 01 tháng 01): chung (mặc định) là một dãy số cho mọi loại văn bản; theo_loai là mỗi mã loại văn bản (KH, BC, ...) một dãy số"),
    don_vi: z.array(Unit).min(2).describe("Các đơn vị thành viên"),
    van_ban_phap_ly: LegalBases,
    co_quan_nhan: z
      .array(z.strictObject({ ten: Text.describe("Tên cơ quan như ghi ở Kính gửi hoặc Nơi nhận, ví dụ: Hội đồng Thi đua, Khen thưởng tỉnh Trà Vinh"), ma_dinh_danh: OrganId.describe("Mã định danh điện tử của cơ quan") }))
      .optional()
      .describe("Cơ quan ngoài Khối nhận văn bản của Khối qua Trục liên thông (edXML): tên và mã định danh điện tử"),
    cum_tu_khong_tach: z
      .array(Text.refine((c) => phraseKey(c).split(" ").length >= 2 && !/[\p{Cc}\p{Cf}]/u.test(c), { message: "compound" }))
      .optional()
      .describe(
        "Các cụm từ không được tách khi chia dòng tên cơ quan ở đầu văn bản, thêm vào các cụm có sẵn (NGÂN HÀNG NHÀ NƯỚC, KHO BẠC NHÀ NƯỚC, BẢO HIỂM XÃ HỘI, ỦY BAN NHÂN DÂN...), ví dụ: [Sơn La, Cửu Long]",
      ),
    cho_phep_chua_co_ket_qua: z
      .boolean()
      .optional()
      .describe(
        "Quy chế của Khối cho phép bình bầu, đề nghị khen thưởng, lập bảng xếp hạng khi có đơn vị chưa có kết quả tổng kết (mặc định false: là lỗi). true: văn bản ghi “chưa có kết quả” cho đơn vị đó, không xếp hạng đơn vị đó",
      ),
  })
  .describe("Khối thi đua: tên, địa danh, cơ quan ban hành và các đơn vị thành viên (tệp data/khoi.yaml)");

function makeBlocSchema(types: readonly TypeCodeEntry[]) {
  // In its place after co_quan_ban_hanh, as the editor lists the keys.
  const shape = Object.entries(BlocBase.shape).flatMap(([k, v]) => (k === "co_quan_ban_hanh" ? [[k, v], ["ma_loai_van_ban", docTypeCodes(types)]] : [[k, v]]));
  return z.strictObject(Object.fromEntries(shape) as typeof BlocBase.shape & { ma_loai_van_ban: ReturnType<typeof docTypeCodes> }).describe(BlocBase.description ?? "");
}

/** One schema per list of types: a run's check of khoi.yaml, kept in the process, is found again by it (validate/kept-validation.ts). */
const BLOC_SCHEMAS = new WeakMap<readonly TypeCodeEntry[], ReturnType<typeof makeBlocSchema>>();

/** The bloc's schema, its ma_loai_van_ban made of the codes of the document types handed down. */
export function blocSchema(types: readonly TypeCodeEntry[]): ReturnType<typeof makeBlocSchema> {
  let s = BLOC_SCHEMAS.get(types);
  if (!s) BLOC_SCHEMAS.set(types, (s = makeBlocSchema(types)));
  return s;
}

export type Bloc = z.infer<typeof BlocBase> & { ma_loai_van_ban: Record<string, string> };
export type Unit = z.infer<typeof Unit>;
