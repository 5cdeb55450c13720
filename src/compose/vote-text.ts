import type { Block } from "../document/model.ts";
import { formatPercent } from "../format/number.ts";
import type { VoteOutcome } from "../model/votes.ts";
import type { YearModel } from "../model/types.ts";

/**
 * The vote told in words, for the minutes, the proposal and the year-end report,
 * from the model's outcome (every round) only: the winners of a later round are
 * named with it, and a tie left unsettled is said, never dropped.
 */

const nameOf = (m: YearModel, id: string) => m.unitById.get(id)?.name ?? id;

/** "A, B và C". */
export function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} và ${items[items.length - 1]}`;
}

/** The round that proposed a unit (1 for round 1), undefined when not proposed. */
export function roundOf(v: VoteOutcome, id: string): number | undefined {
  return v.rounds.find((r) => r.proposed.includes(id))?.round;
}

/** A unit's votes in a round: "8/10 phiếu, đạt 80%". */
function share(v: VoteOutcome, round: number, id: string): string {
  const votes = v.rounds.find((r) => r.round === round)?.rows.find((r) => r.unitId === id)?.votes ?? 0;
  return `${votes}/${v.base} phiếu, đạt ${formatPercent(votes, v.base)}`;
}

/** The votes of a proposed unit: "8/10 phiếu, đạt 80%", or with each round when a later round proposed it. */
export function unitShare(v: VoteOutcome, id: string): string {
  const round = roundOf(v, id) ?? 1;
  if (round === 1) return share(v, 1, id);
  return v.rounds
    .filter((r) => r.round <= round)
    .map((r) => (r.round === 1 ? `lần 1: ${share(v, 1, id)}` : `bỏ phiếu lần ${r.round}: ${share(v, r.round, id)}`))
    .join("; ");
}

/** "các đơn vị A, B bằng phiếu ở vị trí cuối của chỉ tiêu (7/10 phiếu, đạt 70%[ ở lần bỏ phiếu 2])", or "" without a tie. */
export function tieText(m: YearModel, v: VoteOutcome): string {
  const last = v.rounds[v.rounds.length - 1];
  if (!last || !v.tiedAtQuota.length) return "";
  const at = last.round > 1 ? ` ở lần bỏ phiếu ${last.round}` : "";
  return `các đơn vị ${andList(v.tiedAtQuota.map((id) => nameOf(m, id)))} bằng phiếu ở vị trí cuối của chỉ tiêu (${share(v, last.round, v.tiedAtQuota[0]!)}${at})`;
}

/**
 * The year-end report's vote part (table "ket-qua-binh-bau"), one item per award:
 * "- Đề nghị tặng <award>: A (8/10 phiếu, đạt 80%) và B (7/10 phiếu, đạt 70%)."
 */
export function voteSummary(m: YearModel): Block[] {
  return m.votes.map((v) => {
    const award = m.awards.find((a) => a.id === v.awardId)?.name ?? v.awardId;
    const tie = tieText(m, v);
    const undecided = tie ? `${tie}; Khối sẽ xem xét, quyết định` : "";
    let text: string;
    if (v.proposed.length) {
      text = `- Đề nghị tặng ${award}: ${andList(v.proposed.map((id) => `${nameOf(m, id)} (${unitShare(v, id)})`))}.`;
      if (undecided) text += ` ${undecided[0]!.toUpperCase()}${undecided.slice(1)}.`;
    } else text = `- ${award}: ${undecided || "không có đơn vị đạt tỷ lệ phiếu đồng ý theo quy định"}.`;
    return { kind: "item", runs: [{ text }] };
  });
}

/** Under the proposal's list: the units tied at the quota, not in the list (none when every tie is settled). */
export function tieNotes(m: YearModel): Block[] {
  return m.votes
    .filter((v) => v.tiedAtQuota.length)
    .map((v) => {
      const award = m.awards.find((a) => a.id === v.awardId)?.name ?? v.awardId;
      const tie = tieText(m, v);
      return {
        kind: "paragraph",
        runs: [{ text: `Ghi chú: đối với ${award}, ${tie}, chưa có trong danh sách đề nghị; Khối sẽ xem xét, quyết định.`, italic: true }],
      };
    });
}
