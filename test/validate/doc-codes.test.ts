/**
 * A type code or a document number the number line cannot hold is said at its place, never a
 * crash: a code with "/" or a space (docNumber refuses it) and a number too large for a register.
 */
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";

const dec = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

describe("the number line's parts in the data", () => {
  it("a type code with '/' or a space is a located schema error", async () => {
    for (const code of ["B/C", "B C"]) {
      const w = exampleWorld();
      w.files.set("data/khoi.yaml", new TextEncoder().encode(dec(w.files.get("data/khoi.yaml")) + `ma_loai_van_ban:\n  bao_cao: "${code}"\n`));
      const r = await checkProject(w);
      expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.pos.file])).toEqual([["schema/format", "data/khoi.yaml"]]);
    }
  });

  it("a number above 9999 is a located schema error", async () => {
    const w = exampleWorld();
    w.files.set("data/2020/to-trinh.md", new TextEncoder().encode(dec(w.files.get("data/2020/to-trinh.md")).replace(/^so: 4$/m, "so: 99999999")));
    const r = await checkProject(w);
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => [d.code, d.pos.file, d.pos.line])).toEqual([["schema/too-big", "data/2020/to-trinh.md", 2]]);
  });
});
