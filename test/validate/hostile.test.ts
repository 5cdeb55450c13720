import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { LIMITS } from "../../src/load/limits.ts";
import { checkProject } from "../../src/pipeline.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";
import { hostileCases } from "../helpers/hostile.ts";
import { errorsOf, expectLocated } from "../helpers/invariants.ts";

const enc = new TextEncoder();
const line = (d: { severity: string; pos: { file: string; line: number; column: number }; code: string }) => `${d.severity} ${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`;

describe("hostile files give located errors, quickly", () => {
  for (const c of hostileCases()) {
    it(c.name, async () => {
      const t0 = performance.now();
      const { diagnostics, documents } = await checkProject(fixtureWorld(undefined, c.files));
      expect(performance.now() - t0).toBeLessThan(3000);
      expect(errorsOf(diagnostics).map(line).sort()).toEqual(c.errors);
      expectLocated(diagnostics);
      expect(errorsOf(diagnostics).some((d) => formatDiagnostic(d, "vi").startsWith(`${c.names}:`))).toBe(true);
      expect(documents.length === 0 || errorsOf(diagnostics).length > 0).toBe(true);
    });
  }

  it("keeps __proto__ and constructor keys as plain data: nothing reaches Object.prototype", async () => {
    const c = hostileCases().find((x) => x.name === "proto-keys")!;
    await checkProject(fixtureWorld(undefined, c.files));
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });

  it("reports flow nesting deep enough to overflow the parser's stack once, as too deep", async () => {
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "data/khoi.yaml": enc.encode("a: " + "[".repeat(200_000) + "\n") }));
    expect(diagnostics.map((d) => [d.code, d.pos.file, d.pos.line])).toEqual([["yaml/too-deep", "data/khoi.yaml", 1]]);
  });

  it("enforces each documented limit with its code", async () => {
    const codes = async (files: Record<string, string | Uint8Array>) => errorsOf((await checkProject(fixtureWorld(undefined, files))).diagnostics).map((d) => d.code);
    // At the limit passes, one over fails.
    const yaml = (n: number) => "a: " + "[".repeat(n - 1) + "]".repeat(n - 1) + "\n";
    expect(await codes({ "data/2020/ket-qua/don-vi-x.yaml": yaml(LIMITS.maxDepth) })).not.toContain("yaml/too-deep");
    expect(await codes({ "data/2020/ket-qua/don-vi-x.yaml": yaml(LIMITS.maxDepth + 1) })).toContain("yaml/too-deep");
    // The anchored value counts as the first of its uses.
    const aliases = (n: number) => `a: &a x\nb: [${Array(n - 1).fill("*a").join(", ")}]\n`;
    expect(await codes({ "data/2020/ket-qua/don-vi-x.yaml": aliases(LIMITS.maxAliasCount) })).not.toContain("yaml/alias-limit");
    expect(await codes({ "data/2020/ket-qua/don-vi-x.yaml": aliases(LIMITS.maxAliasCount + 1) })).toContain("yaml/alias-limit");
    const text = (n: number) => `ngay: 2020-03-01\nghi_chu: ${"x".repeat(n)}\n`;
    expect(await codes({ "data/2020/dang-ky/don-vi-a.yaml": text(LIMITS.maxTextChars) })).not.toContain("limit/text-length");
    expect(await codes({ "data/2020/dang-ky/don-vi-a.yaml": text(LIMITS.maxTextChars + 1) })).toContain("limit/text-length");
    const big = (n: number) => "#".repeat(n - 1) + "\n";
    expect(await codes({ "data/2020/ket-qua/don-vi-x.yaml": big(LIMITS.maxFileBytes) })).not.toContain("file/too-large");
    expect(await codes({ "data/2020/ket-qua/don-vi-x.yaml": big(LIMITS.maxFileBytes + 1) })).toContain("file/too-large");
  });
});
