/**
 * Document information and language. Dates come from the document's date
 * (00:00 Vietnam time, +07:00) or from SOURCE_DATE_EPOCH when the caller
 * passes it, never from the clock, so a build is reproducible.
 */
import { PDFHexString, PDFName, PDFString, type PDFDocument } from "@cantoo/pdf-lib";
import type { DocMeta } from "../../document/model.ts";

export const CREATOR = "khoi-thi-dua";
export const PRODUCER = "khoi-thi-dua (@cantoo/pdf-lib)";

const VN_OFFSET_S = 7 * 3600;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "D:20200205000000+07'00'": a PDF date in Vietnam time. */
export function pdfDateVn(epochSeconds: number): string {
  const d = new Date((epochSeconds + VN_OFFSET_S) * 1000);
  if (Number.isNaN(d.getTime())) throw new Error(`emit: not a valid time: ${epochSeconds}`);
  return `D:${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}+07'00'`;
}

/** Seconds since the epoch of 00:00 +07:00 on an ISO date (YYYY-MM-DD). */
export function dateEpochVn(isoDate: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) throw new Error(`emit: meta.date must be YYYY-MM-DD, got "${isoDate}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCDate() !== Number(m[3]) || back.getUTCMonth() !== Number(m[2]) - 1) throw new Error(`emit: meta.date is not a calendar date: "${isoDate}"`);
  return ms / 1000 - VN_OFFSET_S;
}

/** Parses SOURCE_DATE_EPOCH (whole seconds). */
export function parseSourceDateEpoch(value: string | number): number {
  const n = typeof value === "number" ? value : /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`emit: SOURCE_DATE_EPOCH must be whole seconds since 1970, got "${value}"`);
  return n;
}

export function writeMetadata(pdf: PDFDocument, meta: DocMeta, sourceDateEpoch?: string | number): void {
  writeInfo(pdf, meta, pdfDateVn(sourceDateEpoch !== undefined ? parseSourceDateEpoch(sourceDateEpoch) : dateEpochVn(meta.date)));
}

/**
 * The Info dictionary and language of a PDF we write (a document or the year's bundle):
 * our own dictionary, so dates can carry the +07'00' offset (pdf-lib writes UTC).
 * `when` is a PDF date string; without one the file has no dates.
 */
export function writeInfo(pdf: PDFDocument, meta: Omit<DocMeta, "date">, when: string | undefined): void {
  const info = pdf.context.obj({});
  pdf.context.trailerInfo.Info = pdf.context.register(info);
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  pdf.setAuthor(meta.author);
  pdf.setSubject(meta.subject);
  if (meta.keywords.length) info.set(PDFName.of("Keywords"), PDFHexString.fromText(meta.keywords.join("; ")));
  pdf.setCreator(CREATOR);
  pdf.setProducer(PRODUCER);
  if (when) {
    info.set(PDFName.of("CreationDate"), PDFString.of(when));
    info.set(PDFName.of("ModDate"), PDFString.of(when));
  }
  pdf.setLanguage(meta.lang || "vi-VN");
}
