import { describe, expect, it } from "vitest";
import { Id, ID_MAX } from "../../src/schema/common.ts";
import { checkEdited } from "./edit-helper.ts";

/** Unit ids become file names (out/2020/dang-ky-<id>.docx): a 246-character id passed validate and failed writing with ENAMETOOLONG. */
describe("id length", () => {
  const long = "a".repeat(246);

  it("a unit id of 246 characters is a located error saying the limit", async () => {
    const { lines, texts } = await checkEdited({ "data/khoi.yaml": [["ma: don-vi-c", `ma: ${long}`]] });
    expect(lines).toEqual(["error data/khoi.yaml:17:9 schema/too-long"]);
    expect(texts[0]).toContain("don_vi[3].ma");
    expect(texts[0]).toContain("246");
    expect(texts[0]).toContain(String(ID_MAX));
    expect(texts[1]).toContain(`at most ${ID_MAX}`);
  });

  it("criteria and award ids too", async () => {
    const { lines } = await checkEdited({ "data/2020/nam.yaml": [["ma: co-thi-dua", `ma: ${long}`]] });
    expect(lines).toEqual(["error data/2020/nam.yaml:19:13 schema/too-long"]);
  });

  it(`${ID_MAX} characters pass, ${ID_MAX + 1} do not`, () => {
    expect(Id.safeParse("a".repeat(ID_MAX)).success).toBe(true);
    expect(Id.safeParse("a".repeat(ID_MAX + 1)).success).toBe(false);
    expect(ID_MAX).toBeLessThanOrEqual(64);
  });
});
