import { z } from "zod";

/** Longest id: unit ids become file names (dang-ky-<id>.docx), which file systems limit to 255 bytes. */
export const ID_MAX = 64;

/** Short ids for units, criteria and awards: lower case ASCII, digits and "-", at most ID_MAX characters. */
export const Id = z
  .string()
  .max(ID_MAX)
  .regex(/^[a-z0-9][a-z0-9-]*$/, { message: "id" })
  .describe(`Mã viết liền, chữ thường không dấu, số và dấu gạch ngang, tối đa ${ID_MAX} ký tự, ví dụ: so-y-te`);

/**
 * What an id field refers to, kept as `x-ref` in the generated JSON Schema: the schema
 * command (src/schema/editor-schema.ts) turns it into the project's own ids (an `enum` the
 * editor offers) and removes it.
 */
export type RefKind = "unit" | "criterion" | "award";
export const REF_KEY = "x-ref";

/**
 * Points given for one criterion, kept as `x-points` in the generated JSON Schema: the editor's
 * schema bounds them by the criterion's diem_toi_da (src/schema/editor-schema.ts) and removes it.
 */
export const POINTS_KEY = "x-points";

/** A unit's id, one of data/khoi.yaml. */
export const UnitRef = Id.meta({ [REF_KEY]: "unit" }).describe("Mã đơn vị trong data/khoi.yaml, ví dụ: so-y-te");
/** A criterion's id, one of the year's nam.yaml. */
export const CriterionRef = Id.meta({ [REF_KEY]: "criterion" }).describe("Mã tiêu chí trong nam.yaml, ví dụ: tc01");
/** An award's id, one of binh_bau.danh_hieu in the year's nam.yaml. */
export const AwardRef = Id.meta({ [REF_KEY]: "award" }).describe("Mã hình thức khen thưởng trong nam.yaml, ví dụ: co-thi-dua");

/** A calendar date written ISO style; checked for a real day. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "date" })
  .refine((s) => isRealDate(s), { message: "date" })
  .describe("Ngày theo dạng NNNN-TT-NN, ví dụ: 2020-02-05");

/** A calendar month written ISO style, 01 to 12. */
export const IsoMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: "month" })
  .describe("Tháng theo dạng NNNN-TT (TT từ 01 đến 12), ví dụ: 2020-07");

export const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "time" })
  .describe("Giờ theo dạng GG:PP, ví dụ: 08:00");

export const Text = z.string().trim().min(1, { message: "empty" });

/** Points: non-negative, at most two decimals. */
export const Points = z
  .number()
  .nonnegative()
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9, { message: "decimals" })
  .describe("Số điểm, không âm, tối đa 2 chữ số thập phân");

export const Count = z.number().int().nonnegative();

/** Document number in a series; absent or null leaves it blank for electronic issuance. */
export const DocNo = z
  .number()
  .int()
  .positive()
  .max(9999)
  .nullable()
  .optional()
  .describe("Số văn bản trong sổ của Khối; bỏ trống để văn thư cấp số khi ký số");

/** A document to pack for the document exchange on every build (src/edxml/). */
export const SendEdxml = z
  .boolean()
  .optional()
  .describe("true: mỗi lần lập văn bản (build) cũng lập gói edXML của văn bản này trong out/<năm>/edxml/ để gửi qua Trục liên thông (cần số, ngày và ma_dinh_danh; dùng bản .signed.pdf khi đã ký số)");

export const Signer = z
  .strictObject({
    quyen_han: z.enum(["TM.", "KT.", "TL.", "TUQ.", "Q."]).optional().describe("Quyền hạn ký: TM., KT., TL., TUQ., Q.; dòng chức vụ đầu tiên phải bắt đầu bằng quyền hạn này"),
    chuc_vu: z.array(Text).min(1).describe("Các dòng chức vụ, viết hoa, ví dụ: [TM. KHỐI 8, KHỐI TRƯỞNG]"),
    ho_ten: Text.describe("Họ và tên người ký"),
  })
  .describe("Người ký văn bản");

/** A Nơi nhận item that is not the "Lưu: ..." line, which the tool writes last from `luu` (see {@link Filing}). */
export const NOT_FILING_PATTERN = /^(?![Ll][Ưư][Uu]\s*:)/u;

/** A text folded for comparison: NFD without marks, đ as d, invisible (format) characters gone, lower case. */
function folded(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\p{Mn}\p{Cf}]/gu, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();
}

/**
 * The "Lưu" line however it is written: "Lưu: VT", "Luu: VT", "Lưu VT, VP", "– Lưu: VT", with a
 * decomposed ư or an invisible character before it. Not "Lưu trữ tỉnh" (an archive is a recipient).
 */
