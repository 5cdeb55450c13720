import { DOC_TYPES } from "../../src/documents/registry.ts";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { writeSchemas } from "../../src/cli/schema-command.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { loadProject, type RawProject } from "../../src/load/project.ts";
import type { YamlSource } from "../../src/load/yaml-source.ts";
import { projectIds } from "../../src/schema/editor-schema.ts";
import { jsonSchemas } from "../../src/schema/json-schema.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const example = await loadProject(nodeWorld(REPO), DOC_TYPES, new Diagnostics());
const ids = projectIds(example);
const schemas = jsonSchemas(DOC_TYPES, ids) as Record<string, Json>;

type Json = { [k: string]: Json } & Json[] & { enum?: string[]; enumDescriptions?: string[]; errorMessage?: string; description?: string };
const at = (s: Json, ...path: string[]): Json => path.reduce((n, k) => n[k] as Json, s);
const items = (s: Json, ...path: string[]) => at(s, ...path.flatMap((k) => ["properties", k]), "items");

const UNITS = ["svhttdl", "so-y-te", "so-gddt", "so-ldtbxh", "so-tttt", "so-khcn", "ban-dan-toc", "dai-ptth", "bao-tra-vinh", "dh-tra-vinh"];
const CRITERIA = ["tc01", "tc02", "tc03", "tc04", "tc05", "tc06", "tc07", "tc08", "tc09", "tc10"];

describe("the editor's schemas for the example project", () => {
  it("offer the bloc's unit ids where a field refers to a unit", () => {
    const unitFields: Json[] = [
      at(schemas.nam!, "properties", "khoi_truong"),
      at(schemas.nam!, "properties", "khoi_pho"),
      items(schemas.nam!, "thanh_vien"),
      at(schemas["bien-ban"]!, "properties", "chu_tri", "properties", "don_vi"),
      at(schemas["bien-ban"]!, "properties", "thu_ky", "properties", "don_vi"),
      at(items(schemas["bien-ban"]!, "co_mat"), "properties", "don_vi"),
      at(items(schemas["bien-ban"]!, "vang_mat"), "properties", "don_vi"),
      at(items(schemas["bien-ban"]!, "ban_kiem_phieu"), "properties", "don_vi"),
      at(items(schemas["bien-ban"]!, "phieu"), "properties", "ket_qua", "items", "properties", "don_vi"),
    ];
    for (const f of unitFields) {
      expect(f.enum).toEqual(UNITS);
      expect(f.enumDescriptions?.[1]).toBe("Sở Y tế");
      expect(f.errorMessage).toBe(`Mã đơn vị không có trong data/khoi.yaml; dùng một trong: ${UNITS.join(", ")}`);
    }
  });

  it("offer the year's criterion ids in tieu_chi fields, described as criteria", () => {
    const criterionFields = [
      at(items(schemas["dang-ky"]!, "chi_tieu"), "properties", "tieu_chi"),
      at(items(schemas["ket-qua"]!, "so_ket", "ket_qua"), "properties", "tieu_chi"),
      at(items(schemas["ket-qua"]!, "tong_ket", "diem"), "properties", "tieu_chi"),
    ];
    for (const f of criterionFields) {
      expect(f.enum).toEqual(CRITERIA);
      expect(f.description).toBe("Mã tiêu chí trong nam.yaml, ví dụ: tc01");
      expect(f.enumDescriptions?.[0]).toMatch(/^Hoàn thành xuất sắc nhiệm vụ chính trị/);
    }
  });

  it("offer the award ids of the minutes' ballots", () => {
    expect(at(items(schemas["bien-ban"]!, "phieu"), "properties", "danh_hieu").enum).toEqual(ids.award.map((a) => a.id));
    expect(ids.award.length).toBeGreaterThan(0);
  });

  it("reject, like the editor, a unit or criterion id the project does not have", async () => {
    const { default: Ajv } = await import("ajv/dist/2020.js");
    const ajv = new Ajv.default({ strict: false });
    const nam = { ...(example.years[0]!.nam!.value as object) };
    expect(ajv.validate(schemas.nam!, nam)).toBe(true);
    expect(ajv.validate(schemas.nam!, { ...nam, khoi_truong: "so-y-tee" })).toBe(false);
    const score = { ngay_gui: "2021-01-20", diem: [{ tieu_chi: "tc11", tu_cham: 1, khoi_cham: 1 }] };
    expect(ajv.validate(schemas["ket-qua"]!, { tong_ket: score })).toBe(false);
    expect(ajv.validate(schemas["ket-qua"]!, { tong_ket: { ...score, diem: [{ ...score.diem[0], tieu_chi: "tc10" }] } })).toBe(true);
  });

  it("leave the ids themselves free (the ma of a unit, of a criterion)", () => {
    expect(at(items(schemas.khoi!, "don_vi"), "properties", "ma").enum).toBeUndefined();
    expect(at(items(schemas.nam!, "tieu_chi"), "properties", "ma").enum).toBeUndefined();
  });

  it("say their errors in Vietnamese, and keep no marker of their own", () => {
    const score = at(items(schemas["ket-qua"]!, "tong_ket", "diem"), "properties", "khoi_cham");
    expect(score.errorMessage).toBe("Cần một số, viết không có dấu ngoặc kép; số thập phân dùng dấu chấm, ví dụ: 9.5");
    const date = at(schemas["dang-ky"]!, "properties", "ngay") as unknown as { patternErrorMessage: string };
    expect(date.patternErrorMessage).toBe("Ngày phải có dạng NNNN-TT-NN và là ngày có thật (ví dụ: 2020-02-05)");
    for (const [name, s] of Object.entries(schemas)) {
      const text = JSON.stringify(s);
      expect(text, name).not.toContain("x-ref");
      // Every pattern has its Vietnamese rule beside it.
      expect((text.match(/"pattern":/g) ?? []).length, name).toBe((text.match(/"patternErrorMessage":/g) ?? []).length);
    }
  });
});

