import { describe, expect, it } from "vitest";
import { checkEdited } from "./edit-helper.ts";

const NAM = "data/2020/nam.yaml";

/** nam.yaml's vote rules: a threshold is a fraction in (0, 1], a quota is at least 1. */
describe("vote rules", () => {
  for (const [nguong, why] of [
    ["5/3", "above one"],
    ["1/0", "a zero denominator"],
    ["0/0", "nothing over nothing"],
    ["0/3", "a zero threshold"],
  ] as const) {
    it(`rejects nguong: ${nguong} (${why}) at the value`, async () => {
      const { lines, texts } = await checkEdited({ [NAM]: [["nguong: 2/3", `nguong: ${nguong}`]] });
      expect(lines).toEqual([`error ${NAM}:16:11 schema/format`]);
      expect(texts[0]).toContain("binh_bau.nguong");
      expect(texts[0]).toMatch(/lớn hơn 0 và không lớn hơn 1/);
      expect(texts[1]).toMatch(/above 0 and at most 1/);
    });
  }

  it("accepts 1/1 (unanimity), 1/2 and 3/0003 (leading zeros)", async () => {
    for (const nguong of ["1/1", "1/2", "3/0003"]) expect((await checkEdited({ [NAM]: [["nguong: 2/3", `nguong: ${nguong}`]] })).lines, nguong).toEqual([]);
  });

  it("rejects chi_tieu: 0 at the value", async () => {
    const { lines, texts } = await checkEdited({ [NAM]: [["chi_tieu: 1 }", "chi_tieu: 0 }"]] });
    expect(lines).toEqual([`error ${NAM}:19:77 schema/too-small`]);
    expect(texts[0]).toContain("binh_bau.danh_hieu[1].chi_tieu");
  });
});
