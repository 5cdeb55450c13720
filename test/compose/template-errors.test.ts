/**
 * Item 6: a name a template uses but the data does not have is an error at
 * the expression, listing the names there: {{bang "typo"}}, {{lookup this "typo"}},
 * {{__proto__}}, {{constructor}}, a misspelt argument of a format helper.
 */
import { describe, expect, it } from "vitest";
import { renderTemplate } from "../../src/compose/handlebars.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { fixtureWorld, repoTemplates } from "../helpers/fixture-world.ts";

const ctx = { nam: 2020, khoi: { ten: "Khối 9", ten_ngan: "K9" }, don_vi: [{ ten: "Sở A" }], khach_moi: [] };

function render(text: string, tables: string[] = []) {
  const diags = new Diagnostics();
  const r = renderTemplate(text, ctx, { file: "templates/x.md", line: 10 }, diags, { tables: new Set(tables) });
  return { r, diags: diags.sorted(), line: (d: { pos: { file: string; line: number; column: number }; code: string }) => `${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}` };
}

describe("names a template uses that do not exist", () => {
  it("{{bang}} with a table the document does not have is an error listing its tables", () => {
    const { r, diags, line } = render('Mở đầu\n\n{{bang "chi-tieu-x"}}\n', ["chi-tieu"]);
    expect(r).toBeUndefined();
    expect(diags.map(line)).toEqual(["templates/x.md:12:1 template/unknown-table"]);
    expect(diags[0]!.params).toMatchObject({ name: "chi-tieu-x", known: "chi-tieu" });
    expect(formatDiagnostic(diags[0]!, "en")).toContain("This document's tables: chi-tieu");
  });

  it("a helper given the wrong number of values is an error at the call saying how to write it", () => {
    for (const [text, name, expected, got, usage] of [
      ["{{bang}}", "bang", 1, 0, '{{bang "ten-bang"}}'],
      ['{{bang "chi-tieu" "x"}}', "bang", 1, 2, '{{bang "ten-bang"}}'],
      ["{{phan_tram 1}}", "phan_tram", 2, 1, "{{phan_tram so_phieu co_so}}"],
      ["{{diem_vn}}", "diem_vn", 1, 0, "{{diem_vn diem}}"],
    ] as const) {
      const { r, diags, line } = render(`Mở đầu\n\n${text}\n`, ["chi-tieu"]);
      expect(r, text).toBeUndefined();
      expect(diags.map(line), text).toEqual(["templates/x.md:12:1 template/helper-args"]);
      expect(formatDiagnostic(diags[0]!, "vi"), text).toContain(`Hàm “${name}” cần ${expected} giá trị nhưng được đưa ${got}`);
      expect(formatDiagnostic(diags[0]!, "vi"), text).toContain(`Viết: ${usage}.`);
    }
  });

  it("{{bang}} with a known table still gives its marker line", () => {
    const { r, diags } = render('{{bang "chi-tieu"}}', ["chi-tieu"]);
    expect(diags).toEqual([]);
    expect(r!.text).toContain("\u0001table:chi-tieu\u0001");
  });

  it("{{lookup this \"typo\"}} is an error listing the closest names", () => {
    const { diags, line } = render('Năm {{nam}}\n{{lookup this "nma"}}');
    expect(diags.map(line)).toEqual(["templates/x.md:11:1 template/missing-value"]);
    expect(diags[0]!.params).toMatchObject({ name: "nma", known: "nam" });
    const inner = render('{{#with khoi}}{{lookup this "tne"}}{{/with}}');
    expect(inner.diags.map(inner.line)).toEqual(["templates/x.md:10:15 template/missing-value"]);
    expect(inner.diags[0]!.params).toMatchObject({ name: "tne", known: "ten" });
  });

  it("{{lookup}} of a name that exists gives its value", () => {
    const { r, diags } = render('{{lookup khoi "ten"}}');
    expect(diags).toEqual([]);
    expect(r!.text).toContain("Khối 9");
  });

  for (const name of ["__proto__", "constructor", "toString", "khoi.__proto__", "don_vi.map", "khoi.hasOwnProperty"]) {
    it(`{{${name}}} (inherited, not data) is a missing value, not an empty string`, () => {
      const { diags, line } = render(`a\n  {{${name}}}`);
      expect(diags.map(line)).toEqual(["templates/x.md:11:5 template/missing-value"]);
      expect(String(diags[0]!.params.known)).not.toBe("");
    });
  }

  it("a misspelt name lists the closest names of the object it was looked up in", () => {
    const { diags } = render("{{khoi.ten_ngn}}");
    expect(diags[0]!.params).toMatchObject({ name: "ten_ngn", known: "ten_ngan, ten" });
    const text = formatDiagnostic(diags[0]!, "vi");
    expect(text).toContain("ten_ngan, ten");
    expect(text).not.toContain("[object");
  });

  it("a misspelt argument of a format helper is a missing value (it printed as an empty string)", () => {
    const { diags, line } = render("{{hoa khoi.tenn}}");
    expect(diags.map(line)).toEqual(["templates/x.md:10:7 template/missing-value"]);
    expect(diags[0]!.params).toMatchObject({ name: "tenn" });
  });
});

