import type { Align, Block, Run, TableBlock, TableCell } from "../document/model.ts";
import { formatShortDate } from "../format/date.ts";
import { formatScore } from "../format/number.ts";
import type { YearModel } from "../model/types.ts";
import type { Registration } from "../schema/unit-files.ts";
import { midYearOf, yearFigures, type DeadlineFigures, type SentFigure } from "./figures.ts";
import { parseInline } from "./markup.ts";
import { tieNotes, voteSummary } from "./vote-text.ts";
import type { RoundVoteFigure, VoteFigures } from "./vote-figures.ts";

const cell = (text: string, align: Align = "left", runs?: Omit<Run, "text">): TableCell => ({ paragraphs: [[{ text, ...(runs ?? {}) }]], align });
/** A cell whose text may carry *italic* and **bold** marks (criterion texts do). */
const markedCell = (text: string): TableCell => ({ paragraphs: [parseInline(text)], align: "left" });
const head = (...titles: string[]) => ({ cells: titles.map((t) => cell(t, "center")) });

function table(columns: [number, Align][], header: string[], rows: TableCell[][], fontSize?: number): TableBlock {
  return {
    kind: "table",
    columns: columns.map(([width, align]) => ({ width, align })),
    headerRows: 1,
    rows: [head(...header), ...rows.map((cells) => ({ cells }))],
    ...(fontSize ? { fontSize } : {}),
  };
}

/** Registration: STT | Nội dung, tiêu chí | Chỉ tiêu đăng ký | Ghi chú. */
export function registrationTable(m: YearModel, r: Registration): Block[] {
  const byId = new Map(m.criteria.map((c, i) => [c.id, { c, i }]));
  const rows = r.chi_tieu.map((t, i) => [cell(String(i + 1), "center"), markedCell(byId.get(t.tieu_chi)?.c.text ?? t.tieu_chi), cell(t.chi_tieu), cell(t.ghi_chu ?? "")]);
  const header = ["STT", "Nội dung, tiêu chí", "Chỉ tiêu đăng ký", "Ghi chú"];
  // Widths follow the content (the arrangement measures it): a mostly empty Ghi chú gives its room to the targets.
  const t = table([[9, "center"], [36, "left"], [34, "left"], [21, "left"]], header, rows);
  t.columns[0]!.fixed = true;
  return [{ ...t, fitToContent: true }];
}

/**
 * Mid-year: STT | Đơn vị | Chỉ tiêu đăng ký | Kết quả 6 tháng | Tỷ lệ thực hiện bình quân.
 * "Kết quả" counts the targets at 50 % or more of the year's target; the average is
 * over the unit's targets. A note under the table says so.
 */
export function midYearTable(m: YearModel): Block[] {
  const rows: TableCell[][] = [];
  m.units.forEach((u) => {
    const sk = midYearOf(m, u);
    rows.push([
      cell(String(rows.length + 1), "center"),
      cell(u.name),
      cell(String(m.registrations.get(u.id)?.chi_tieu.length ?? 0), "center"),
      cell(sk ? `${sk.so_dat_50}/${sk.so_chi_tieu} đạt từ 50% trở lên` : "Chưa báo cáo", "center"),
      cell(sk?.ty_le_binh_quan_vn ?? "", "center"),
    ]);
  });
  return [
    table([[9, "center"], [35, "left"], [14, "center"], [25, "center"], [17, "center"]], ["STT", "Đơn vị", "Chỉ tiêu đăng ký", "Kết quả 6 tháng", "Tỷ lệ thực hiện bình quân"], rows),
    {
      kind: "paragraph",
      runs: [{ text: "Ghi chú: Kết quả 6 tháng là số chỉ tiêu đã thực hiện từ 50% kế hoạch năm trở lên; tỷ lệ thực hiện bình quân là trung bình tỷ lệ thực hiện các chỉ tiêu của đơn vị.", italic: true }],
    },
  ];
}

/** What the documents say where a member without year-end results would have its score. */
export const NO_RESULTS = "chưa có kết quả";

/**
 * Year-end score summary: STT | Đơn vị | Điểm chuẩn | Tự chấm | Khối chấm | Điểm cộng | Điểm trừ | Tổng | Xếp hạng.
 * A member without year-end results (m.unscored) is listed after the ranked units, "Chưa có kết quả"
 * across its score columns and no rank; the ranks are among the units with results, as a note under
 * the table says. (Validation makes such a member an error unless khoi.yaml allows it.)
 */
