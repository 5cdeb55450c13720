/**
 * What each stage's form holds, shared by the generator (src/forms) and the
 * importer (src/import): the sheets, their single fields and their tables,
 * and the YAML path of every cell a unit fills.
 *
 * Every row of a sheet carries a key in column A (a field's key, a criterion's
 * id, or a list's key), so rows can be re-sorted, and empty rows added,
 * without losing what a value means. Values are in columns D, E, F.
 */
export type Stage = "dang-ky" | "so-ket" | "tong-ket";
export const STAGES: readonly Stage[] = ["dang-ky", "so-ket", "tong-ket"];

export type Kind = "text" | "number" | "int" | "date";
export type Path = readonly (string | number)[];

/** A value cell: its column, its heading, the field it fills in a row's YAML item (or the item itself for a list of texts). */
export interface Column {
  col: "D" | "E" | "F";
  header: string;
  field?: string;
  kind: Kind;
  required: boolean;
  /** Upper bound of a number: the criterion's maximum points, a cap of the year, or a fixed number. */
  max?: "criterion" | "diem_cong_toi_da" | "diem_tru_toi_da" | number;
  width: number;
  /** A percentage kept as the number of percent (67.7 for 67,7%): a cell typed 67,7% (0.677, percent format) means 67.7. */
  percent?: true;
  /**
   * Whose the cell is when it is not the unit's. "column": the bloc's own column (its review
   * score), never taken from a unit's form. "note": the unit's, except on a criterion the bloc
   * scored differently from the unit (khoi_cham ≠ tu_cham in the data), where the note is the
   * bloc's reason. Both are imported only from the bloc's own copy (import --khoi-cham).
   */
  bloc?: "column" | "note";
}

export interface FieldRow {
  key: string;
  label: string;
  /** Path below the stage's root. */
  path: Path;
  kind: Kind;
  required: boolean;
}

/** Rows of a YAML list: one per criterion (keyed by its id), or free rows keyed by `key`. */
export interface Table {
  rows: "criteria" | { key: string; label: string; emptyRows: number };
  path: Path;
  columns: Column[];
  /** The list's items are texts (danh_hieu_tap_the), not objects. */
  scalar?: boolean;
  /** Suggestions offered as a drop-down list (other text is allowed). */
  suggestions?: "collective-titles";
  /** An empty list is written only when the file has the key already (diem_cong: []). */
  optional?: boolean;
}

export interface SheetSpec {
  name: string;
  title: string;
  fields: FieldRow[];
  tables: Table[];
}

export interface StageSpec {
  stage: Stage;
  /** data/<year>/<folder>/<unit>.yaml */
  folder: "dang-ky" | "ket-qua";
  /** Path of the stage's part in that file ([] for the whole file). */
  root: Path;
  label: string;
  sheet: SheetSpec;
}

const adjustment = (key: "cong" | "tru"): Table => ({
  rows: { key, label: key === "cong" ? "Điểm cộng" : "Điểm trừ", emptyRows: 3 },
  path: [key === "cong" ? "diem_cong" : "diem_tru"],
  optional: true,
  columns: [
    { col: "D", header: "Số điểm", field: "diem", kind: "number", required: true, max: key === "cong" ? "diem_cong_toi_da" : "diem_tru_toi_da", width: 12 },
    { col: "E", header: "Lý do", field: "ly_do", kind: "text", required: true, width: 30 },
  ],
});

