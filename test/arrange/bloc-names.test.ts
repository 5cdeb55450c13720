/**
 * Every name in the header of every document of both example blocs (the
 * issuers, the member units, their parent bodies) as the arrangement breaks
 * it at the header's real column width: no compound split, no word alone on
 * a line, lines balanced.
 */
import { readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { arrangeDocument, Measurer } from "../../src/arrange/arrange.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { checkProject } from "../../src/pipeline.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { exampleWorld } from "../helpers/example.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { splitCompound } from "./agency-names.ts";

const style = readShellStyle(new Uint8Array(readFileSync(SHELL_PATH)));
const m = new Measurer(testFonts);

function secondBloc() {
  const data: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(FIXTURES, "kinh-te-ky-thuat", "data")))) data[`data/${k}`] = v;
  return memoryWorld({ ...repoTemplates(), ...data }, { outside: async (p) => new Uint8Array(await readFile(p)) });
}

/** Each distinct header name of a bloc's documents, as set: its lines and the style they are set in. */
async function headerNames(world: ReturnType<typeof exampleWorld>) {
  const checked = await checkProject(world);
  const names = new Map<string, { lines: string[]; column: number; kind: "issuer" | "parentBody" }>();
  for (const { doc } of checked.documents) {
    const h = arrangeDocument(doc, style, testFonts).header;
    const column = h.columns[0] - 2 * 2.85;
    names.set(`issuer ${h.issuer.join("/")}`, { lines: h.issuer, column, kind: "issuer" });
    if (h.parentBody.length) names.set(`parent ${h.parentBody.join("/")}`, { lines: h.parentBody, column, kind: "parentBody" });
  }
  return [...names.values()];
}

describe.each([
  ["the example bloc", exampleWorld],
  ["the second example bloc", secondBloc],
])("the header names of %s", async (_, world) => {
  const names = await headerNames(world());
  it("are many", () => expect(names.length).toBeGreaterThan(8));
  it.each(names.map((n) => [n.lines.join(" / "), n] as const))("%s: no compound split, no word alone, lines balanced and in the column", (_, n) => {
    const s = style.styles[n.kind];
    expect(splitCompound(n.lines)).toBeUndefined();
    const widths = n.lines.map((l) => m.width(l, s));
    for (const w of widths) expect(w).toBeLessThanOrEqual(n.column);
    if (n.lines.length > 1) {
      for (const l of n.lines) expect(l.split(" ").length).toBeGreaterThan(1);
      expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(0.4);
    }
  });
});

describe("a bloc's own compounds (khoi.yaml cum_tu_khong_tach)", () => {
  const NAME = "Trung tâm Văn hóa Nghệ thuật tỉnh";
  async function issuerOf(extra: string) {
    const world = exampleWorld();
    const yaml = new TextDecoder().decode(world.files.get("data/khoi.yaml")!).replace("ten: Sở Y tế\n", `ten: ${NAME}\n`) + extra;
    world.files.set("data/khoi.yaml", new TextEncoder().encode(yaml));
    const checked = await checkProject(world);
    const doc = checked.documents.find((d) => d.doc.stem === "dang-ky-so-y-te")!.doc;
    return arrangeDocument(doc, style, testFonts).header.issuer;
  }
  it("are kept whole in the header, besides the built-in ones", async () => {
    const without = await issuerOf("");
    expect(without.join(" ")).toBe("TRUNG TÂM VĂN HÓA NGHỆ THUẬT TỈNH");
    // Without the bloc's list, "VĂN HÓA / NGHỆ THUẬT" may break; with it, never.
    expect(without.some((l, i) => i > 0 && /^(NGHỆ|THUẬT)/.test(l))).toBe(true);
    const withList = await issuerOf("cum_tu_khong_tach: [Văn hóa Nghệ thuật]\n");
    expect(withList.join(" ")).toBe("TRUNG TÂM VĂN HÓA NGHỆ THUẬT TỈNH");
    expect(withList.some((l, i) => i > 0 && /^(NGHỆ|THUẬT)/.test(l))).toBe(false);
  });

  it("a single word or a compound written twice is an error at its entry", async () => {
    const world = exampleWorld();
    const yaml = new TextDecoder().decode(world.files.get("data/khoi.yaml")!) + "cum_tu_khong_tach:\n  - Văn hóa Nghệ thuật\n  - TràVinh\n  - văn hoá  nghệ thuật,\n";
    world.files.set("data/khoi.yaml", new TextEncoder().encode(yaml));
    const lines = yaml.split("\n");
    const errors = (await checkProject(world)).diagnostics.filter((d) => d.severity === "error");
    expect(errors.map((d) => [d.code, d.pos.file, d.pos.line])).toEqual([
      ["schema/format", "data/khoi.yaml", lines.indexOf("  - TràVinh") + 1],
    ]);
    world.files.set("data/khoi.yaml", new TextEncoder().encode(yaml.replace("  - TràVinh\n", "")));
    const dup = (await checkProject(world)).diagnostics.filter((d) => d.severity === "error");
    expect(dup.map((d) => [d.code, d.pos.line])).toEqual([["dup/entry", lines.indexOf("  - văn hoá  nghệ thuật,")]]);
  });
});