export function scoreTable(m: YearModel): Block[] {
  const ranked = m.scores.map((s, i) => [
    cell(String(i + 1), "center"),
    cell(m.unitById.get(s.unitId)?.name ?? s.unitId),
    cell(formatScore(s.maxTotal), "center"),
    cell(formatScore(s.selfTotal), "center"),
    cell(formatScore(s.verifiedTotal), "center"),
    cell(formatScore(s.bonus), "center"),
    cell(formatScore(s.penalty), "center"),
    cell(formatScore(s.total), "center", { bold: true }),
    cell(String(s.rank), "center"),
  ]);
  const unscored = m.unscored.map((id, i): TableCell[] => [
    cell(String(ranked.length + i + 1), "center"),
    cell(m.unitById.get(id)?.name ?? id),
    { ...cell(upperFirst(NO_RESULTS), "center"), colSpan: 6 },
    cell("", "center"),
  ]);
  const note: Block[] = m.unscored.length
    ? [
        {
          kind: "paragraph",
          runs: [{ text: `Ghi chú: đơn vị ${NO_RESULTS} tổng kết không được xếp hạng; xếp hạng tính trong số ${m.scores.length} đơn vị đã có kết quả.`, italic: true }],
        },
      ]
    : [];
  return [
    table(
      [[6, "center"], [34, "left"], [8, "center"], [8, "center"], [8, "center"], [8, "center"], [8, "center"], [9, "center"], [9, "center"]],
      ["STT", "Đơn vị", "Điểm chuẩn", "Tự chấm", "Khối chấm", "Điểm cộng", "Điểm trừ", "Tổng", "Xếp hạng"],
      [...ranked, ...unscored],
      12,
    ),
    ...note,
  ];
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Minutes, one round of an award: TT | Đơn vị | Số phiếu đồng ý | Tỷ lệ %, sorted by votes. */
export function voteTable(round: RoundVoteFigure): Block[] {
  const rows = round.ket_qua.map((r) => [cell(String(r.stt), "center"), cell(r.ten), cell(String(r.phieu), "center"), cell(r.ty_le_vn, "center")]);
  return [table([[8, "center"], [50, "left"], [24, "center"], [18, "center"]], ["TT", "Đơn vị", "Số phiếu đồng ý", "Tỷ lệ"], rows)];
}

/**
 * Proposal list: STT | Tên tập thể | Hình thức đề nghị | Ghi chú, with the
 * winners of a later round (their votes in each round); a tie left unsettled
 * is a note under the list, not a silent gap.
 */
export function proposalTable(m: YearModel, votes: VoteFigures): Block[] {
  const rows: TableCell[][] = [];
  for (const a of votes.danh_hieu) {
    for (const r of a.de_nghi) {
      const inRound = (l: RoundVoteFigure) => l.ket_qua.find((x) => x.ma === r.ma)?.phieu ?? 0;
      const counts = r.vong === 1 ? `${r.phieu} phiếu đồng ý` : a.lan_bo_phieu.filter((l) => l.vong <= r.vong).map((l) => `lần ${l.vong}: ${inRound(l)} phiếu đồng ý`).join("; ");
      const score = m.scores.find((s) => s.unitId === r.ma);
      rows.push([
        cell(String(rows.length + 1), "center"),
        cell(r.ten),
        cell(a.ten),
        // A unit without year-end results says so where its score would be (never a silent gap).
        cell(`${counts}; ${score ? `${formatScore(score.total)} điểm, xếp hạng ${score.rank}` : NO_RESULTS}`),
      ]);
    }
  }
  return [table([[9, "center"], [34, "left"], [30, "left"], [27, "left"]], ["STT", "Tên tập thể", "Hình thức đề nghị", "Ghi chú"], rows), ...tieNotes(m)];
}

/**
 * The units that sent a document late or not at all: STT | Đơn vị | Hạn gửi | Ngày gửi
 * ("Chưa gửi"); a sentence instead of an empty table when every unit sent it on time.
 */
export function lateTable(d: DeadlineFigures<SentFigure>): Block[] {
  const han = formatShortDate(d.han);
  const rows = [...d.tre_han.map((u) => ({ u, ngay: formatShortDate(u.ngay) })), ...d.chua_gui.map((u) => ({ u, ngay: "Chưa gửi" }))].map(({ u, ngay }, i) => [
    cell(String(i + 1), "center"),
    cell(u.ten),
    cell(han, "center"),
    cell(ngay, "center"),
  ]);
  if (!rows.length) return [{ kind: "paragraph", runs: [{ text: "Tất cả các đơn vị đã gửi đúng thời hạn." }] }];
  return [table([[9, "center"], [51, "left"], [20, "center"], [20, "center"]], ["STT", "Đơn vị", "Hạn gửi", "Ngày gửi"], rows)];
}

/** The names of the year's tables (docs/du-lieu.md): `phieu-<mã danh hiệu>` is one per award voted on. */
export const YEAR_TABLE_NAMES = ["tong-hop-diem", "ket-qua-6-thang", "phieu-<mã danh hiệu>", "phieu-<mã danh hiệu>-lan-<n>", "danh-sach-de-nghi", "ket-qua-binh-bau", "tre-han-dang-ky", "tre-han-so-ket", "tre-han-tong-ket"] as const;

/**
 * Every computed table of the year, by the name {{bang "name"}} takes: what any
 * report or minutes body may insert, whichever document computes it first.
 * Made fresh for each document (a document's blocks are its own).
 */
export function yearTables(m: YearModel): Map<string, Block[]> {
  const f = yearFigures(m);
  const votes = f.binh_bau;
  return new Map<string, Block[]>([
    ["tong-hop-diem", scoreTable(m)],
    ["ket-qua-6-thang", midYearTable(m)],
    ...votes.danh_hieu.flatMap((a) => a.lan_bo_phieu.map((r): [string, Block[]] => [r.bang, voteTable(r)])),
    ["danh-sach-de-nghi", proposalTable(m, votes)],
    ["ket-qua-binh-bau", voteSummary(m)],
    ["tre-han-dang-ky", lateTable(f.dang_ky)],
    ["tre-han-so-ket", lateTable(f.so_ket)],
    ["tre-han-tong-ket", lateTable(f.tong_ket)],
  ]);
}
