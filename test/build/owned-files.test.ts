/**
 * A build deletes or replaces only its own files, computed from the data:
 * never a path the manifest names, never a signed PDF, and a damaged
 * manifest is a warning and a full rebuild, not a crash.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { memoryWorld, type MemoryWorld } from "../../src/io/memory-world.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIXTURES, readTree, repoTemplates } from "../helpers/fixture-world.ts";
import { expectLocated } from "../helpers/invariants.ts";

const opts: BuildOptions = { dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" };
const outside = async (p: string) => new Uint8Array(await readFile(p));
const BASE: Record<string, Uint8Array> = { ...repoTemplates(), ...readTree(join(FIXTURES, "minimal")) };
const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array) => new TextDecoder().decode(b);
const codes = (r: { diagnostics: { code: string; severity: string }[] }) => r.diagnostics.map((d) => `${d.severity} ${d.code}`);

describe("files a build may touch", async () => {
  const built = memoryWorld({ ...BASE }, { outside });
  const first = await buildProject(built, opts);
  expect(first.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const manifest = JSON.parse(dec(built.files.get("out/.manifest.json")!));
  const aKey = Object.keys(manifest.documents).find((k) => k.includes("dang-ky-"))!;
  const world = (extra: Record<string, Uint8Array> = {}) => memoryWorld({ ...Object.fromEntries(built.files), ...extra }, { outside });

  it("never deletes a path a manifest entry names outside the document's own files", async () => {
    const victims = { "/srv/x": enc("outside"), "../../x": enc("above"), "data/khoi.yaml": built.files.get("data/khoi.yaml")!, "out/notes.txt": enc("mine") };
    const h = (b: Uint8Array) => sha256(b);
    const hostile = {
      ...manifest,
      documents: {
        ...manifest.documents,
        // A document that no longer exists, whose outputs name other files.
        "2019/cu": { key: "2019/cu", content: "x", inputs: {}, outputs: Object.fromEntries(Object.entries(victims).map(([p, b]) => [p, h(b)])) },
        // A key that is itself a path.
        "../../etc": { key: "../../etc", content: "x", inputs: {}, outputs: { "/srv/x": h(victims["/srv/x"]) } },
      },
    };
    const w = world({ ...victims, "out/.manifest.json": enc(JSON.stringify(hostile)) });
    const check = await buildProject(w, { ...opts, check: true });
    expect(check.removed).toEqual([]);
    const r = await buildProject(w, opts);
    expect(r.removed).toEqual([]);
    for (const [p, b] of Object.entries(victims)) expect(w.files.get(p), p).toEqual(b);
    expect(codes(r)).toContain("warning manifest/foreign-path");
    const warned = r.diagnostics.filter((d) => d.code === "manifest/foreign-path");
    expect(warned.every((d) => d.pos.file === "out/.manifest.json")).toBe(true);
    expect(warned.map((d) => d.params.path).sort()).toEqual(["../../etc", "../../x", "/srv/x", "data/khoi.yaml", "out/notes.txt"]);
    expectLocated(r.diagnostics);
  });

  it("removes the files of a document that left the data only as the build wrote them", async () => {
    const w = world();
    const [docx, pdf, places] = Object.keys(manifest.documents[aKey].outputs);
    const unit = aKey.replace(/^\d+\/dang-ky-/, "");
    w.files.delete(`data/2020/dang-ky/${unit}.yaml`);
    w.files.set(docx!, enc("edited by hand"));
    const r = await buildProject(w, opts);
    expect(r.removed.sort()).toEqual([places, pdf].sort());
    expect(dec(w.files.get(docx!)!)).toBe("edited by hand");
    expect(r.diagnostics.find((d) => d.code === "build/kept-file")?.pos.file).toBe(docx);
  });

  for (const [name, bytes] of [
    ["does not parse", "{not json"],
    ["has a null entry", JSON.stringify({ version: 1, documents: { x: null } })],
    ["has entries missing fields", JSON.stringify({ version: 1, tool: "t", fonts: "f", shell: "s", documents: { "2020/ke-hoach": { key: "2020/ke-hoach" } } })],
    ["is not an object", "[1,2,3]"],
  ] as const)
    it(`warns about a manifest that ${name}, names it, and rebuilds everything`, async () => {
      const w = world({ "out/.manifest.json": enc(bytes) });
      const r = await buildProject(w, opts);
      expect(codes(r).filter((c) => c.startsWith("error"))).toEqual([]);
      expect(codes(r).filter((c) => c.includes("manifest"))).toEqual(["warning manifest/damaged"]);
      expect(r.diagnostics.find((d) => d.code === "manifest/damaged")!.pos.file).toBe("out/.manifest.json");
      expect(r.rebuilt.length).toBe(first.rebuilt.length);
      expect(r.removed).toEqual([]);
      expect(JSON.parse(dec(w.files.get("out/.manifest.json")!)).documents).toEqual(manifest.documents);
    });

  it("refuses to replace a PDF that was signed in place, and replaces it only when asked", async () => {
    const pdfPath = Object.keys(manifest.documents[aKey].outputs).find((p) => p.endsWith(".pdf"))!;
    const original = built.files.get(pdfPath)!;
    // What an in-place signature appends: an incremental update with a signature value.
    const signed = new Uint8Array([...original, ...enc("\n9 0 obj\n<< /Type /Sig /ByteRange [0 10 20 30] /Contents <00> >>\nendobj\n%%EOF\n")]);
    const w = world({ [pdfPath]: signed });
    const r = await buildProject(w, opts);
    expect(codes(r)).toContain("error build/signed-output");
    const d = r.diagnostics.find((x) => x.code === "build/signed-output")!;
    expect(d.pos.file).toBe(pdfPath);
    expect(r.written).toEqual([]);
    expect(w.files.get(pdfPath)).toEqual(signed);
    const check = await buildProject(w, { ...opts, check: true });
    expect(codes(check)).toContain("error build/signed-output");
    const asked = await buildProject(w, { ...opts, replaceSigned: true });
    expect(asked.written).toEqual([pdfPath]);
    expect(w.files.get(pdfPath)).toEqual(original);
  });

  it("keeps a signed PDF of a document that left the data", async () => {
    const pdfPath = Object.keys(manifest.documents[aKey].outputs).find((p) => p.endsWith(".pdf"))!;
    const signed = new Uint8Array([...built.files.get(pdfPath)!, ...enc("\n<< /Type /Sig /ByteRange [0 1 2 3] >>\n%%EOF\n")]);
    const w = world({ [pdfPath]: signed });
    w.files.delete(`data/2020/dang-ky/${aKey.replace(/^\d+\/dang-ky-/, "")}.yaml`);
    const r = await buildProject(w, opts);
    expect(r.removed).not.toContain(pdfPath);
    expect(w.files.get(pdfPath)).toEqual(signed);
    expect(r.diagnostics.find((x) => x.code === "build/kept-file")?.params.whyEn).toBe("it carries a signature");
  });

  it("--only that matches nothing is an error listing what exists, closest first", async () => {
    const r = await buildProject(world(), { ...opts, only: "don-vi-x" });
    expect(codes(r)).toEqual(["error build/only-no-match"]);
    const known = String(r.diagnostics[0]!.params.known).split(", ");
    expect(known[0]).toMatch(/^don-vi-/);
    expect(known).toContain("ke-hoach");
  });
});
