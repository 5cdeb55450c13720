/** The parts of an embedded subset: ToUnicode ranges, the /W array, exact widths, CIDs in code point order. */
import { describe, expect, it } from "vitest";
import { buildEmbedding, widthArray } from "../../../src/pdf/emit/font-embedding.ts";
import { toUnicodeCMap } from "../../../src/pdf/emit/to-unicode.ts";
import { packageFontSet } from "./emit-helpers.ts";

describe("toUnicodeCMap", () => {
  it("writes consecutive CIDs of consecutive characters as one range, never across a high byte, the rest one by one", () => {
    const cmap = toUnicodeCMap([undefined, 0x20, 0x21, 0x22, 0x1ea0, 0xff, 0x100, 0x1f600]);
    expect(cmap).toContain("1 beginbfrange\n<0001> <0003> <0020>\nendbfrange");
    expect(cmap).toContain("4 beginbfchar\n<0004> <1EA0>\n<0005> <00FF>\n<0006> <0100>\n<0007> <D83DDE00>\nendbfchar");
  });

  it("keeps at most 100 entries in a block", () => {
    const cps: (number | undefined)[] = [undefined];
    for (let i = 0; i < 250; i++) cps.push(0x4e00 + 2 * i); // no two consecutive: all bfchar
    const cmap = toUnicodeCMap(cps);
    expect([...cmap.matchAll(/(\d+) beginbfchar/g)].map((m) => Number(m[1]))).toEqual([100, 100, 50]);
  });
});

describe("widthArray", () => {
  it("writes runs of three or more equal widths as c1 c2 w, the rest as lists", () => {
    expect(widthArray([250, 500, 500, 500, 333, 333])).toEqual([1, [250], 2, 4, 500, 5, [333, 333]]);
    expect(widthArray([1, 2])).toEqual([1, [1, 2]]);
  });
});

describe("buildEmbedding", () => {
  it("numbers glyphs in code point order from CID 1, with the font's exact advance widths", async () => {
    const fonts = await packageFontSet();
    const file = fonts.faces.regular[0]!;
    const e = await buildEmbedding(file, [..."Zaz A"].map((c) => c.codePointAt(0)!));
    expect([...e.codes]).toEqual([
      [0x20, "0001"],
      [0x41, "0002"],
      [0x5a, "0003"],
      [0x61, "0004"],
      [0x7a, "0005"],
    ]);
    const widths = (e.widths[1] as number[]).slice();
    expect(widths).toEqual([..." AZaz"].map((c) => file.advance(c.codePointAt(0)!) * 1000));
    expect(e.baseFont).toMatch(/^[A-Z]{6}\+Tinos-Regular$/);
  });
});