describe("projectIds", () => {
  const src = (value: unknown): YamlSource => ({ file: "x.yaml", value, locate: () => ({ file: "x.yaml", line: 1, column: 1 }) });
  const year = (folder: string, tieu_chi: unknown[]) => ({ folder, dir: `data/${folder}`, nam: src({ tieu_chi }), docs: new Map(), unitDocs: new Map(), results: [] });

  it("is the union of the years' criteria, each year's text where they differ; ill-formed ids are left out", () => {
    const raw: RawProject = {
      dataDir: "data",
      bloc: src({ don_vi: [{ ma: "so-a", ten: "Sở A" }, { ma: "Sở B", ten: "bad id" }, "not a unit"] }),
      years: [year("2021", [{ ma: "tc01", noi_dung: "Mới" }, { ma: "tc02", noi_dung: "Hai" }]), year("2020", [{ ma: "tc01", noi_dung: "Cũ" }, { ma: 5 }])],
    };
    expect(projectIds(raw)).toEqual({
      unit: [{ id: "so-a", name: "Sở A" }],
      criterion: [
        { id: "tc01", name: "2020: Cũ; 2021: Mới" },
        { id: "tc02", name: "Hai" },
      ],
      award: [],
    });
  });

  it("a project whose files cannot be read gives schemas without enums, not a failure", () => {
    const none = projectIds({ dataDir: "data", years: [] });
    const s = jsonSchemas(DOC_TYPES, none) as Record<string, Json>;
    expect(at(s.nam!, "properties", "khoi_truong").enum).toBeUndefined();
  });
});

describe("npm run schema", () => {
  it("writes the schemas of the project it runs in", async () => {
    const world = fixtureWorld();
    const printed: string[] = [];
    expect(await writeSchemas(world, (s) => printed.push(s))).toBe(0);
    const nam = JSON.parse(new TextDecoder().decode(world.files.get("data/.schema/nam.schema.json")));
    expect(nam.properties.khoi_truong.enum).toEqual(["don-vi-a", "don-vi-b", "don-vi-c"]);
    expect(printed.at(-1)).toBe("mã gợi ý: 3 đơn vị, 2 tiêu chí, 2 hình thức khen thưởng");
  });
});

describe(".vscode", () => {
  const read = (p: string) => JSON.parse(readFileSync(new URL(`../../.vscode/${p}`, import.meta.url), "utf8"));
  it("recommends the YAML extension", () => {
    expect(read("extensions.json").recommendations).toContain("redhat.vscode-yaml");
  });
  it("maps every YAML data file to its schema, .yml included", () => {
    const map = read("settings.json")["yaml.schemas"] as Record<string, string[]>;
    expect(map).toEqual({
      "./data/.schema/khoi.schema.json": ["data/khoi.yaml"],
      "./data/.schema/nam.schema.json": ["data/*/nam.yaml"],
      "./data/.schema/dang-ky.schema.json": ["data/*/dang-ky/*.yaml", "data/*/dang-ky/*.yml"],
      "./data/.schema/ket-qua.schema.json": ["data/*/ket-qua/*.yaml", "data/*/ket-qua/*.yml"],
    });
    for (const file of Object.keys(map)) expect(() => readFileSync(new URL(`../../${file}`, import.meta.url))).not.toThrow();
  });
});
