import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FILE_SCHEMAS, jsonSchemas } from "../../src/schema/json-schema.ts";

describe("JSON Schema for the data files", () => {
  const schemas = jsonSchemas();
  it("is committed and current (run `npm run schema` after changing src/schema)", () => {
    for (const name of Object.keys(FILE_SCHEMAS)) {
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
