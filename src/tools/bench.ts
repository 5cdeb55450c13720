/**
 * npm run bench: builds the example year and synthetic 40- and 200-unit blocs
 * in memory and prints documents per second, milliseconds per document for
 * DOCX and PDF separately (PDF = layout + emit, each also shown alone), the
 * full, no-op and one-change builds, and peak memory. With LibreOffice installed it also converts the
 * same DOCX files with one `soffice --headless --convert-to pdf` call and
 * prints how many times faster our PDF path is (both measured in this run).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { readTree } from "./read-tree.ts";
import { memoryWorld, type MemoryWorld } from "../io/memory-world.ts";
import { emitPdf } from "../pdf/emit/emit-pdf.ts";
import { preparePdfFonts } from "../pdf/emit/prepared-fonts.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../pdf/fonts/node-font-reader.ts";
import { arrangeDocument } from "../arrange/arrange.ts";
import { layoutDocument } from "../pdf/layout/document.ts";
import { buildProject } from "../write/build.ts";
import { checkProject } from "../pipeline.ts";
import { renderDocx } from "../render/docx/render.ts";
import { readShellStyle } from "../render/docx/style.ts";
import { hasCommand, sofficeToPdf } from "./external.ts";
import { benchCli } from "./bench-cli.ts";
import { syntheticWorld } from "./synthetic.ts";

const root = process.cwd();
const shell = new Uint8Array(readFileSync(join(root, "templates", "shell.docx")));
const style = readShellStyle(shell);

function exampleFiles(): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(readTree(join(root, "data")))) if (!k.startsWith(".schema/")) files[`data/${k}`] = v;
  for (const [k, v] of Object.entries(readTree(join(root, "templates")))) files[`templates/${k}`] = v;
  return files;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface Result {
  name: string;
  docs: number;
  checkMs: number;
  docxMs: number;
  pdfMs: number;
  layoutMs: number;
  emitMs: number;
  docx: Uint8Array[];
}

const fontsOnce = loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });

async function measure(name: string, makeWorld: () => MemoryWorld, runs: number): Promise<Result> {
  // One font set for all runs, as a build has: the shared PDF font subsets are prepared once.
  const fonts = await fontsOnce;
  const checks: number[] = [];
  const docxs: number[] = [];
  const pdfs: number[] = [];
  const layouts: number[] = [];
  const emits: number[] = [];
  let docs = 0;
  let docx: Uint8Array[] = [];
  for (let r = 0; r < runs; r++) {
    const world = makeWorld();
    let t = performance.now();
    const checked = await checkProject(world);
    checks.push(performance.now() - t);
    docs = checked.documents.length;
    t = performance.now();
    docx = checked.documents.map((d) => renderDocx(d.doc, shell, arrangeDocument(d.doc, style, fonts), style));
    docxs.push(performance.now() - t);
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
    layouts.push(layout);
    emits.push(emit);
    pdfs.push(layout + emit);
  }
  return { name, docs, checkMs: median(checks), docxMs: median(docxs), pdfMs: median(pdfs), layoutMs: median(layouts), emitMs: median(emits), docx };
}

function print(r: Result): void {
  const total = r.checkMs + r.docxMs + r.pdfMs;
  console.log(
    `${r.name.padEnd(26)} ${String(r.docs).padStart(4)} docs  ${((1000 * r.docs) / total).toFixed(1).padStart(6)} docs/s  ` +
      `load+check ${r.checkMs.toFixed(0).padStart(5)} ms  DOCX ${(r.docxMs / r.docs).toFixed(2).padStart(6)} ms/doc  PDF ${(r.pdfMs / r.docs).toFixed(2).padStart(6)} ms/doc ` +
      `(layout ${(r.layoutMs / r.docs).toFixed(2)} + emit ${(r.emitMs / r.docs).toFixed(2)})`,
  );
}

/** Full build, no-op rebuild and a one-registration change, through buildProject (manifest, hashing, writes to memory). */
async function incremental(files: Record<string, Uint8Array>): Promise<void> {
  const opts = { dataDir: "data", outDir: "out", fontSource: "package" as const, fontPackageDir: fontsourceTinosDir()!, toolVersion: "bench" };
  const full: number[] = [];
  const noop: number[] = [];
  const one: number[] = [];
  for (let r = 0; r < 5; r++) {
    const world = memoryWorld(files, { outside: async (p) => new Uint8Array(await readFile(p)) });
    let t = performance.now();
    await buildProject(world, opts);
    full.push(performance.now() - t);
    t = performance.now();
    const again = await buildProject(world, opts);
    noop.push(performance.now() - t);
    if (again.written.length) throw new Error("no-op rebuild wrote files");
    const path = "data/2020/dang-ky/so-y-te.yaml";
    world.files.set(path, new TextEncoder().encode(new TextDecoder().decode(world.files.get(path)!).replace(/lao_dong_tien_tien: \d+/, `lao_dong_tien_tien: ${500 + r}`)));
    t = performance.now();
    await buildProject(world, opts);
    one.push(performance.now() - t);
  }
  const f = median(full);
  console.log(
    `build-docs, example: full ${f.toFixed(0)} ms; no-op rebuild ${median(noop).toFixed(0)} ms (${((100 * median(noop)) / f).toFixed(0)}% of full); ` +
      `one registration changed ${median(one).toFixed(0)} ms (${((100 * median(one)) / f).toFixed(0)}% of full)`,
  );
}

async function main(): Promise<void> {
  const files = exampleFiles();
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; medians of 5 runs, 3 for 200 units (a first run warms up)`);
  const t = performance.now();
  await preparePdfFonts(await fontsOnce);
  console.log(`PDF font subsets, prepared once per build: ${(performance.now() - t).toFixed(0)} ms`);
  await measure("warm-up", () => memoryWorld(files, { outside: async (p) => new Uint8Array(await readFile(p)) }), 1);
  const example = await measure("example (10 units)", () => memoryWorld(files, { outside: async (p) => new Uint8Array(await readFile(p)) }), 5);
  print(example);
  const large = await measure("synthetic (40 units)", () => syntheticWorld(files, 40), 5);
  print(large);
  const larger = await measure("synthetic (200 units)", () => syntheticWorld(files, 200), 3);
  print(larger);
  await incremental(files);
  console.log(`peak memory of this bench process (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
  const project200 = mkdtempSync(join(tmpdir(), "ktd-bench-200-"));
  try {
    for (const [path, bytes] of syntheticWorld(files, 200).files) {
      mkdirSync(dirname(join(project200, path)), { recursive: true });
      writeFileSync(join(project200, path), bytes);
    }
    benchCli(root, project200);
  } finally {
    rmSync(project200, { recursive: true, force: true });
  }
  if (!hasCommand("soffice")) {
    console.log("LibreOffice comparison skipped: soffice not installed");
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), "ktd-bench-"));
  try {
    const paths = example.docx.map((bytes, i) => {
      const p = join(tmp, `doc-${i}.docx`);
      writeFileSync(p, bytes);
      return p;
    });
    mkdirSync(join(tmp, "pdf"));
    const sofficeMs = sofficeToPdf(paths, join(tmp, "pdf"), join(tmp, "profile"));
    console.log(
      `LibreOffice, one soffice call for the same ${paths.length} DOCX: ${sofficeMs.toFixed(0)} ms (${(sofficeMs / paths.length).toFixed(1)} ms/doc); ` +
        `our PDF path: ${example.pdfMs.toFixed(0)} ms, ${(sofficeMs / example.pdfMs).toFixed(1)}× faster`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
