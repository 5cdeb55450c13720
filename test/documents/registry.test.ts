/**
 * The registry of document types: every type's files exist, its stems are parsed in one
 * place, and compose and the input tracking iterate over it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declaredInputs } from "../../src/write/inputs.ts";
import { DOC_TYPES, PER_UNIT_DOCS, SINGLE_DOCS, dataFileOf, onlyName, parseStem, unitStem } from "../../src/documents/registry.ts";
import { FILE_SCHEMAS } from "../../src/schema/json-schema.ts";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

describe("the registry of document types", () => {
  it("has one entry per id, a template for each, and a data file in the example for each", () => {
    expect(new Set(DOC_TYPES.map((t) => t.id)).size).toBe(DOC_TYPES.length);
    for (const t of DOC_TYPES) {
      expect(existsSync(join(REPO, "templates", `${t.template}.md`)), t.template).toBe(true);
      expect(existsSync(join(REPO, "data/2020", t.kind === "single" ? dataFileOf(t) : t.id)), t.id).toBe(true);
      expect(FILE_SCHEMAS[t.schemaName]).toBe(t.schema);
    }
  });

  it("parses a stem in one place: single stems as themselves, per-unit stems into type and unit", () => {
    for (const t of SINGLE_DOCS) expect(parseStem(t.stem)).toEqual({ type: t });
    for (const t of PER_UNIT_DOCS) {
      expect(parseStem(unitStem(t, "so-y-te"))).toEqual({ type: t, unit: "so-y-te" });
      expect(onlyName(unitStem(t, "so-y-te"))).toBe("so-y-te");
    }
    expect(parseStem("khong-co")).toBeUndefined();
  });

  it("composes one document per single type and one per unit for each per-unit type, in the registry's order", async () => {
    const r = await checkProject(exampleWorld());
    const units = r.models[0]!.units.filter((u) => r.models[0]!.registrations.has(u.id));
    const expected = DOC_TYPES.flatMap((t) => (t.kind === "single" ? [t.stem] : units.map((u) => unitStem(t, u.id))));
    expect(r.documents.map((d) => d.doc.stem)).toEqual(expected);
  });

  it("declares each document's inputs from its entry", () => {
    const reads = new Map(["data/khoi.yaml", "data/2020/nam.yaml", "templates/shell.docx", "data/2020/to-trinh.md", "data/2020/bien-ban.md", "data/2020/ket-qua/a.yaml", "templates/to-trinh.md", "data/2020/dang-ky/a.yaml", "templates/dang-ky.md", "data/2020/ke-hoach.md"].map((p) => [p, "h"]));
    expect(declaredInputs("to-trinh", 2020, "data", reads)).toEqual(
      ["data/2020/bien-ban.md", "data/2020/ket-qua/a.yaml", "data/2020/nam.yaml", "data/2020/to-trinh.md", "data/khoi.yaml", "templates/shell.docx", "templates/to-trinh.md"],
    );
    expect(declaredInputs("dang-ky-a", 2020, "data", reads)).toEqual(
      ["data/2020/dang-ky/a.yaml", "data/2020/ke-hoach.md", "data/2020/nam.yaml", "data/khoi.yaml", "templates/dang-ky.md", "templates/shell.docx"],
    );
  });
});
