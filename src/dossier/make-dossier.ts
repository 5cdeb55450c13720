/**
 * `ho-so`: the award dossier of a year, out/<year>/ho-so-de-nghi-<year>.pdf (a reading copy: the
 * checklist, then each item's pages with a bookmark each) and out/<year>/ho-so-de-nghi/ with the
 * signed originals, which are the documents that count. The bloc's documents are taken as signed
 * (<stem>.signed.pdf) when there is such a copy, else the PDF itself (signed in place or not: the
 * checklist says which, by `sign`'s own verification). A missing item is a warning naming the file
 * to add. Written through the project transaction; a file there the tool did not write last is
 * never replaced (src/write/recorded-folder.ts). Files from units are read within a size limit.
 */
import { bundleMeta, READING_COPY_VI } from "../bundle/meta.ts";
import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { outputPath } from "../render/output-paths.ts";
import type { BuildOptions } from "../write/build.ts";
import { FAILED } from "../write/guard.ts";
import { prepareBuild } from "../write/prepare-step.ts";
import { stageRecorded, type PlannedFile, type RecordedFolder } from "../write/recorded-folder.ts";
import { inTransaction } from "../write/transaction.ts";
import { checklistDocument, type CheckedItem } from "./checklist.ts";
import { dossierItems } from "./items.ts";
import { readForeignPdf, signatureState } from "../sign/signature-state.ts";

export const DOSSIER_FILE: RecordedFolder = { dir: (out, y) => `${out}/${y}`, record: ".ho-so-de-nghi.json", names: /^ho-so-de-nghi-\d{4}\.pdf$/, kept: "dossier/kept-file", damaged: "files/record-damaged", command: "ho-so" };
export const ORIGINALS: RecordedFolder = { dir: (out, y) => `${out}/${y}/ho-so-de-nghi`, record: ".ban-goc.json", names: /^[a-z0-9][a-z0-9.-]*\.pdf$/, kept: "dossier/kept-file", damaged: "files/record-damaged", command: "ho-so" };

export interface DossierResult {
  diagnostics: Diagnostic[];
  written: string[];
  pending: string[];
  items: CheckedItem[];
}

export async function makeDossier(world: World, opts: BuildOptions): Promise<DossierResult> {
  const diags = new Diagnostics();
  let items: CheckedItem[] = [];
  const tx = await inTransaction(world, { command: "ho-so" }, diags, async (staging) => {
    const prepared = await prepareBuild(world, opts, diags);
    if (!prepared) return;
    const models = [...prepared.checked.models].sort((a, b) => a.year - b.year);
    const model = opts.year === undefined ? models.at(-1) : models.find((m) => m.year === opts.year);
    if (!model) {
      diags.error("dossier/no-year", { file: opts.dataDir, line: 0, column: 0 }, { year: String(opts.year ?? "") });
      return;
    }
    const year = model.year;
    const planned = dossierItems(model, prepared.checked.documents, opts.dataDir);
    const parts: { bytes: Uint8Array; title: string; group?: string }[] = [];
    const originals: PlannedFile[] = [];
    items = [];
    for (const item of planned) {
      const doc = item.source.kind === "document" ? item.source : undefined;
      const signed = doc ? outputPath(opts.outDir, year, `${doc.stem}.signed`, "pdf") : undefined;
      const plain = doc ? outputPath(opts.outDir, year, doc.stem, "pdf") : (item.source as { path: string }).path;
      const s = signed ? await readForeignPdf(world, signed, diags) : undefined;
      const p = s === undefined ? await readForeignPdf(world, plain, diags) : undefined;
      if (s === FAILED || p === FAILED) continue;
      const path = s ? signed! : plain;
      const bytes = s ?? p;
      if (!bytes) diags.warning(doc ? "dossier/missing-document" : "dossier/missing-unit-report", { file: plain, line: 0, column: 0 }, { path: plain, title: item.title });
      if (!bytes) {
        items.push(item);
        continue;
      }
      const { state, pages } = await signatureState(bytes);
      const name = path.slice(path.lastIndexOf("/") + 1);
      items.push({ ...item, file: name, state, pages });
      if (state.kind === "unreadable" || state.kind === "broken") {
        diags.warning("dossier/unusable-file", { file: path, line: 0, column: 0 }, { path, whyVi: state.kind === "broken" ? "chữ ký số không còn hợp lệ" : "không đọc được như tệp PDF", whyEn: state.kind === "broken" ? "its signature no longer verifies" : "it cannot be read as a PDF" });
        if (state.kind === "unreadable") continue;
      }
      parts.push({ bytes, title: `${item.no}. ${item.title}`, ...(item.award ? { group: item.award } : {}) });
      if (state.kind === "signed") originals.push({ year, name: item.source.kind === "unit-report" ? `bao-cao-thanh-tich-${item.source.unit}.pdf` : name, bytes });
    }
    const [{ layoutDocument }, { emitPdf }, { makeBundle }] = await Promise.all([import("../pdf/layout/document.ts"), import("../pdf/emit/emit-pdf.ts"), import("../bundle/make-bundle.ts")]);
    const checklist = await emitPdf(layoutDocument(checklistDocument(model, items), prepared.style, prepared.fonts), prepared.fonts);
    const meta = { ...bundleMeta(year, model.bloc.shortName), title: `Hồ sơ đề nghị khen thưởng năm ${year} – ${model.bloc.shortName}`, subject: READING_COPY_VI };
    const bundle = await makeBundle([{ bytes: checklist, title: "Danh mục hồ sơ" }, ...parts], meta);
    if (diags.hasErrors) return;
    await stageRecorded(world, opts.outDir, DOSSIER_FILE, [{ year, name: `ho-so-de-nghi-${year}.pdf`, bytes: bundle.bytes }], diags, staging);
    if (!diags.hasErrors && originals.length) await stageRecorded(world, opts.outDir, ORIGINALS, originals, diags, staging);
  });
  const records = [DOSSIER_FILE.record, ORIGINALS.record];
  return { diagnostics: diags.sorted(), written: tx.written.filter((p) => !records.some((r) => p.endsWith(`/${r}`))), pending: tx.pending, items };
}
