import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fileURLToPath } from "node:url";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { loadProject } from "../../src/load/project.ts";
import { projectIds } from "../../src/schema/editor-schema.ts";
import { fileSchemas, jsonSchemas } from "../../src/schema/json-schema.ts";
import { DOC_TYPES } from "../../src/documents/registry.ts";

/** The schemas are per project: the example's, with its unit, criterion and award ids. */
const exampleIds = projectIds(await loadProject(nodeWorld(fileURLToPath(new URL("../..", import.meta.url))), DOC_TYPES, new Diagnostics()));

describe("JSON Schema for the data files", () => {
  const schemas = jsonSchemas(DOC_TYPES, exampleIds);
  it("is committed and current (run `npm run schema` after changing src/schema, the units or the criteria)", () => {
    for (const name of Object.keys(fileSchemas(DOC_TYPES))) {
      const committed = JSON.parse(readFileSync(new URL(`../../data/.schema/${name}.schema.json`, import.meta.url), "utf8"));
      expect(committed, name).toEqual(JSON.parse(JSON.stringify(schemas[name])));
    }
  });
  it("carries Vietnamese descriptions and forbids unknown keys", async () => {
    const nam = schemas.nam as { description?: string; properties: Record<string, { description?: string }> };
    expect(nam.description).toMatch(/năm thi đua/i);
    expect(nam.properties.khoi_truong?.description).toMatch(/Khối trưởng/);
    const { default: Ajv } = await import("ajv/dist/2020.js");
    const { parse } = await import("yaml");
    const validate = new Ajv.default({ strict: false }).compile(schemas.nam!);
    const year = parse(readFileSync(new URL("../../data/2020/nam.yaml", import.meta.url), "utf8")) as object;
    expect(validate(year)).toBe(true);
    expect(validate({ ...year, khoi_truongg: "so-y-te" })).toBe(false);
  });

  it("describes every field, for the editor's hover", () => {
    const bare: string[] = [];
    const walk = (node: unknown, path: string, name: string) => {
      if (Array.isArray(node)) return node.forEach((x) => walk(x, path, name));
      if (typeof node !== "object" || node === null) return;
      const n = node as Record<string, unknown>;
      for (const [k, v] of Object.entries((n.properties ?? {}) as Record<string, unknown>)) if (typeof v === "object" && v !== null && !("description" in v)) bare.push(`${name}: ${path}.${k}`);
      // The parts the editor's rewording adds (if/then/else, allOf) only repeat fields described in place.
      for (const [k, v] of Object.entries(n)) if (!["if", "then", "else", "allOf"].includes(k)) walk(v, k === "properties" || k === "items" || k === "anyOf" ? path : `${path}.${k}`, name);
    };
    for (const [name, s] of Object.entries(schemas)) walk(s, "", name);
    expect(bare).toEqual([]);
  });

  it("leaves no check the editor would word in English: each bound, required field and closed list is in a part with its Vietnamese message", () => {
    const english: string[] = [];
    const KEYWORDS = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties", "required", "additionalProperties"];
    const walk = (node: unknown, path: string, guarded: boolean) => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${path}[${i}]`, false));
      if (typeof node !== "object" || node === null) return;
      const n = node as Record<string, unknown>;
      // An `if` part only decides which branch runs: its failure is never shown.
      if (!guarded && typeof n.errorMessage !== "string") for (const k of KEYWORDS) if (k in n && n[k] !== true) english.push(`${path}.${k}`);
      for (const [k, v] of Object.entries(n)) walk(v, `${path}.${k}`, k === "if");
    };
    for (const [name, s] of Object.entries(schemas)) walk(s, name, false);
    expect(english).toEqual([]);
  });

  it("bounds the points of each criterion by its diem_toi_da, and means what the zod schema means", async () => {
    const { default: Ajv } = await import("ajv/dist/2020.js");
    const validate = new Ajv.default({ strict: false }).compile(schemas["ket-qua"]!);
    const max = exampleIds.criterion.find((c) => c.id === "tc01")!.max!;
    expect(max).toBe(20);
    const score = (tu_cham: unknown, extra: object = {}) => ({ tong_ket: { ngay_gui: "2021-01-20", diem: [{ tieu_chi: "tc01", tu_cham, khoi_cham: 19, ...extra }] } });
    expect(validate(score(20))).toBe(true);
    expect(validate(score(20.5))).toBe(false);
    expect(validate(score(-1))).toBe(false);
    expect(validate(score(19, { minh_chung: "x" }))).toBe(true);
    expect(validate(score(19, { khoi_chm: 1 }))).toBe(false);
    expect(validate({ tong_ket: { ngay_gui: "2021-01-20", diem: [{ tieu_chi: "tc01", tu_cham: 1 }] } })).toBe(false);
    expect(validate({ tong_ket: { ngay_gui: "2021-01-20", diem: [] } })).toBe(false);
    // tc07's maximum is 5: 6 passes tc01's bound, not tc07's.
    expect(validate({ tong_ket: { ngay_gui: "2021-01-20", diem: [{ tieu_chi: "tc07", tu_cham: 6, khoi_cham: 5 }] } })).toBe(false);
  });
});

describe("the JSON Schema validates the example data", async () => {
  const { default: Ajv } = await import("ajv/dist/2020.js");
  const { parse } = await import("yaml");
  const matter = (await import("gray-matter")).default;
  const { readdirSync } = await import("node:fs");
  const ajv = new Ajv.default({ strict: false, allErrors: true });
  const schemas = jsonSchemas(DOC_TYPES, exampleIds);
  const root = new URL("../../data/", import.meta.url);
  const read = (p: string) => readFileSync(new URL(p, root), "utf8");
  const cases: [string, string, unknown][] = [
    ["khoi", "khoi.yaml", parse(read("khoi.yaml"))],
    ["nam", "2020/nam.yaml", parse(read("2020/nam.yaml"))],
    ...readdirSync(new URL("2020/dang-ky/", root)).map((f): [string, string, unknown] => ["dang-ky", `2020/dang-ky/${f}`, parse(read(`2020/dang-ky/${f}`))]),
    ...readdirSync(new URL("2020/ket-qua/", root)).map((f): [string, string, unknown] => ["ket-qua", `2020/ket-qua/${f}`, parse(read(`2020/ket-qua/${f}`))]),
    ["ke-hoach", "2020/ke-hoach.md", matter(read("2020/ke-hoach.md")).data],
    ["bao-cao", "2020/so-ket.md", matter(read("2020/so-ket.md")).data],
    ["bao-cao", "2020/tong-ket.md", matter(read("2020/tong-ket.md")).data],
    ["bien-ban", "2020/bien-ban.md", matter(read("2020/bien-ban.md")).data],
    ["to-trinh", "2020/to-trinh.md", matter(read("2020/to-trinh.md")).data],
  ];
  for (const [schema, file, data] of cases) {
    it(file, () => {
      // gray-matter's YAML engine turns unquoted dates into Date objects; the files hold them as text.
      const plain = JSON.parse(JSON.stringify(data, (_k, v: unknown) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(v) ? v.slice(0, 10) : v)));
      const validate = ajv.compile(schemas[schema]!);
      expect(validate(plain), JSON.stringify(validate.errors)).toBe(true);
    });
  }
  it("rejects a broken file", () => {
    const validate = ajv.compile(schemas.nam!);
    expect(validate({ ...(cases[1]![2] as object), diem_cong_toi_da: "năm" })).toBe(false);
  });
});