export const STAGE_SPECS: Record<Stage, StageSpec> = {
  "dang-ky": {
    stage: "dang-ky",
    folder: "dang-ky",
    root: [],
    label: "Đăng ký thi đua",
    sheet: {
      name: "Đăng ký",
      title: "BẢN ĐĂNG KÝ THI ĐUA",
      fields: [
        { key: "so", label: "Số văn bản đăng ký (để trống nếu chưa có số)", path: ["so"], kind: "int", required: false },
        { key: "ngay", label: "Ngày ký bản đăng ký (ngày/tháng/năm)", path: ["ngay"], kind: "date", required: true },
        { key: "lao_dong_tien_tien", label: "Số cá nhân đăng ký Lao động tiên tiến", path: ["ca_nhan", "lao_dong_tien_tien"], kind: "int", required: true },
        { key: "chien_si_thi_dua_co_so", label: "Số cá nhân đăng ký Chiến sĩ thi đua cơ sở", path: ["ca_nhan", "chien_si_thi_dua_co_so"], kind: "int", required: true },
        { key: "bang_khen", label: "Số cá nhân đề nghị Bằng khen (để trống là 0)", path: ["ca_nhan", "bang_khen"], kind: "int", required: false },
        { key: "luu", label: "Bộ phận soạn thảo, viết tắt, ghi sau “Lưu: VT,” ở nơi nhận (ví dụ: VP)", path: ["luu", "don_vi_soan_thao"], kind: "text", required: false },
      ],
      tables: [
        {
          rows: "criteria",
          path: ["chi_tieu"],
          columns: [
            { col: "D", header: "Chỉ tiêu đăng ký", field: "chi_tieu", kind: "text", required: true, width: 60 },
            { col: "E", header: "Ghi chú", field: "ghi_chu", kind: "text", required: false, width: 30 },
          ],
        },
        {
          rows: { key: "danh-hieu", label: "Danh hiệu, hình thức khen thưởng tập thể", emptyRows: 3 },
          path: ["danh_hieu_tap_the"],
          scalar: true,
          suggestions: "collective-titles",
          columns: [{ col: "D", header: "Danh hiệu đăng ký", kind: "text", required: true, width: 60 }],
        },
      ],
    },
  },
  "so-ket": {
    stage: "so-ket",
    folder: "ket-qua",
    root: ["so_ket"],
    label: "Sơ kết 6 tháng",
    sheet: {
      name: "Sơ kết",
      title: "KẾT QUẢ THI ĐUA 6 THÁNG ĐẦU",
      fields: [{ key: "ngay_gui", label: "Ngày gửi báo cáo sơ kết (ngày/tháng/năm)", path: ["ngay_gui"], kind: "date", required: true }],
      tables: [
        {
          rows: "criteria",
          path: ["ket_qua"],
          columns: [
            { col: "D", header: "Kết quả 6 tháng", field: "ket_qua", kind: "text", required: true, width: 60 },
            { col: "E", header: "Tỷ lệ đạt so với chỉ tiêu (%)", field: "ty_le", kind: "number", required: true, max: 1000, width: 14, percent: true },
          ],
        },
      ],
    },
  },
  "tong-ket": {
    stage: "tong-ket",
    folder: "ket-qua",
    root: ["tong_ket"],
    label: "Tổng kết, tự chấm điểm",
    sheet: {
      name: "Tự chấm",
      title: "BẢNG TỰ CHẤM ĐIỂM THI ĐUA",
      fields: [{ key: "ngay_gui", label: "Ngày gửi báo cáo tổng kết (ngày/tháng/năm)", path: ["ngay_gui"], kind: "date", required: true }],
      tables: [
        {
          rows: "criteria",
          path: ["diem"],
          columns: [
            { col: "D", header: "Điểm tự chấm", field: "tu_cham", kind: "number", required: true, max: "criterion", width: 12 },
            { col: "E", header: "Điểm Khối thẩm định (Khối điền)", field: "khoi_cham", kind: "number", required: true, max: "criterion", width: 14, bloc: "column" },
            { col: "F", header: "Minh chứng, ghi chú", field: "minh_chung", kind: "text", required: false, width: 50, bloc: "note" },
          ],
        },
        adjustment("cong"),
        adjustment("tru"),
      ],
    },
  },
};

export function isStage(s: string): s is Stage {
  return (STAGES as readonly string[]).includes(s);
}

/** out/<year>/bieu-mau/<unit>-<stage>.xlsx */
export function formFileName(unit: string, stage: Stage): string {
  return `${unit}-${stage}.xlsx`;
}

/** Column A keys of the single fields and list rows of a stage (criteria are keyed by their ids). */
export function fixedKeys(spec: StageSpec): Set<string> {
  const keys = new Set(spec.sheet.fields.map((f) => f.key));
  for (const t of spec.sheet.tables) if (t.rows !== "criteria") keys.add(t.rows.key);
  return keys;
}
