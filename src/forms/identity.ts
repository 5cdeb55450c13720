import type { Stage } from "./stages.ts";

/**
 * A form says whose it is inside the workbook, not in its file name: a
 * hidden, protected sheet with one key and value a row (A and B). The import
 * reads these cells and names them in its errors.
 */
export const IDENTITY_SHEET = "Mã biểu mẫu";
/** Raised when the layout of a form changes so that an older form cannot be read the same way. */
export const FORM_VERSION = 1;

export interface FormIdentity {
  bloc: string;
  year: number;
  unit: string;
  stage: Stage;
  version: number;
}

/** The identity rows, in order: key in A, value in B, a Vietnamese explanation in C. */
export const IDENTITY_ROWS = [
  { key: "khoi", row: 1, label: "Ký hiệu của Khối" },
  { key: "nam", row: 2, label: "Năm thi đua" },
  { key: "don_vi", row: 3, label: "Mã đơn vị" },
  { key: "giai_doan", row: 4, label: "Giai đoạn (dang-ky, so-ket, tong-ket)" },
  { key: "phien_ban", row: 5, label: "Phiên bản biểu mẫu" },
] as const;

export type IdentityKey = (typeof IDENTITY_ROWS)[number]["key"];

export function identityCell(key: IdentityKey): string {
  return `B${IDENTITY_ROWS.find((r) => r.key === key)!.row}`;
}

export function identityValues(id: FormIdentity): Record<IdentityKey, string | number> {
  return { khoi: id.bloc, nam: id.year, don_vi: id.unit, giai_doan: id.stage, phien_ban: id.version };
}
