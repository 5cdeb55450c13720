/** The bundle's document information: what it is, and that it is a reading copy. */
import type { DocMeta } from "../document/model.ts";

/** A document's metadata without its date: the bundle's dates are those of its documents. */
export type BundleMeta = Omit<DocMeta, "date">;

/** What every bundle says of itself: a reading copy; the signed files are the documents. */
export const READING_COPY_VI = "Bản đọc: không có ô chữ ký số; văn bản có giá trị pháp lý là các tệp PDF đã ký số riêng";

/** "Hồ sơ thi đua năm 2020 – Khối 8". */
export function bundleMeta(year: number, blocShortName: string | undefined): BundleMeta {
  const bloc = blocShortName?.trim();
  return {
    title: `Hồ sơ thi đua năm ${year}${bloc ? ` – ${bloc}` : ""}`,
    subject: READING_COPY_VI,
    author: bloc ?? "",
    keywords: ["thi đua", ...(bloc ? [bloc] : []), String(year), "bản đọc, không có chữ ký số"],
    lang: "vi-VN",
  };
}
