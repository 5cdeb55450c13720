/**
 * The warm figures: in one process, with the modules loaded and the PDF font
 * subsets prepared once, the example and synthetic blocs are checked, composed
 * and rendered in memory (docs/s, ms per document, DOCX and PDF apart), and
 * built through buildProject (full, no-op, one registration changed). Not what
 * a person waits for: the whole-process figures are (bench-cli.ts).
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { arrangeDocument } from "../arrange/arrange.ts";
import { memoryWorld, type MemoryWorld } from "../io/memory-world.ts";
import { emitPdf } from "../pdf/emit/emit-pdf.ts";
import { preparePdfFonts } from "../pdf/emit/prepared-fonts.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../pdf/fonts/node-font-reader.ts";
import { layoutDocument } from "../pdf/layout/document.ts";
import { checkProject } from "../pipeline.ts";
import { renderDocx } from "../render/docx/render.ts";
import { readShellStyle } from "../render/docx/style.ts";
import { buildProject } from "../write/build.ts";
import { EDITED_FILE } from "./bench-projects.ts";
import { type Figure, stats, type WarmRow } from "./bench-report.ts";
import { readTree } from "./read-tree.ts";
import { syntheticWorld } from "./synthetic.ts";

export function exampleFiles(root: string): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(root, "data")))) if (!k.startsWith(".schema/")) files[`data/${k}`] = v;
  for (const [k, v] of Object.entries(readTree(join(root, "templates")))) files[`templates/${k}`] = v;
  return files;
}

// One font set for the whole process, as a build has: the shared PDF font subsets are prepared once.
let fontSet: ReturnType<typeof loadNodeFontSet> | undefined;
const fontsOnce = () => (fontSet ??= loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! }));

const outside = { outside: async (p: string) => new Uint8Array(await readFile(p)) };

async function measure(root: string, name: string, makeWorld: () => MemoryWorld, runs: number): Promise<WarmRow> {
  const shell = new Uint8Array(readFileSync(join(root, "templates", "shell.docx")));
  const style = readShellStyle(shell);
  const fonts = await fontsOnce();
  const ms = { check: [] as number[], docx: [] as number[], pdf: [] as number[], layout: [] as number[], emit: [] as number[] };
  let docs = 0;
  for (let r = 0; r < runs; r++) {
    const world = makeWorld();
    let t = performance.now();
    const checked = await checkProject(world);
    ms.check.push(performance.now() - t);
    docs = checked.documents.length;
    t = performance.now();
    for (const d of checked.documents) renderDocx(d.doc, shell, arrangeDocument(d.doc, style, fonts), style);
    ms.docx.push(performance.now() - t);
    let layout = 0;
    let emit = 0;
    for (const d of checked.documents) {
      t = performance.now();
      const laid = layoutDocument(d.doc, style, fonts);
      const u = performance.now();
      await emitPdf(laid, fonts);
      layout += u - t;
      emit += performance.now() - u;
    }
    ms.layout.push(layout);
    ms.emit.push(emit);
    ms.pdf.push(layout + emit);
  }
  const med = (xs: number[]) => stats(xs).median;
  return { name, docs, checkMs: med(ms.check), docxMs: med(ms.docx), pdfMs: med(ms.pdf), layoutMs: med(ms.layout), emitMs: med(ms.emit) };
}

/** Full build, no-op rebuild and one registration changed, through buildProject into memory, `runs` times. */
async function incremental(files: Record<string, Uint8Array>, runs: number): Promise<Figure[]> {
  const opts = { dataDir: "data", outDir: "out", fontSource: "package" as const, fontPackageDir: fontsourceTinosDir()!, toolVersion: "bench" };
  const full: number[] = [];
  const noop: number[] = [];
  const one: number[] = [];
  for (let r = 0; r < runs; r++) {
    const world = memoryWorld(files, outside);
    let t = performance.now();
    await buildProject(world, opts);
    full.push(performance.now() - t);
    t = performance.now();
    const again = await buildProject(world, opts);
    noop.push(performance.now() - t);
    if (again.written.length) throw new Error("no-op rebuild wrote files");
    world.files.set(EDITED_FILE, new TextEncoder().encode(new TextDecoder().decode(world.files.get(EDITED_FILE)!).replace(/lao_dong_tien_tien: \d+/, `lao_dong_tien_tien: ${500 + r}`)));
    t = performance.now();
    await buildProject(world, opts);
    one.push(performance.now() - t);
  }
  const fullFig = { what: "full build, warm", value: stats(full) };
  return [
    { id: "warm-full", kind: "warm", what: "full build of the example, warm, in one process (to memory)", unit: "ms", value: stats(full) },
    { id: "warm-noop", kind: "warm", what: "no-op rebuild, warm, in one process", unit: "ms", value: stats(noop), against: fullFig },
    { id: "warm-one-edit", kind: "warm", what: "one registration changed, warm, in one process", unit: "ms", value: stats(one), against: fullFig },
  ];
}

export async function warmFigures(root: string, runs: number, log: (s: string) => void): Promise<{ rows: WarmRow[]; figures: Figure[] }> {
  const files = exampleFiles(root);
  const t = performance.now();
  await preparePdfFonts(await fontsOnce());
  const fontsMs = performance.now() - t;
  log("  warm, in one process...");
  await measure(root, "warm-up", () => memoryWorld(files, outside), 1);
  const rows = [
    await measure(root, "example (10 units)", () => memoryWorld(files, outside), runs),
    await measure(root, "synthetic (40 units)", () => syntheticWorld(files, 40), runs),
    await measure(root, "synthetic (200 units)", () => syntheticWorld(files, 200), Math.min(runs, 3)),
  ];
  const figures: Figure[] = [
    { id: "warm-fonts", kind: "warm", what: "PDF font subsets prepared, once per process", unit: "ms", value: stats([fontsMs]) },
    ...(await incremental(files, runs)),
  ];
  return { rows, figures };
}
