/**
 * Issue 14 item 3: a second ballot among the units tied at the last place of a
 * quota (phieu[].vong), and item 2: the base when written opinions count.
 */
import { describe, expect, it } from "vitest";
import { decideAward, voteBase, type Ballot } from "../../src/model/votes.ts";

const ballot = (round: number, votes: [string, number][], valid = 9): Ballot => ({
  awardId: "bk",
  round,
  issued: valid,
  received: valid,
  valid,
  invalid: 0,
  votes: votes.map(([unitId, v]) => ({ unitId, votes: v })),
});
// 2/3 of 9 needs 6; two places.
const rules = { num: 2, den: 3, base: 9, quota: 2 };
const tie = ballot(1, [["a", 9], ["b", 7], ["c", 7], ["d", 2]]);

describe("decideAward: rounds", () => {
  it("one round is today's outcome, with one round recorded", () => {
    const { outcome, issues } = decideAward([ballot(1, [["a", 9], ["b", 7], ["d", 2]])], rules);
    expect(issues).toEqual([]);
    expect(outcome.proposed).toEqual(["a", "b"]);
    expect(outcome.tiedAtQuota).toEqual([]);
    expect(outcome.base).toBe(9);
    expect(outcome.rounds.map((r) => [r.round, r.places, r.candidates, r.proposed])).toEqual([[1, 2, ["a", "b", "d"], ["a", "b"]]]);
  });

  it("a second round settles the tie: the place left goes to the best of round 2", () => {
    const { outcome, issues } = decideAward([tie, ballot(2, [["b", 3], ["c", 6]])], rules);
    expect(issues).toEqual([]);
    expect(outcome.proposed).toEqual(["a", "c"]);
    expect(outcome.tiedAtQuota).toEqual([]);
    expect(outcome.rounds.map((r) => [r.round, r.places, r.candidates, r.proposed, r.tiedAtQuota])).toEqual([
      [1, 2, ["a", "b", "c", "d"], ["a"], ["b", "c"]],
      [2, 1, ["b", "c"], ["c"], []],
    ]);
    // The first round's rows say who is proposed in the end.
    expect(outcome.rows.filter((r) => r.proposed).map((r) => r.unitId)).toEqual(["a", "c"]);
    expect(outcome.rounds[1]!.rows.map((r) => [r.unitId, r.votes, r.reachesThreshold, r.proposed])).toEqual([
      ["c", 6, true, true],
      ["b", 3, false, false],
    ]);
  });

  it("the threshold applies again in round 2: the best below it gets no place", () => {
    const { outcome } = decideAward([tie, ballot(2, [["b", 5], ["c", 4]])], rules);
    expect(outcome.proposed).toEqual(["a"]);
    expect(outcome.tiedAtQuota).toEqual([]);
  });

  it("round 2 may tie again: still tied (no one chosen), and a round 3 among them settles it", () => {
    const again = decideAward([tie, ballot(2, [["b", 7], ["c", 7]])], rules);
    expect(again.issues).toEqual([]);
    expect(again.outcome.proposed).toEqual(["a"]);
    expect(again.outcome.tiedAtQuota).toEqual(["b", "c"]);
    const third = decideAward([ballot(3, [["c", 8], ["b", 1]]), tie, ballot(2, [["b", 7], ["c", 7]])], rules);
    expect(third.issues).toEqual([]);
    expect(third.outcome.proposed).toEqual(["a", "c"]);
    expect(third.outcome.rounds.map((r) => r.round)).toEqual([1, 2, 3]);
  });

  it("round 2 with other units than the tied ones: an issue naming the extra and the missing units, no decision from it", () => {
    const { outcome, issues } = decideAward([tie, ballot(2, [["b", 8], ["d", 1]])], rules);
    expect(issues).toEqual([{ index: 1, kind: "candidates", round: 2, previous: 1, tied: ["b", "c"], extra: ["d"], missing: ["c"] }]);
    expect(outcome.proposed).toEqual(["a"]);
    expect(outcome.tiedAtQuota).toEqual(["b", "c"]);
    expect(outcome.rounds).toHaveLength(1);
  });

  it("round 2 without a tie in round 1: an issue", () => {
    const { outcome, issues } = decideAward([ballot(1, [["a", 9], ["b", 7], ["d", 2]]), ballot(2, [["b", 8], ["d", 1]])], rules);
    expect(issues).toEqual([{ index: 1, kind: "no-tie", round: 2, previous: 1 }]);
    expect(outcome.proposed).toEqual(["a", "b"]);
  });

  it("a round without the round before it: an issue (round 2 alone, or round 3 after round 1)", () => {
    expect(decideAward([ballot(2, [["b", 8]])], rules).issues).toEqual([{ index: 0, kind: "no-previous", round: 2, previous: 1 }]);
    expect(decideAward([tie, ballot(3, [["b", 8], ["c", 1]])], rules).issues).toEqual([{ index: 1, kind: "no-previous", round: 3, previous: 2 }]);
  });
});

describe("voteBase", () => {
  it("members, or those present plus the written opinions that count", () => {
    expect(voteBase({ basis: "thanh_vien", members: 10, present: 8, written: 1, countWritten: true })).toBe(10);
    expect(voteBase({ basis: "co_mat", members: 10, present: 8, written: 1, countWritten: true })).toBe(9);
    expect(voteBase({ basis: "co_mat", members: 10, present: 8, written: 1, countWritten: false })).toBe(8);
  });
});
