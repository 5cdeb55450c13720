import { rankDescending } from "./rank.ts";

export interface Ballot {
  awardId: string;
  /** 1 for the vote itself; 2 for a second ballot among the units tied at the quota in round 1, and so on. */
  round: number;
  issued: number;
  received: number;
  valid: number;
  invalid: number;
  votes: { unitId: string; votes: number }[];
}

export interface VoteRules {
  /** Threshold as a fraction, e.g. 2/3. */
  num: number;
  den: number;
  /** The number percentages and the threshold are measured against. */
  base: number;
  quota: number;
}

export interface VoteRow {
  unitId: string;
  votes: number;
  /** votes / base, 0..1. */
  ratio: number;
  rank: number;
  reachesThreshold: boolean;
  proposed: boolean;
}

/** One ballot of an award: the first vote, or a later one among the units tied before. */
export interface VoteRound {
  round: number;
  ballot: Ballot;
  /** The places this round fills: the quota in round 1, then what the rounds before left. */
  places: number;
  /** The units on this round's ballot: best first in round 1; in round 2 and after, the units tied before, in that round's order. */
  candidates: string[];
  /** This round's count; `proposed` says who this round proposes. */
  rows: VoteRow[];
  /** Proposed by this round (reached the threshold and fit in its places). */
  proposed: string[];
  /** Tied at the last of this round's places: settled only by a further round. */
  tiedAtQuota: string[];
}

export interface VoteOutcome {
  awardId: string;
  /** The number percentages and the threshold are measured against (the same in every round). */
  base: number;
  /** Round 1's count; `proposed` on a row says whether the unit is proposed in the end (by any round). */
  rows: VoteRow[];
  /** Units proposed, by all rounds: round 1's first, then each later round's. */
  proposed: string[];
  /** Units tied for the last place under the quota after the last round: not settled by the tool. */
  tiedAtQuota: string[];
  /** Every round counted, in order; round 1 first. */
  rounds: VoteRound[];
}

/** Why a later round's ballot is not counted (the validation reports it, located). */
export type RoundIssue =
  | { index: number; kind: "no-previous"; round: number; previous: number }
  | { index: number; kind: "no-tie"; round: number; previous: number }
  | { index: number; kind: "candidates"; round: number; previous: number; tied: string[]; extra: string[]; missing: string[] };

/**
 * The base of the ratio: all members, or those present, plus (when the bloc's
 * rules count them, binh_bau.tinh_y_kien_van_ban) the absent units' written opinions.
 */
export function voteBase(x: { basis: "thanh_vien" | "co_mat"; members: number; present: number; written: number; countWritten: boolean }): number {
  return x.basis === "thanh_vien" ? x.members : x.present + (x.countWritten ? x.written : 0);
}

/**
 * All rounds of one award (`ballots` of that award, in any order; `index`
 * in an issue is a position in it). Round 1 is decided as {@link decideVotes}.
 * Round n+1 is counted only when round n left a tie at the last place and its
 * candidates are exactly the tied units; it fills the places left (quota minus
 * those proposed so far) with its best that reach the threshold again, against
 * the same base. A tie in it stays a tie (a further round may settle it). A
 * ballot that breaks these rules is reported and not counted, nor any after it.
 */
