import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitIssuer } from "../../src/compose/parts.ts";

/** The first implementation, quadratic in the length of the name (kept as the reference for the result). */
function reference(name: string, maxChars = 26): string[] {
  if ([...name].length <= maxChars) return [name];
  const words = name.split(" ");
  let best: { score: number; lines: string[] } | undefined;
  for (let i = 1; i < words.length; i++) {
    const a = words.slice(0, i).join(" ");
    const b = words.slice(i).join(" ");
    let score = Math.max([...a].length, [...b].length);
    if (a.endsWith(",") || words[i] === "VÀ") score -= 4;
    if (a.endsWith("-") || b.startsWith("-")) score += 10;
    if (!best || score < best.score) best = { score, lines: [a, b] };
  }
  return best?.lines ?? [name];
}

describe("splitIssuer", () => {
  it("breaks a long name on two balanced lines, after a comma or before VÀ", () => {
    expect(splitIssuer("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH")).toEqual(["SỞ VĂN HÓA,", "THỂ THAO VÀ DU LỊCH"]);
    expect(splitIssuer("SỞ Y TẾ")).toEqual(["SỞ Y TẾ"]);
  });

  it("gives the same lines as the first implementation", () => {
    const word = fc.constantFrom("SỞ", "GIÁO", "DỤC", "VÀ", "ĐÀO", "TẠO,", "-", "KHOA-HỌC", "", "Ệ\u0301", "😀");
    fc.assert(
      fc.property(fc.array(word, { maxLength: 14 }), (words) => {
        const name = words.join(" ");
        expect(splitIssuer(name)).toEqual(reference(name));
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  // A 200 000-character name took minutes (a pasted paragraph in `ten`): the split is now linear.
  it("splits a very long name quickly", () => {
    const name = "SỞ GIÁO DỤC VÀ ĐÀO TẠO ".repeat(9000).trim();
    const t0 = performance.now();
    const lines = splitIssuer(name);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(lines.join(" ")).toBe(name);
  });
});
