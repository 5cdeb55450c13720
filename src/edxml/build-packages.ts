/**
 * The build's edXML packages: every document it makes whose data sets gui_edxml: true is packed
 * (pack-document.ts) from the PDF this build made, or the signed copy, and staged in the build's
 * own transaction, so the package and its PDF are committed together or not at all. A document
 * that cannot be packed yet (no number or date, an agency without an id, a signed copy older than
 * the data, a package there a person put) does not stop the build: what the `edxml` command
 * refuses with an error is a warning here, with one more naming the document whose package was
 * not made; a package made before is left as it is.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import type { YearModel } from "../model/types.ts";
import { outputPath } from "../render/output-paths.ts";
import { stageRecorded, type PlannedFile, type RecordedWriteResult } from "../write/recorded-folder.ts";
import type { Staging } from "../write/transaction.ts";
import { EDXML_FOLDER, packDocument } from "./pack-document.ts";

export interface BuildPackages {
  docs: readonly ComposedDocument[];
  models: readonly YearModel[];
  dataDir: string;
  outDir: string;
  /** The files this build made, by path (a PDF it made is packed from these bytes). */
  made: ReadonlyMap<string, Uint8Array>;
}

/** The documents of a build that ask for their package. */
export const toSend = (docs: readonly ComposedDocument[]) => docs.filter((d) => d.issue.send);

export async function stagePackages(world: World, job: BuildPackages, diags: Diagnostics, staging: Staging): Promise<RecordedWriteResult> {
  const docs = toSend(job.docs);
  if (!docs.length) return { written: [], unchanged: [] };
  const blocFile = `${job.dataDir}/khoi.yaml`;
  const blocText = new TextDecoder().decode((await world.readFile(blocFile)) ?? new Uint8Array());
  const planned: PlannedFile[] = [];
  const said = new Diagnostics();
  for (const doc of docs) {
    const model = job.models.find((m) => m.year === doc.year);
    if (!model) continue;
    const own = new Diagnostics();
    const fresh = job.made.get(outputPath(job.outDir, doc.year, doc.doc.stem, "pdf"));
    const file = await packDocument(world, { doc, model, outDir: job.outDir, blocFile, blocText, ...(fresh ? { fresh } : {}) }, own);
    for (const d of own.items) said.warning(d.code, d.pos, d.params);
    if (file) planned.push(file);
    else said.warning("edxml/not-packed", { file: doc.source, line: 1, column: 1 }, { document: `${doc.doc.stem}.pdf`, path: `${EDXML_FOLDER.dir(job.outDir, doc.year)}/${doc.doc.stem}.edxml` });
  }
  // A folder the build cannot write into as its own (a file, or a link, where out/<year>/edxml/ should be) keeps that year's packages
  // unwritten, said as a warning: it must not fail the build of the documents.
  const usable: PlannedFile[] = [];
  for (const year of [...new Set(planned.map((f) => f.year))]) {
    const why = await unusable(world, job.outDir, year, planned.filter((f) => f.year === year).map((f) => f.name));
    if (why) {
      said.warning("edxml/folder-unusable", { file: why, line: 0, column: 0 }, { path: why });
      for (const f of planned.filter((x) => x.year === year)) said.warning("edxml/not-packed", { file: `${job.dataDir}/${year}`, line: 0, column: 0 }, { document: f.name.replace(/\.edxml$/, ".pdf"), path: `${EDXML_FOLDER.dir(job.outDir, year)}/${f.name}` });
    } else usable.push(...planned.filter((f) => f.year === year));
  }
  // A package there that is not the tool's keeps every package as it is (as the edxml command does), said as a warning.
  const staged = new Diagnostics();
  const r = usable.length ? await stageRecorded(world, job.outDir, EDXML_FOLDER, usable, staged, staging) : { written: [], unchanged: [] };
  for (const d of staged.items) said.warning(d.code, d.pos, d.params);
  for (const d of said.items) diags.add(d);
  return r;
}

/** Where out/<year>/edxml/ (or a package in it) is not a folder or file of the build's own but a file or a link elsewhere; undefined when it is writable as the build's. */
async function unusable(world: World, outDir: string, year: number, names: readonly string[]): Promise<string | undefined> {
  const dir = EDXML_FOLDER.dir(outDir, year);
  try {
    if ((await world.fileSize(dir)) !== undefined) return dir;
    if ((await world.listDir(dir)) === undefined) return undefined;
    const [realDir, realYear] = [await world.realPath(dir), await world.realPath(`${outDir}/${year}`)];
    if (!realDir || !realYear || realDir !== `${realYear}/edxml`) return dir;
    for (const name of names) {
      const real = await world.realPath(`${dir}/${name}`);
      if (real !== undefined && real !== `${realDir}/${name}`) return `${dir}/${name}`;
    }
    return undefined;
  } catch {
    return dir;
  }
}
