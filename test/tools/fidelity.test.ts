import { describe, expect, it } from "vitest";
import { matchLines, pageStart } from "../../src/tools/fidelity.ts";

const w = (x: number, y: number, text: string) => ({ x, y, text });

describe("fidelity's page starts", () => {
  it("reads a page by position: top to bottom, left to right, after the page number in the top margin", () => {
    // A table's first row: the STT column's words come first in the content stream, below the header text of the next column.
    const words = [w(300, 40, "2"), w(100, 72, "STT"), w(100, 140, "5"), w(160, 72, "Nội"), w(180, 72.5, "dung,"), w(160, 88, "tiêu"), w(200, 72, "Chỉ")];
    expect(pageStart(words, 4)).toBe("STT Nội dung, Chỉ");
  });
  it("keeps a number that starts the text when it is not alone on the first line", () => {
    expect(pageStart([w(100, 60, "1."), w(120, 60, "Kết"), w(150, 60, "quả")], 3)).toBe("1. Kết quả");
  });
  it("counts the long lines found in order in the other rendering", () => {
    const long = "a line long enough to count as body text";
    expect(matchLines([long, "short", `${long}!`], [long, `${long}?`])).toEqual({ body: 2, same: 1 });
  });
});