describe("block helpers over a misspelt name", () => {
  it("{{#each}} and {{#with}} over a name the data does not have are errors, not an empty block", () => {
    for (const block of ["{{#each don_vii}}x{{/each}}", "{{#with khoii}}x{{/with}}"]) {
      const { diags, r } = render(block);
      expect(diags.map((d) => d.code), block).toEqual(["template/missing-value"]);
      expect(r).toBeUndefined();
    }
  });

  it("an {{#each}} inside an {{#if}} that is false is never looked up", () => {
    const { diags, r } = render("{{#if khach_moi.length}}{{#each khach_moi}}x{{/each}}{{/if}}ok");
    expect(diags).toEqual([]);
    expect(r?.text).toBe("ok");
  });
});

describe("in a project", () => {
  const dangKy = new TextDecoder().decode(repoTemplates()["templates/dang-ky.md"]!);

  it("an unknown table in a template is located at its line, for every unit", async () => {
    const bad = dangKy.replace('{{bang "chi-tieu"}}', '{{bang "chi-tieu-nam"}}');
    const line = bad.split("\n").findIndex((l) => l.includes("chi-tieu-nam")) + 1;
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "templates/dang-ky.md": bad }));
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`)).toEqual([`templates/dang-ky.md:${line}:1 template/unknown-table`]);
    expect(errors[0]!.params.known).toBe("chi-tieu");
  });

  it("a missing value in a front matter string of a template is located in that string", async () => {
    const bad = dangKy.replace('tieu_de: "Năm {{nam}}"', 'tieu_de: "Năm {{nma}}"');
    const line = bad.split("\n").findIndex((l) => l.includes("{{nma}}")) + 1;
    const col = bad.split("\n")[line - 1]!.indexOf("nma") + 1; // at the name, as Handlebars locates it
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "templates/dang-ky.md": bad }));
    const errors = diagnostics.filter((d) => d.severity === "error");
    expect([...new Set(errors.map((d) => `${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`))]).toEqual([`templates/dang-ky.md:${line}:${col} template/missing-value`]);
    expect(errors[0]!.params.known).toMatch(/^nam\b/);
  });

  it("a table in a data body that has none is located in the data file", async () => {
    const plan = new TextDecoder().decode(fixtureWorld().files.get("data/2020/ke-hoach.md")!);
    const { diagnostics } = await checkProject(fixtureWorld(undefined, { "data/2020/ke-hoach.md": plan + '\n{{bang "tong-hop-diem"}}\n' }));
    const lines = plan.split("\n").length;
    expect(diagnostics.filter((d) => d.severity === "error").map((d) => `${d.pos.file}:${d.pos.line} ${d.code} ${d.params.known}`)).toEqual([
      `data/2020/ke-hoach.md:${lines + 1} template/unknown-table —`,
    ]);
  });
});