export function isFilingLine(s: string): boolean {
  // Whatever comes before the word (bullets, dashes, "1.", invisible characters) is no part of it.
  const original = s.normalize("NFKC").replace(/^\P{Script=Latin}+/u, "");
  const f = folded(original);
  // Letters proper: a modifier letter (ː) is a look-alike colon here.
  if (!/^luu(?![\p{Ll}\p{Lu}\p{Lt}\p{Lo}])/u.test(f)) return false;
  // "Lưu" alone, or followed by anything but a space and a word: ":", "-", ",", a look-alike colon.
  if (/^luu\s*($|[^\p{Ll}\p{Lu}\p{Lt}\p{Lo}\s])/u.test(f)) return true;
  const [, first = "", second = ""] = /^luu\s+([\p{L}\p{N}]+)(?:\s+([\p{L}\p{N}]+))?/u.exec(f) ?? [];
  const firstWritten = /^\S+\s+([\p{L}\p{N}]+)/u.exec(original)?.[1] ?? "";
  // "Lưu VT", "Lưu Văn thư", "Lưu hồ sơ", "Lưu VP" (an abbreviation in capitals); not "Lưu Văn A", a family name.
  return first === "vt" || `${first} ${second}` === "van thu" || `${first} ${second}` === "ho so" || /^[A-ZĐ]{2,}[A-ZĐ\d.]*$/u.test(firstWritten);
}

/** A drafting unit's abbreviation fit to follow "Lưu: VT,": not the "Lưu" line again, not VT (alone or in a list), ending in a letter, digit or bracket, nothing invisible. */
export function isDraftingUnit(s: string): boolean {
  const t = s.trim();
  const parts = folded(t).split(/[,;]/u).map((p) => p.trim());
  // The copies kept are so_ban's ("02b"), not part of the unit.
  return t !== "" && !isFilingLine(t) && !parts.includes("vt") && !parts.some((p) => /^\d+\s*b$/u.test(p)) && /[\p{L}\p{N})]$/u.test(t) && !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(s);
}

/** Not a "Lưu" line (isFilingLine): the regex for the editor, the full check for the tool. */
export const NotFiling = Text.regex(NOT_FILING_PATTERN, { message: "filing" }).refine((s) => !isFilingLine(s), { message: "filing" });


/**
 * `- Lưu: VT` unquoted is a one-key mapping to YAML: read back as the line it was typed as, so it
 * gets the "Lưu" message rather than "expected text, got an object".
 */
export const typedLine = (v: unknown): unknown => {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
  const entries = Object.entries(v);
  return entries.length === 1 && isFilingLine(`${entries[0]![0]}:`) ? `${entries[0]![0]}: ${String(entries[0]![1] ?? "")}` : v;
};

/** A Nơi nhận item: text that is not the "Lưu" line, typed quoted or not. */
export const RecipientItem = z.preprocess(typedLine, NotFiling);

export const Recipients = z
  .array(RecipientItem)
  .describe("Nơi nhận, mỗi dòng một nơi (dấu ; và . do công cụ thêm), không ghi dòng “Lưu: ...” (công cụ thêm từ luu); thay cho nơi nhận mặc định của mẫu");

/**
 * The last line of Nơi nhận, "Lưu: VT, <drafting unit>, <copies>." (Decree 30, Annex I): the
 * abbreviation of the unit (or section) that drafted the document and, when needed, how many
 * copies are kept. A document's value replaces its template's, which replaces the bloc's.
 */
export const Filing = z
  .strictObject({
    don_vi_soan_thao: Text.refine(isDraftingUnit, { message: "filing-unit" }).describe("Chữ viết tắt tên đơn vị (bộ phận) soạn thảo văn bản, ghi sau “Lưu: VT,”, ví dụ: VP; biên bản: Hồ sơ"),
    so_ban: z.number().int().positive().max(99).optional().describe("Số bản lưu, chỉ ghi khi cần, ví dụ: 2 (in là 02b)"),
  })
  .describe("Dòng cuối nơi nhận: “Lưu: VT, <đơn vị soạn thảo>, <số bản lưu>.”");
export type Filing = z.infer<typeof Filing>;

export function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[mo - 1]!;
}

/** A legal document the căn cứ lines cite, with the days it applies from and no longer applies from (khoi.yaml, tinh.yaml). */
export const LegalBasis = z
  .strictObject({
    so_hieu: Text.describe("Số, ký hiệu như ghi trong dòng căn cứ, ví dụ: 152/2025/NĐ-CP"),
    hieu_luc: IsoDate.optional().describe("Ngày có hiệu lực, ví dụ: 2025-07-01"),
    het_hieu_luc: IsoDate.optional().describe("Ngày hết hiệu lực (từ ngày này không còn áp dụng), ví dụ: 2027-03-01"),
  })
  .describe("Văn bản pháp lý được dẫn ở dòng căn cứ, với thời gian có hiệu lực");
export const LegalBases = z.array(LegalBasis).optional().describe("Các văn bản pháp lý dòng căn cứ dẫn và thời gian hiệu lực: văn bản dẫn căn cứ đã hết hiệu lực (hoặc chưa có hiệu lực) vào ngày của văn bản thì có cảnh báo ở đúng dòng đó");
