/** --year leaves out another year's warnings (its files, or its checks said at khoi.yaml); errors are always said. */
import { describe, expect, it } from "vitest";
import { ofYear } from "../../src/cli/commands.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";

const d = (severity: "error" | "warning", file: string, params: Record<string, string | number> = {}) => ({ severity, code: "x/y", pos: { file, line: 1, column: 1 }, params }) as unknown as Diagnostic;

describe("--year and the messages", () => {
  it("keeps the year's own and the project's, leaves out another year's warnings, keeps every error", () => {
    expect(ofYear(d("warning", "data/2020/dang-ky/a.yaml"), 2021, "data")).toBe(false);
    expect(ofYear(d("warning", "data/2021/dang-ky/a.yaml"), 2021, "data")).toBe(true);
    expect(ofYear(d("warning", "data/khoi.yaml", { year: "2020" }), 2021, "data")).toBe(false);
    expect(ofYear(d("warning", "data/khoi.yaml", { year: "2021" }), 2021, "data")).toBe(true);
    expect(ofYear(d("warning", "data/khoi.yaml"), 2021, "data")).toBe(true);
    expect(ofYear(d("error", "data/2020/nam.yaml"), 2021, "data")).toBe(true);
    expect(ofYear(d("warning", "du-lieu/2020/nam.yaml"), 2021, "du-lieu")).toBe(false);
    expect(ofYear(d("warning", "data/2020/nam.yaml"), undefined, "data")).toBe(true);
  });
});
