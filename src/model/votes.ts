import { rankDescending } from "./rank.ts";

export interface Ballot {
  awardId: string;
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

export interface VoteOutcome {
  awardId: string;
  rows: VoteRow[];
  /** Units proposed: reached the threshold and fit in the quota. */
  proposed: string[];
  /** Units that reached the threshold and tie for the last place under the quota: not settled by the tool. */
  tiedAtQuota: string[];
}

/**
 * Applies the bloc's rules to one award's count. A unit reaches the threshold
 * when votes × den ≥ num × base (exact integers, no rounding). Among those,
 * the best by votes are proposed up to the quota; if the quota boundary falls
 * inside a group of equal votes, that group is reported as tied and none of it
 * is proposed.
 */
export function decideVotes(ballot: Ballot, rules: VoteRules): VoteOutcome {
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
