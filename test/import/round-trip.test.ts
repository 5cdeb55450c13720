import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { exampleWorld, buildExample } from "../helpers/example.ts";
import { openXmlBook } from "../helpers/xlsx-xml.ts";
import { fillForm } from "../helpers/fill-form.ts";
import { makeForms } from "../../src/forms/make-forms.ts";
import { importForms } from "../../src/import/import-forms.ts";
import type { Stage } from "../../src/forms/stages.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";

const hashes = (m: Map<string, Uint8Array>) => new Map([...m].filter(([k]) => /^out\/2020\/[^/]+$/.test(k)).map(([k, v]) => [k, createHash("sha256").update(v).digest("hex")]));

describe("forms round trip", () => {
  it("blank forms filled by another program and imported give back data that builds the example's documents byte for byte", async () => {
    const original = exampleWorld();
    const dec = new TextDecoder();
    // A copy of the data without the units' files: every value comes back through the forms.
    const world = exampleWorld();
    const unitFiles = [...world.files.keys()].filter((k) => /^data\/2020\/(dang-ky|ket-qua)\//.test(k));
    for (const k of unitFiles) world.files.delete(k);
    const made = await makeForms(world, { dataDir: "data", outDir: "out" });
    expect(made.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(made.written.length).toBe(30);
    const files: { path: string; name: string }[] = [];
    for (const path of made.written) {
      const name = path.slice(path.lastIndexOf("/") + 1);
      const m = /^(.+)-(dang-ky|so-ket|tong-ket)\.xlsx$/.exec(name)!;
      const stage = m[2] as Stage;
      const source = `data/2020/${stage === "dang-ky" ? "dang-ky" : "ket-qua"}/${m[1]}.yaml`;
      const book = openXmlBook(world.files.get(path)!);
      fillForm(book, stage, dec.decode(original.files.get(source)!));
      world.files.set(`returned/${name}`, book.bytes());
      files.push({ path: `returned/${name}`, name });
      world.files.delete(path);
    }
    // The bloc's own filled copies (the review column filled): imported with the bloc's columns.
    const r = await importForms(world, { dataDir: "data", files, check: false, blocColumns: true });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => formatDiagnostic(d, "en"))).toEqual([]);
    expect(r.written.sort()).toEqual(unitFiles.sort());
    for (const k of [...world.files.keys()]) if (k.startsWith("returned/") || k.startsWith("out/")) world.files.delete(k);
    const [a, b] = [await buildExample(original), await buildExample(world)];
    expect(b.result.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(hashes(b.outputs).size).toBeGreaterThan(20);
    expect(hashes(b.outputs)).toEqual(hashes(a.outputs));
  }, 300_000);
});