export function decideAward(ballots: readonly Ballot[], rules: VoteRules): { outcome: VoteOutcome; issues: RoundIssue[] } {
  const order = ballots.map((b, index) => ({ b, index })).sort((x, y) => x.b.round - y.b.round);
  const issues: RoundIssue[] = [];
  const rounds: VoteRound[] = [];
  const proposed: string[] = [];
  for (const { b, index } of order) {
    const prev = rounds[rounds.length - 1];
    const expected = (prev?.round ?? 0) + 1;
    if (b.round < expected) continue; // the same round twice: reported as a duplicate entry
    if (b.round > expected) {
      issues.push({ index, kind: "no-previous", round: b.round, previous: b.round - 1 });
      break;
    }
    if (prev && !prev.tiedAtQuota.length) {
      issues.push({ index, kind: "no-tie", round: b.round, previous: prev.round });
      break;
    }
    if (prev) {
      const on = new Set(b.votes.map((v) => v.unitId));
      const tied = new Set(prev.tiedAtQuota);
      const extra = b.votes.map((v) => v.unitId).filter((id) => !tied.has(id));
      const missing = prev.tiedAtQuota.filter((id) => !on.has(id));
      if (extra.length || missing.length) {
        issues.push({ index, kind: "candidates", round: b.round, previous: prev.round, tied: [...prev.tiedAtQuota], extra, missing });
        break;
      }
    }
    const places = rules.quota - proposed.length;
    const o = decideVotes(b, { ...rules, quota: places });
    rounds.push({ round: b.round, ballot: b, places, candidates: prev ? [...prev.tiedAtQuota] : o.rows.map((r) => r.unitId), rows: o.rows, proposed: o.proposed, tiedAtQuota: o.tiedAtQuota });
    proposed.push(...o.proposed);
  }
  const final = new Set(proposed);
  const first = rounds[0];
  return {
    outcome: {
      awardId: ballots[0]?.awardId ?? "",
      base: rules.base,
      rows: (first?.rows ?? []).map((r) => ({ ...r, proposed: final.has(r.unitId) })),
      proposed,
      tiedAtQuota: rounds[rounds.length - 1]?.tiedAtQuota ?? [],
      rounds,
    },
    issues,
  };
}

/**
 * Applies the bloc's rules to one award's count. A unit reaches the threshold
 * when votes × den ≥ num × base (exact integers, no rounding). Among those,
 * the best by votes are proposed up to the quota; if the quota boundary falls
 * inside a group of equal votes, that group is reported as tied and none of it
 * is proposed.
 */
export function decideVotes(ballot: Pick<Ballot, "awardId" | "votes">, rules: VoteRules): Omit<VoteOutcome, "base" | "rounds"> {
  const sorted = [...ballot.votes].sort((a, b) => b.votes - a.votes);
  const ranks = rankDescending(sorted.map((v) => v.votes));
  const reaches = (v: number) => v * rules.den >= rules.num * rules.base && v > 0;
  const eligible = sorted.filter((v) => reaches(v.votes));
  let proposed: string[] = [];
  let tiedAtQuota: string[] = [];
  if (eligible.length <= rules.quota) proposed = eligible.map((v) => v.unitId);
  else {
    const boundary = eligible[rules.quota - 1]?.votes;
    const next = eligible[rules.quota]!.votes;
    if (rules.quota > 0 && boundary === next) {
      proposed = eligible.filter((v) => v.votes > boundary).map((v) => v.unitId);
      tiedAtQuota = eligible.filter((v) => v.votes === boundary).map((v) => v.unitId);
    } else proposed = eligible.slice(0, rules.quota).map((v) => v.unitId);
  }
  const set = new Set(proposed);
  return {
    awardId: ballot.awardId,
    rows: sorted.map((v, i) => ({
      unitId: v.unitId,
      votes: v.votes,
      ratio: rules.base > 0 ? v.votes / rules.base : 0,
      rank: ranks[i]!,
      reachesThreshold: reaches(v.votes),
      proposed: set.has(v.unitId),
    })),
    proposed,
    tiedAtQuota,
  };
}

/** The ballots a minutes' front matter records (phieu), as the model counts them. */
export function ballotsOf(phieu: readonly { danh_hieu: string; vong: number; phat_ra: number; thu_vao: number; hop_le: number; khong_hop_le: number; ket_qua: readonly { don_vi: string; dong_y: number }[] }[]): Ballot[] {
  return phieu.map((p) => ({
    awardId: p.danh_hieu,
    round: p.vong,
    issued: p.phat_ra,
    received: p.thu_vao,
    valid: p.hop_le,
    invalid: p.khong_hop_le,
    votes: p.ket_qua.map((k) => ({ unitId: k.don_vi, votes: k.dong_y })),
  }));
}
