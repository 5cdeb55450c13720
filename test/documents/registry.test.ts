/**
 * The registry of document types: every type's files exist, a document's identity travels
 * with it (its stem is made once, from it), and compose and the input tracking iterate over it.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { declaredInputs } from "../../src/write/inputs.ts";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { dataFileOf } from "../../src/documents/keys.ts";
import { stemOf } from "../../src/documents/stems.ts";
import { fileSchemas } from "../../src/schema/json-schema.ts";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

describe("the registry of document types", () => {
  it("has one entry per id, a template for each, and a data file in the example for each", () => {
    expect(new Set(DOC_TYPES.map((t) => t.id)).size).toBe(DOC_TYPES.length);
    for (const t of DOC_TYPES) {
      expect(existsSync(join(REPO, "templates", `${t.template}.md`)), t.template).toBe(true);
      expect(existsSync(join(REPO, "data/2020", t.kind === "single" ? dataFileOf(t) : t.id)), t.id).toBe(true);
      expect(fileSchemas(DOC_TYPES)[t.schemaName]).toBe(t.schema);
    }
  });

  it("composes one document per single type and one per unit for each per-unit type, in the registry's order, each carrying its identity", async () => {
    const r = await checkProject(exampleWorld());
    const units = r.models[0]!.units.filter((u) => r.models[0]!.registrations.has(u.id));
    const expected = DOC_TYPES.flatMap((t) => (t.kind === "single" ? [{ year: 2020, type: t.id, stem: stemOf(t) }] : units.map((u) => ({ year: 2020, type: t.id, unit: u.id, stem: stemOf(t, u.id) }))));
    expect(r.documents.map((d) => ({ year: d.year, type: d.type, ...(d.unit ? { unit: d.unit } : {}), stem: d.doc.stem }))).toEqual(expected);
    // Plain data between stages: a build's result is cloned (test/helpers/shared-example.ts).
    expect(structuredClone(r.documents)).toEqual(r.documents);
  });

  it("declares each document's inputs from its entry", () => {
    const reads = new Map(["data/khoi.yaml", "data/2020/nam.yaml", "templates/shell.docx", "data/2020/to-trinh.md", "data/2020/bien-ban.md", "data/2020/ket-qua/a.yaml", "templates/to-trinh.md", "data/2020/dang-ky/a.yaml", "templates/dang-ky.md", "data/2020/ke-hoach.md"].map((p) => [p, "h"]));
    const files = (id: string, data: string) => {
      const t = DOC_TYPES.find((x) => x.id === id)!;
      return { data, template: t.template, dependsOn: t.dependsOn };
    };
    expect(declaredInputs({ year: 2020, files: files("to-trinh", "to-trinh.md") }, "data", reads)).toEqual(
      ["data/2020/bien-ban.md", "data/2020/ket-qua/a.yaml", "data/2020/nam.yaml", "data/2020/to-trinh.md", "data/khoi.yaml", "templates/shell.docx", "templates/to-trinh.md"],
    );
    expect(declaredInputs({ year: 2020, files: files("dang-ky", "dang-ky/a.yaml") }, "data", reads)).toEqual(
      ["data/2020/dang-ky/a.yaml", "data/2020/ke-hoach.md", "data/2020/nam.yaml", "data/khoi.yaml", "templates/dang-ky.md", "templates/shell.docx"],
    );
  });
});
