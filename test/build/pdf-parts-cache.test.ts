/**
 * What the year's outputs take from each PDF is recorded when the PDF is made and kept in
 * out/.cache/pdf-parts by its SHA-256 (src/pdf/parts/parts-store.ts): a later build, in a new
 * process (forgetContentMemos: nothing kept in memory), parses only the PDFs that changed, and
 * a damaged entry is ignored (the PDF is read again, the outputs are the same).
 */
import { PDFDocument } from "@cantoo/pdf-lib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { pdfParsing } from "../../src/pdf/parts/parts-store.ts";
import { buildProject, type BuildOptions } from "../../src/write/build.ts";
import { forgetContentMemos } from "../../src/write/content-memo.ts";
import { sha256 } from "../../src/write/hash.ts";
import { exampleWorld } from "../helpers/example.ts";
import { exampleStems } from "../helpers/registry-stems.ts";

const opts = (): BuildOptions => ({ dataDir: "data", outDir: "out", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test" });
const BUNDLE = "out/2020/ho-so-thi-dua-2020.pdf";
const REPORT = "out/2020/index.html";
const CACHE = "out/.cache/pdf-parts/";

/** Every PDF parse during `run`: ours (the hook) and pdf-lib's (its load), by the file's SHA-256. */
async function parsesDuring(run: () => Promise<unknown>): Promise<string[]> {
  const parsed: string[] = [];
  pdfParsing.observe = (sha) => parsed.push(sha);
  const load = vi.spyOn(PDFDocument, "load");
  try {
    await run();
    return [...new Set([...parsed, ...load.mock.calls.map(([b]) => sha256(b as Uint8Array))])].sort();
  } finally {
    load.mockRestore();
    pdfParsing.observe = undefined;
  }
}

afterEach(() => {
  pdfParsing.observe = undefined;
});

describe("the PDFs' recorded parts", async () => {
  const world = exampleWorld();
  await buildProject(world, opts());
  const docPdfs = () => [...world.files].filter(([k]) => /^out\/2020\/.*\.pdf$/.test(k) && k !== BUNDLE);

  it("are kept for every PDF the build made, by its SHA-256", () => {
    expect(docPdfs()).toHaveLength(exampleStems().length);
    for (const [path, bytes] of docPdfs()) expect(world.files.has(`${CACHE}${sha256(bytes)}`), path).toBe(true);
  });

  it("spare a later build in a new process from parsing the PDFs that did not change: only the rebuilt one is read", async () => {
    const path = "data/2020/dang-ky/so-y-te.yaml";
    world.files.set(path, new TextEncoder().encode(new TextDecoder().decode(world.files.get(path)!).replace(/lao_dong_tien_tien: \d+/, "lao_dong_tien_tien: 321")));
    forgetContentMemos();
    let built: Awaited<ReturnType<typeof buildProject>> | undefined;
    const parsed = await parsesDuring(async () => (built = await buildProject(world, opts())));
    // The bundle, the report and the results file (JSON and workbook) were made again, from all 16 PDFs.
    expect(built!.written).toEqual(expect.arrayContaining(["out/2020/dang-ky-so-y-te.pdf", BUNDLE]));
    expect(built!.yearOutputs?.map((y) => y.path).sort()).toEqual([BUNDLE, REPORT, "out/2020/ket-qua-2020.json", "out/2020/ket-qua-2020.xlsx"].sort());
    expect(parsed).toEqual([sha256(world.files.get("out/2020/dang-ky-so-y-te.pdf")!)]);
  });

  it("are ignored when damaged: the PDF is read again, the entry made again, the bundle the same", async () => {
    const bundle = world.files.get(BUNDLE)!;
    const pdf = world.files.get("out/2020/ke-hoach.pdf")!;
    const entry = `${CACHE}${sha256(pdf)}`;
    const good = world.files.get(entry)!;
    const json = JSON.parse(new TextDecoder().decode(good)) as { objects: { at: number; r: number[] }[]; pages: unknown[] };
    const shifted = structuredClone(json);
    shifted.objects[1]!.r[0]! += 1;
    const damaged: Record<string, Uint8Array> = {
      garbage: new Uint8Array([0x7b, 0xff, 0x00, 0x13]),
      truncated: good.subarray(0, good.length >> 1),
      "a reference moved": new TextEncoder().encode(JSON.stringify(shifted)),
      "another file's": world.files.get(`${CACHE}${sha256(world.files.get("out/2020/to-trinh.pdf")!)}`)!,
      "no pages": new TextEncoder().encode(JSON.stringify({ ...json, pages: [] })),
    };
    for (const [what, bytes] of Object.entries(damaged)) {
      world.files.set(entry, bytes);
      world.files.delete(BUNDLE);
      forgetContentMemos();
      const parsed = await parsesDuring(() => buildProject(world, opts()));
      expect(parsed, what).toEqual([sha256(pdf)]);
      expect(Buffer.compare(Buffer.from(world.files.get(BUNDLE)!), Buffer.from(bundle)), what).toBe(0);
      expect(Buffer.compare(Buffer.from(world.files.get(entry)!), Buffer.from(good)), what).toBe(0);
    }
  });
});
