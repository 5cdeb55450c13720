/**
 * What a process keeps and says again in a later run (a template's, a data file's, a check's
 * diagnostics in --watch) is said as copies, in order: a run that changes a diagnostic's place
 * or parameters changes its own, never the kept one.
 */
import { describe, expect, it } from "vitest";
import { copyOf, Diagnostics, type Diagnostic } from "../../src/diagnostics/diagnostic.ts";

describe("diagnostics said again", () => {
  it("are copies of the kept ones, in their order", () => {
    const said: Diagnostic[] = [
      { code: "yaml/duplicate-key", severity: "error", pos: { file: "data/khoi.yaml", line: 3, column: 1 }, params: { key: "ten" } },
      { code: "schema/unknown-key", severity: "warning", pos: { file: "templates/x.md", line: 2, column: 5, endLine: 2, endColumn: 9 }, params: { key: "y", n: 1 } },
    ];
    const run = new Diagnostics();
    run.repeat(said);
    expect(run.items).toEqual(said);
    for (let i = 0; i < said.length; i++) {
      expect(run.items[i]).not.toBe(said[i]);
      expect(run.items[i]!.pos).not.toBe(said[i]!.pos);
      expect(run.items[i]!.params).not.toBe(said[i]!.params);
    }
    run.items[0]!.pos.line = 99;
    expect(said[0]!.pos.line).toBe(3);
    expect(copyOf(said[1]!)).toEqual(said[1]);
  });
});
