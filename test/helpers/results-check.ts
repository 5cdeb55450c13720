/**
 * Checks a built year's results file (out/<year>/ket-qua-<year>.json) against its published JSON
 * Schema (ajv) and against the documents it describes, read back from their files: each
 * document's number line (DOCX and PDF text), page count (pdf-lib) and hashes; the score table of
 * the year-end report (DOCX cells and PDF lines); the vote tables of the minutes; the proposal's list.
 */
import { readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { PDFDocument } from "@cantoo/pdf-lib";
import { expect } from "vitest";
import { pdfText } from "../../src/cli/pdf-text.ts";
import type { ResultsFile } from "../../src/results/schema.ts";
import { RESULTS_SCHEMA_FILE } from "../../src/results/schema.ts";
import { docxTables } from "./docx-tables.ts";
import { docxParts, part } from "../render/docx/docx-helpers.ts";

/** The published schema, compiled once. */
let validator: Promise<(x: unknown) => { ok: boolean; errors: unknown }> | undefined;
export function validateResults(x: unknown): Promise<{ ok: boolean; errors: unknown }> {
  validator ??= (async () => {
    const { default: Ajv } = await import("ajv/dist/2020.js");
    const ajv = new Ajv.default({ strict: true, allErrors: true });
    const check = ajv.compile(JSON.parse(readFileSync(RESULTS_SCHEMA_FILE, "utf8")) as object);
    return (y: unknown) => ({ ok: check(y) as boolean, errors: check.errors });
  })();
  return validator.then((v) => v(x));
}

/** "102,5" as the documents print it. */
const num = (n: number) => String(n).replace(".", ",");
const pct = (r: number) => `${num(Math.round(r * 10000) / 100)}%`;
const two = (n: number) => String(n).padStart(2, "0");

export async function checkResultsAgainstDocuments(files: ReadonlyMap<string, Uint8Array>, year: number): Promise<ResultsFile> {
  const bytes = files.get(`out/${year}/ket-qua-${year}.json`);
  expect(bytes, "the results file is built").toBeDefined();
  const r = JSON.parse(new TextDecoder().decode(bytes)) as ResultsFile;
  const valid = await validateResults(r);
  expect(valid.errors ?? [], "valid against the published schema").toEqual([]);
  expect(valid.ok).toBe(true);
  const name = new Map(r.don_vi.map((u) => [u.ma, u.ten]));
  const docxOf = (stem: string) => part(docxParts(files.get(`out/${year}/${stem}.docx`)!), "word/document.xml");

  // Every document: its files' hashes and sizes, its page count, its number line in both files.
  expect(r.van_ban.length).toBeGreaterThan(0);
  for (const d of r.van_ban) {
    for (const f of d.tep) {
      const b = files.get(`out/${year}/${f.ten}`)!;
      expect(createHash("sha256").update(b).digest("hex"), f.ten).toBe(f.sha256);
      expect(b.length).toBe(f.kich_thuoc);
    }
    // Where to sign and stamp: what the document's own .ky-so.json says (itself checked against the PDF's widgets and text).
    const places = JSON.parse(new TextDecoder().decode(files.get(`out/${year}/${d.ma}.ky-so.json`)!)) as { o: unknown[] };
    expect(d.vi_tri_ky, `${d.ma}: signing places`).toEqual(places.o);
    expect(d.vi_tri_ky.filter((p) => p.loai === "chu-ky" || p.loai === "dau").map((p) => p.ten).sort(), `${d.ma}: a place for every field`).toEqual([...d.o_chu_ky].sort());
    const pdf = files.get(`out/${year}/${d.ma}.pdf`)!;
    expect((await PDFDocument.load(pdf)).getPageCount(), `${d.ma} pages`).toBe(d.so_trang);
    const line = d.so === null ? null : `Số: ${two(d.so)}/${d.ky_hieu}`;
    if (line) {
      expect(docxTables(docxOf(d.ma)).flat(2).some((c) => c.startsWith(line)), `${d.ma}: ${line} in the DOCX`).toBe(true);
      expect(await pdfText(pdf, 1e7), `${d.ma}: ${line} in the PDF`).toContain(line);
    }
  }

  // The year-end report's score table: every row, DOCX cell by cell and PDF line by line.
  const report = r.van_ban.find((d) => d.loai === "tong-ket")!;
  const table = docxTables(docxOf(report.ma)).find((t) => t[0]?.[0] === "STT" && t[0]?.includes("Tổng"))!;
  const reportText = (await pdfText(files.get(`out/${year}/${report.ma}.pdf`)!, 1e7)).replace(/\s+/g, " ");
  const head = table[0]!;
  const col = (h: string) => head.indexOf(h);
  for (const s of r.diem.don_vi) {
    const row = table.find((x) => x[1] === name.get(s.don_vi));
    expect(row, `${s.don_vi} in the score table`).toBeDefined();
    const cells = [row![col("Tự chấm")], row![col("Khối chấm")], row![col("Điểm cộng")], row![col("Điểm trừ")], row![col("Tổng")], row![col("Xếp hạng")]];
    const want = [num(s.tu_cham), num(s.khoi_cham), num(s.diem_cong), num(s.diem_tru), num(s.tong), String(s.xep_hang)];
    expect(cells, s.don_vi).toEqual(want);
    expect(reportText, `${s.don_vi}'s scores in the PDF`).toContain(want.join(" "));
  }

  // The minutes' vote tables, one per round of each award, in order.
  const minutes = r.van_ban.find((d) => d.loai === "bien-ban")!;
  const voteTables = docxTables(docxOf(minutes.ma)).filter((t) => t[0]?.[0] === "TT");
  const rounds = r.binh_bau.danh_hieu.flatMap((a) => a.vong);
  expect(voteTables.length).toBe(rounds.length);
  rounds.forEach((v, i) => {
    const rows = voteTables[i]!.slice(1).map((x) => [x[1], x[2], x[3]]);
    expect(rows, `round ${v.vong}`).toEqual(v.ket_qua.map((x) => [name.get(x.don_vi), String(x.so_phieu), pct(x.ty_le)]));
  });

  // The proposal's list: the units proposed, award by award.
  const proposal = r.van_ban.find((d) => d.loai === "to-trinh")!;
  const list = docxTables(docxOf(proposal.ma)).find((t) => t[0]?.[0] === "STT")!.slice(1).map((x) => [x[1], x[2]]);
  expect(list).toEqual(r.binh_bau.danh_hieu.flatMap((a) => a.de_nghi.map((u) => [name.get(u), a.ten])));
  return r;
}
