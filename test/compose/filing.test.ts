/**
 * The last line of Nơi nhận, "- Lưu: VT, <drafting unit>, <copies>." (Decree 30): the document's
 * luu, else its template's, else the bloc's (khoi.yaml); a unit's registration takes its own or
 * none, never the bloc's (the leader's office did not draft it). A "Lưu" line written among the
 * recipients is an error located at it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import type { AdminDocument } from "../../src/document/model.ts";
import { checkProject } from "../../src/pipeline.ts";
import { isDraftingUnit, isFilingLine } from "../../src/schema/common.ts";
import { jsonSchemas } from "../../src/schema/json-schema.ts";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

const read = (path: string) => readFileSync(`${REPO}${path}`, "utf8");
const khoi = read("data/khoi.yaml");
const plan = read("data/2020/ke-hoach.md");
const BLOC_LUU = "luu: { don_vi_soan_thao: VP }\n";

async function check(files: Record<string, string>): Promise<{ docs: Map<string, AdminDocument>; errors: Diagnostic[] }> {
  const checked = await checkProject(exampleWorld(files));
  return { docs: new Map(checked.documents.map(({ doc }) => [doc.stem, doc])), errors: checked.diagnostics.filter((d) => d.severity === "error") };
}

const last = (doc: AdminDocument | undefined) => doc?.recipients?.at(-1);

describe("the Lưu line of the example", async () => {
  const { docs, errors } = await check({});

  it("ends every document's Nơi nhận, with a drafting unit, once", () => {
    expect(errors).toEqual([]);
    expect(docs.size).toBeGreaterThan(10);
    for (const [stem, doc] of docs) {
      const lines = doc.recipients ?? [];
      expect(lines.filter((l) => l.startsWith("- Lưu:")), stem).toEqual([lines.at(-1)]);
      expect(lines.at(-1), stem).toMatch(/^- Lưu: VT, \S.*\.$/u);
    }
  });

  it("takes the bloc's default, the minutes' template, the proposal's and each registration's own value", () => {
    expect(last(docs.get("ke-hoach"))).toBe("- Lưu: VT, VP.");
    expect(last(docs.get("bien-ban-binh-bau"))).toBe("- Lưu: VT, Hồ sơ.");
    expect(last(docs.get("to-trinh"))).toBe("- Lưu: VT, VP, 02b.");
    expect(last(docs.get("dang-ky-bao-tra-vinh"))).toBe("- Lưu: VT, HCTS.");
  });
});

describe("data over template over the bloc's default", () => {
  it("a changed bloc default reaches the bloc's documents, not those with their own value nor the registrations", async () => {
    const { docs, errors } = await check({ "data/khoi.yaml": khoi.replace(BLOC_LUU, "luu: { don_vi_soan_thao: TĐKT, so_ban: 3 }\n") });
    expect(errors).toEqual([]);
    expect(last(docs.get("ke-hoach"))).toBe("- Lưu: VT, TĐKT, 03b.");
    expect(last(docs.get("giay-moi"))).toBe("- Lưu: VT, TĐKT, 03b.");
    expect(last(docs.get("to-trinh"))).toBe("- Lưu: VT, VP, 02b.");
    expect(last(docs.get("bien-ban-binh-bau"))).toBe("- Lưu: VT, Hồ sơ.");
    expect(last(docs.get("dang-ky-svhttdl"))).toBe("- Lưu: VT, VP.");
  });

  it("without a bloc default the bloc's documents say only “Lưu: VT.”", async () => {
    expect(khoi).toContain(BLOC_LUU);
    const { docs } = await check({ "data/khoi.yaml": khoi.replace(BLOC_LUU, "") });
    expect(last(docs.get("ke-hoach"))).toBe("- Lưu: VT.");
  });

  it("a document's luu wins over the template's and the bloc's", async () => {
    const minutes = read("data/2020/bien-ban.md").replace(/^so: /mu, "luu: { don_vi_soan_thao: TH, so_ban: 12 }\nso: ");
    const planned = plan.replace(/^so: /mu, "luu: { don_vi_soan_thao: KHTH }\nso: ");
    const { docs, errors } = await check({ "data/2020/bien-ban.md": minutes, "data/2020/ke-hoach.md": planned });
    expect(errors).toEqual([]);
    expect(last(docs.get("bien-ban-binh-bau"))).toBe("- Lưu: VT, TH, 12b.");
    expect(last(docs.get("ke-hoach"))).toBe("- Lưu: VT, KHTH.");
  });

  it("a registration without its own luu does not take the bloc's", async () => {
    const file = "data/2020/dang-ky/bao-tra-vinh.yaml";
    const text = read(file);
    expect(text).toContain("luu: { don_vi_soan_thao: HCTS }\n");
    const { docs } = await check({ [file]: text.replace("luu: { don_vi_soan_thao: HCTS }\n", "") });
    expect(last(docs.get("dang-ky-bao-tra-vinh"))).toBe("- Lưu: VT.");
  });
});

describe("validation", () => {
  it("a “Lưu” line among the recipients is an error at that line, in Vietnamese and English", async () => {
    const text = plan.replace(/^noi_nhan:\n/mu, 'noi_nhan:\n  - "lưu : VT"\n');
    const line = text.split("\n").indexOf('  - "lưu : VT"') + 1;
    const { errors } = await check({ "data/2020/ke-hoach.md": text });
    expect(errors.map((d) => [d.code, d.pos.file, d.pos.line, d.params.kind])).toEqual([["schema/format", "data/2020/ke-hoach.md", line, "filing"]]);
    expect(formatDiagnostic(errors[0]!, "vi")).toContain("công cụ tự thêm dòng “Lưu: VT, <đơn vị soạn thảo>.”");
    expect(formatDiagnostic(errors[0]!, "en")).toContain("the tool adds “Lưu: VT, <drafting unit>.” last");
  });

  it("a template's Nơi nhận cannot hold one either", async () => {
    const template = read("templates/ke-hoach.md").replace(/^noi_nhan: \[/mu, 'noi_nhan: ["Lưu: VT", ');
    const { errors } = await check({ "templates/ke-hoach.md": template });
    expect(errors.map((d) => [d.code, d.pos.file, d.params.kind])).toEqual([["schema/format", "templates/ke-hoach.md", "filing"]]);
  });

  it("a “Lưu” line written any other way is refused too: decomposed, hidden, without marks or colon, after a dash", async () => {
    for (const item of ["Lưu: VT", '"Lu\\u031Bu: VT"', '"\\u200bLưu: VT"', '"Luu: VT"', "Lưu VT, VP", '"– Lưu: VT"', '"LƯU"']) {
      const text = plan.replace(/^noi_nhan:\n/mu, `noi_nhan:\n  - ${item}\n`);
      const { errors } = await check({ "data/2020/ke-hoach.md": text });
      expect(errors.map((d) => [d.code, d.params.kind]), item).toEqual([["schema/format", "filing"]]);
    }
    // An archive is a recipient, not the Lưu line.
    const archive = plan.replace(/^noi_nhan:\n/mu, "noi_nhan:\n  - Lưu trữ lịch sử tỉnh\n");
    expect((await check({ "data/2020/ke-hoach.md": archive })).errors).toEqual([]);
  });

  it("a template's item that becomes a “Lưu” line once filled in is an error at it", async () => {
    for (const item of ['"{{!x}}Lưu: VT"', '"{{#if nam}}Lưu: VT{{/if}}"']) {
      const template = read("templates/ke-hoach.md").replace(/^noi_nhan: \[/mu, `noi_nhan: [${item}, `);
      const { errors } = await check({ "templates/ke-hoach.md": template });
      expect(errors.map((d) => [d.code, d.pos.file, d.pos.line, d.params.kind]), item).toEqual([["schema/format", "templates/ke-hoach.md", 4, "filing"]]);
    }
  });

  it("a drafting unit that repeats “Lưu”, is VT, ends in punctuation or hides a character is refused", async () => {
    for (const unit of ['"Lưu: VT"', "VT", '"VP."', '"\\u200b"', '"V\\u0000P"']) {
      const { errors } = await check({ "data/khoi.yaml": khoi.replace(BLOC_LUU, `luu: { don_vi_soan_thao: ${unit} }\n`) });
      expect(errors.map((d) => [d.code, d.pos.file, d.params.kind]), unit).toEqual([["schema/format", "data/khoi.yaml", "filing-unit"]]);
    }
  });

  it("a bloc default without a drafting unit, with copies that are no count or an unknown key is located", async () => {
    const bad = khoi.replace(BLOC_LUU, "luu:\n  so_ban: 0\n  ban: 2\n");
    const { errors } = await check({ "data/khoi.yaml": bad });
    const line = (s: string) => bad.split("\n").indexOf(s) + 1;
    expect(errors.map((d) => [d.code, d.pos.line]).sort()).toEqual(
      [
        // A missing key is located where its mapping's value starts.
        ["schema/missing", line("  so_ban: 0")],
        ["schema/not-above", line("  so_ban: 0")],
        ["schema/unknown-key", line("  ban: 2")],
      ].sort(),
    );
  });
});

describe("the editor's JSON Schema", () => {
  const schemas = jsonSchemas(DOC_TYPES) as Record<string, { properties: Record<string, { properties?: Record<string, unknown>; items?: { patternErrorMessage?: string } }> }>;

  it("offers luu in the bloc, every document's front matter and the registration", () => {
    for (const name of ["khoi", "ke-hoach", "bao-cao", "bien-ban", "to-trinh", "giay-moi", "dang-ky"]) {
      expect(Object.keys(schemas[name]!.properties.luu?.properties ?? {}), name).toEqual(["don_vi_soan_thao", "so_ban"]);
    }
  });

  it("says in Vietnamese why a “Lưu” recipient is refused", () => {
    expect(schemas["ke-hoach"]!.properties.noi_nhan!.items!.patternErrorMessage).toMatch(/^Không ghi dòng “Lưu: \.\.\.” trong nơi nhận/u);
  });
});

describe("what is a “Lưu” line, what is a drafting unit (a second red-team pass)", () => {
  it("every way of writing the Lưu line is one; an archive or a family name is not", () => {
    const filing = ["Lưu: VT", "Lưu - VT", "Lưu\uA789 VT", "Lưu\u02D0 VT", "· Lưu: VT", "Lưu Văn thư", "Lưu, VT", "Lưu; VT", "Lưu VP", "Lưu hồ sơ", "1. Lưu: VT", "\u3164Lưu: VT", "\u2800Lưu: VT", "Lưu\uFF1AVT", "\u217Cưu: VT", "Luu VT", "LƯU"];
    const recipients = ["Lưu trữ lịch sử tỉnh", "Trung tâm Lưu trữ", "Lữ đoàn", "Ông Lưu Văn A", "Lưu Văn A", "Lưu Vĩnh Phúc", "LƯU TRỮ LỊCH SỬ", "Như trên"];
    expect(filing.filter((s) => !isFilingLine(s))).toEqual([]);
    expect(recipients.filter((s) => isFilingLine(s))).toEqual([]);
  });

  it("a drafting unit is an abbreviation alone: not VT in a list, not the copies, no closing punctuation or line separator", () => {
    expect(["VP", "TCHC", "Hồ sơ", "P.TH", "VT-TH", "P. TH", "VP.TĐKT"].filter((s) => !isDraftingUnit(s))).toEqual([]);
    expect(["VT, VP", "VP!", "VP?", "VP…", "VP -", "VP/", "V\u2028P", "Lưu VP", "VP, 02b", "VT"].filter((s) => isDraftingUnit(s))).toEqual([]);
  });

  it("an unquoted “- Lưu: VT” in a template gets the Lưu message too", async () => {
    const template = read("templates/ke-hoach.md").replace(/^noi_nhan: .*$/mu, "noi_nhan:\n  - Lưu: VT");
    const { errors } = await check({ "templates/ke-hoach.md": template });
    expect(errors.map((d) => [d.code, d.params.kind])).toEqual([["schema/format", "filing"]]);
  });
});
