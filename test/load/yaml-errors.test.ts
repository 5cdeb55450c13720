/**
 * One mistake in a YAML file, one message at its place, in Vietnamese with the fix (English with
 * --lang en): a tab in the indentation is one error, not six knock-ons with the parser's English.
 */
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { parseYamlSource } from "../../src/load/yaml-source.ts";

function errors(text: string) {
  const diags = new Diagnostics();
  parseYamlSource("data/x.yaml", text, diags);
  return diags.sorted().filter((d) => d.severity === "error");
}

const RESULTS = "so_ket:\n  ngay_gui: 2020-06-10\n  ket_qua:\n    - tieu_chi: tc01\n      ket_qua: Đạt\n      ty_le: 100\ntong_ket:\n  diem:\n    - tieu_chi: tc01\n      tu_cham: 20\n      khoi_cham: 20\n";

describe("a YAML mistake", () => {
  it("a tab in the indentation: one error, at the tab, naming it and the fix", () => {
    const e = errors(RESULTS.replace("  ngay_gui", "\tngay_gui"));
    expect(e.map((d) => [d.code, d.pos.line, d.pos.column])).toEqual([["yaml/tab", 2, 1]]);
    expect(formatDiagnostic(e[0]!, "vi")).toMatch(/Tab.*dấu cách/su);
  });

  it("a tab deeper in a list, after which the parser sees more: still one error, at the tab", () => {
    const e = errors(RESULTS.replace("      khoi_cham: 20", "    \t  khoi_cham: 20"));
    expect(e.map((d) => [d.code, d.pos.line])).toEqual([["yaml/tab", 11]]);
  });

  it("no space after a colon: the line as written and as it should be", () => {
    const e = errors(RESULTS.replace("khoi_cham: 20", "khoi_cham:9.5"));
    expect(e.map((d) => [d.code, d.pos.line])).toEqual([["yaml/colon-space", 11]]);
    expect(formatDiagnostic(e[0]!, "vi")).toContain("Viết “khoi_cham: 9.5”");
    expect(formatDiagnostic(e[0]!, "en")).toContain("Write “khoi_cham: 9.5”");
  });

  it("a backslash in double quotes, a bracket never closed, an item out of line: each named", () => {
    expect(errors('a: "C:\\path"\n').map((d) => d.code)).toEqual(["yaml/escape"]);
    expect(errors("a: [1, 2\nb: 3\n").map((d) => d.code)).toEqual(["yaml/unclosed"]);
    expect(errors("a:\n  b: 1\n c: 2\n").map((d) => d.code)).toEqual(["yaml/indent"]);
  });

  it("says it in Vietnamese only: the parser's English never inside a Vietnamese message", () => {
    for (const text of [RESULTS.replace("  ngay_gui", "\tngay_gui"), "- a\nb: 1\n", "a: b: c\n", 'a: "C:\\path"\n', "a:\n  b: 1\n c: 2\n"]) {
      const e = errors(text);
      expect(e.length, JSON.stringify(text)).toBe(1);
      expect(formatDiagnostic(e[0]!, "vi"), JSON.stringify(text)).not.toMatch(/\b(the|not|allowed|must|token|scalar|mapping|implicit|Unexpected|Nested)\b/iu);
    }
  });
});

describe("a file of many keys (the YAML library's own check of unique keys compares each with every one before it)", () => {
  const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join("\n");
  // 40,000 keys: half a megabyte. The library's check alone took 10–20 s on them.
  const timed = (text: string) => {
    const start = performance.now();
    const e = errors(text);
    return { e, ms: performance.now() - start };
  };

  it("a repeated key among them is said at the key, in seconds", () => {
    const { e, ms } = timed(`${keys(40_000)}\nk7: 2\n`);
    expect(e.map((d) => [d.code, d.pos.line, d.pos.column])).toEqual([["yaml/duplicate-key", 40_001, 1]]);
    expect(ms).toBeLessThan(5_000);
  });

  it("a bracket left open after them is said, in seconds", () => {
    const { e, ms } = timed(`${keys(40_000)}\nx: [\n`);
    expect(e.map((d) => d.code)).toEqual(["yaml/unclosed"]);
    expect(ms).toBeLessThan(5_000);
  });

  it("a repeated key in a small mapping is placed by the library's own check, as always", () => {
    // After a key with no value the library places the repeat at the end of the line before: kept as it was.
    const e = errors("a: 1\nb:\na: 2\n");
    expect(e.map((d) => [d.code, d.pos.line, d.pos.column])).toEqual([["yaml/duplicate-key", 2, 3]]);
  });
});
