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
  it("carries Vietnamese descriptions and forbids unknown keys", () => {
    const nam = schemas.nam as { description?: string; additionalProperties?: boolean; properties: Record<string, { description?: string }> };
    expect(nam.description).toMatch(/năm thi đua/i);
    expect(nam.additionalProperties).toBe(false);
    expect(nam.properties.khoi_truong?.description).toMatch(/Khối trưởng/);
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
