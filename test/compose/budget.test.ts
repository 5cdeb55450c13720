/**
 * Item 12: template expansion has a budget checked while it runs (steps:
 * block iterations and values; characters the blocks produce). Nine nested
 * {{#each}} end within seconds in a located limit/… error, never a hang.
 */
import { describe, expect, it } from "vitest";
import { renderTemplate } from "../../src/compose/handlebars.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";

const nested = (depth: number, list: string, inner: string) => `${`{{#each ${list}}}\n`.repeat(depth)}${inner}\n${"{{/each}}\n".repeat(depth)}`;

describe("the budget of a template expansion", () => {
  it("nine nested {{#each}} over 20 items stop in a limit/template-… error at the innermost block, in seconds", () => {
    const diags = new Diagnostics();
    const t0 = performance.now();
    const r = renderTemplate(nested(9, "@root.xs", "{{this}}"), { xs: Array.from({ length: 20 }, (_, i) => `x${i}`) }, { file: "templates/k.md", line: 5 }, diags);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r).toBeUndefined();
    const d = diags.sorted();
    // Steps or characters, whichever runs out first; at the innermost {{#each}} (line 5 + 8).
    expect(d.map((x) => `${x.pos.file}:${x.pos.line}:${x.pos.column} ${x.code}`)).toEqual([expect.stringMatching(/^templates\/k\.md:13:1 limit\/template-(steps|output)$/)]);
    expect(formatDiagnostic(d[0]!, "en")).toMatch(/^templates\/k\.md:13:1: error \[limit\/template-\w+\] Filling templates\/k\.md /);
  });

  it("many steps that produce little text stop in limit/template-steps", () => {
    const diags = new Diagnostics();
    const r = renderTemplate(nested(4, "@root.xs", ""), { xs: Array.from({ length: 40 }, (_, i) => i) }, { file: "templates/k.md", line: 1 }, diags);
    expect(r).toBeUndefined();
    expect(diags.sorted().map((x) => `${x.pos.line}:${x.pos.column} ${x.code}`)).toEqual(["4:1 limit/template-steps"]);
  });

  it("few iterations that produce too much text stop in limit/template-output", () => {
    const diags = new Diagnostics();
    const long = "Khối thi đua ".repeat(150);
    const t0 = performance.now();
    const r = renderTemplate(nested(3, "@root.xs", "{{@root.long}}"), { long, xs: Array.from({ length: 40 }, (_, i) => i) }, { file: "templates/k.md", line: 1 }, diags);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(r).toBeUndefined();
    expect(diags.sorted().map((x) => `${x.pos.line}:${x.pos.column} ${x.code}`)).toEqual(["3:1 limit/template-output"]);
  });

  it("the real templates stay far below it", async () => {
    const { diagnostics, documents } = await checkProject(fixtureWorld());
    expect(diagnostics).toEqual([]);
    expect(documents.length).toBeGreaterThan(0);
  });

  it("in a project: a template with nine nested loops over the units fails located, quickly", async () => {
    const khoi = new TextDecoder().decode(fixtureWorld().files.get("data/khoi.yaml")!);
    const more = Array.from({ length: 9 }, (_, i) => `  - { ma: dv-${i + 4}, ten: Đơn vị ${i + 4}, viet_tat: DV${i + 4}, thu_truong: { ho_ten: Nguyễn Văn ${i + 4}, chuc_vu: Giám đốc } }`);
    const plan = `---\nloai: KẾ HOẠCH\n---\n{{{noi_dung}}}\n${nested(9, "@root.don_vi", "{{ten}}")}`;
    const t0 = performance.now();
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "data/khoi.yaml": `${khoi.trimEnd()}\n${more.join("\n")}\n`, "templates/ke-hoach.md": plan }));
    expect(performance.now() - t0).toBeLessThan(10_000);
    const errors = diagnostics.filter((d) => d.severity === "error").map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`);
    expect(errors).toEqual([expect.stringMatching(/^templates\/ke-hoach\.md:13:1 limit\/template-(steps|output)$/)]);
  });
});
