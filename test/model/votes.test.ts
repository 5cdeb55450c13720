import { describe, expect, it } from "vitest";
import { rankDescending, sumPoints } from "../../src/model/rank.ts";
import { decideVotes } from "../../src/model/votes.ts";

describe("rankDescending", () => {
  it("gives equal totals the same rank and skips the next", () => {
    expect(rankDescending([90, 95, 90, 80])).toEqual([2, 1, 2, 4]);
    expect(rankDescending([])).toEqual([]);
    expect(rankDescending([1, 1, 1])).toEqual([1, 1, 1]);
  });
  it("is not fooled by floating-point noise", () => {
    expect(rankDescending([0.1 + 0.2, 0.3])).toEqual([1, 1]);
    expect(sumPoints([0.1, 0.2])).toBe(0.3);
  });
});

const ballot = (votes: [string, number][]) => ({ awardId: "bk", issued: 9, received: 9, valid: 9, invalid: 0, votes: votes.map(([unitId, v]) => ({ unitId, votes: v })) });

describe("decideVotes", () => {
  const rules = { num: 2, den: 3, base: 10, quota: 2 };
  it("measures the threshold exactly against the base (2/3 of 10 needs 7)", () => {
    const out = decideVotes(ballot([["a", 7], ["b", 6], ["c", 9]]), rules);
    expect(out.rows.map((r) => [r.unitId, r.reachesThreshold, r.ratio])).toEqual([
      ["c", true, 0.9],
      ["a", true, 0.7],
      ["b", false, 0.6],
    ]);
    expect(out.proposed).toEqual(["c", "a"]);
    expect(out.tiedAtQuota).toEqual([]);
  });
  it("counts 2/3 of 9 present as exactly 6", () => {
    const out = decideVotes(ballot([["a", 6], ["b", 5]]), { ...rules, base: 9 });
    expect(out.proposed).toEqual(["a"]);
  });
  it("reports a tie at the quota boundary instead of choosing", () => {
    const out = decideVotes(ballot([["a", 9], ["b", 8], ["c", 8], ["d", 2]]), rules);
    expect(out.proposed).toEqual(["a"]);
    expect(out.tiedAtQuota).toEqual(["b", "c"]);
    expect(out.rows.map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });
  it("proposes ties that all fit within the quota", () => {
    const out = decideVotes(ballot([["a", 8], ["b", 8]]), rules);
    expect(out.proposed).toEqual(["a", "b"]);
    expect(out.tiedAtQuota).toEqual([]);
  });
  it("proposes nobody below the threshold, and nobody with a zero quota", () => {
    expect(decideVotes(ballot([["a", 3]]), rules).proposed).toEqual([]);
    expect(decideVotes(ballot([["a", 9]]), { ...rules, quota: 0 }).proposed).toEqual([]);
  });
});
