/**
 * The bundle's own writer (src/bundle/write-bundle.ts) on the example's committed PDFs, read by
 * our reader of their parts (src/pdf/parts/read-parts.ts): a valid file (qpdf --check when qpdf
 * is installed), every page, the bookmarks, no signature field, the metadata, each equal object
 * once; the parts give the report the facts pdf-lib reads; a PDF that is not ours is refused by
 * the reader and goes through pdf-lib (makeBundle).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "@cantoo/pdf-lib";
import { afterAll, describe, expect, it, vi } from "vitest";
import { makeBundle } from "../../src/bundle/make-bundle.ts";
import { bundleMeta } from "../../src/bundle/meta.ts";
import { writeBundle, type PartSource } from "../../src/bundle/write-bundle.ts";
import { memoryByteCache } from "../../src/pdf/fonts/byte-cache.ts";
import { fromCache, partsStore, pdfParsing } from "../../src/pdf/parts/parts-store.ts";
import { NotOurs, readParts } from "../../src/pdf/parts/read-parts.ts";
import { pdfFacts } from "../../src/report/year-output.ts";
import { hasCommand, run } from "../../src/tools/external.ts";
import { forgetContentMemos } from "../../src/write/content-memo.ts";
import { sha256 } from "../../src/write/hash.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { flatten, pageCount, readOutline, signatureTraces } from "./read-pdf.ts";
import { exampleStems } from "../helpers/registry-stems.ts";

const dir = mkdtempSync(join(tmpdir(), "write-bundle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const qpdf = hasCommand("qpdf");

const YEAR = join(REPO, "out/2020");
/** The example's document PDFs (not its bundle), as this tool wrote them. */
const pdfs = readdirSync(YEAR)
  .filter((f) => f.endsWith(".pdf") && !f.startsWith("ho-so-"))
  .sort()
  .map((f) => ({ stem: f.slice(0, -4), bytes: new Uint8Array(readFileSync(join(YEAR, f))) }));
const meta = bundleMeta(2020, "Khối 8");
const sources = (): PartSource[] =>
  pdfs.map((p, i) => ({ bytes: p.bytes, parts: readParts(p.bytes, sha256(p.bytes)), title: `Văn bản ${i + 1}: ${p.stem}`, ...(p.stem.startsWith("dang-ky-") ? { group: "Đăng ký" } : {}) }));

describe("the bundle's writer, on our own PDFs", async () => {
  const load = vi.spyOn(PDFDocument, "load");
  // Through makeBundle, as the build calls it: the documents' bytes with their recorded parts.
  const made = await makeBundle(sources(), meta);
  const loadsWhileWriting = load.mock.calls.length;
  load.mockRestore();
  const counts = await Promise.all(pdfs.map((p) => pageCount(p.bytes)));

  it("writes without parsing any PDF with pdf-lib", () => {
    expect(pdfs.length).toBe(exampleStems().length);
    expect(loadsWhileWriting).toBe(0);
  });

  it.skipIf(!qpdf)("writes a file qpdf finds no fault in", () => {
    const path = join(dir, "bundle.pdf");
    writeFileSync(path, made.bytes);
    const out = run("qpdf", ["--check", path]);
    expect(out).toContain("No syntax or stream encoding errors");
    expect(out).not.toMatch(/WARNING/);
  });

  it("has every page of every document, in order, and says how many each gave", async () => {
    expect(made.pages).toEqual(counts);
    expect(await pageCount(made.bytes)).toBe(counts.reduce((a, b) => a + b, 0));
    // The pages are the documents' own: each page's content stream, byte for byte, in order.
    const text = Buffer.from(made.bytes);
    for (const p of pdfs.slice(0, 3)) {
      const parts = readParts(p.bytes, sha256(p.bytes));
      const page = parts.objects.find((o) => o.n === parts.pages[0]!.n)!;
      const [, from, to] = parts.pages[0]!.entries.find(([k]) => k === "Contents")!;
      const j = page.r.findIndex((pos, i) => i % 3 === 0 && pos >= from && pos < to);
      const content = parts.objects.find((o) => o.n === page.r[j + 2])!;
      expect(text.includes(Buffer.from(p.bytes.subarray(content.v1, content.t)))).toBe(true);
    }
  });

  it("bookmarks each document at its first page, a group's documents under one closed parent", async () => {
    const { items, pageMode } = await readOutline(made.bytes);
    expect(pageMode).toBe("UseOutlines");
    const leaves = flatten(items).filter((i) => i.children.length === 0);
    expect(leaves.map((l) => l.title)).toEqual(pdfs.map((p, i) => `Văn bản ${i + 1}: ${p.stem}`));
    let at = 0;
    leaves.forEach((l, i) => {
      expect(l.page, l.title).toBe(at);
      at += counts[i]!;
    });
    const group = items.find((i) => i.title === "Đăng ký")!;
    expect(group.children).toHaveLength(pdfs.filter((p) => p.stem.startsWith("dang-ky-")).length);
    expect(group.count).toBe(-group.children.length);
    for (const i of flatten(items)) expect(i.hex.slice(0, 4).toUpperCase()).toBe("FEFF");
  });

  it("carries no signature field, though the documents do", async () => {
    expect((await signatureTraces(pdfs.find((p) => p.stem === "bien-ban-binh-bau")!.bytes)).widgets).toBeGreaterThan(0);
    expect(await signatureTraces(made.bytes)).toEqual({ widgets: 0, acroForm: false, raw: [] });
  });

  it("says what it is, with the latest of the documents' dates", async () => {
    const pdf = await PDFDocument.load(made.bytes, { updateMetadata: false });
    expect([pdf.getTitle(), pdf.getAuthor(), pdf.getSubject(), pdf.getKeywords(), pdf.getCreator(), pdf.getProducer()]).toEqual([
      meta.title,
      meta.author,
      meta.subject,
      meta.keywords.join("; "),
      "khoi-thi-dua",
      "khoi-thi-dua (@cantoo/pdf-lib)",
    ]);
    const dates = pdfs.map((p) => readParts(p.bytes, sha256(p.bytes)).modDate!).sort();
    expect(Buffer.from(made.bytes).toString("latin1")).toContain(`/ModDate (${dates[dates.length - 1]})`);
    expect(Buffer.from(made.bytes).toString("latin1")).toMatch(/\/Lang \(vi-VN\)/);
  });

  it("keeps each equal object once (a font subset every document embeds, with its dictionaries), and is the same bytes again", () => {
    const text = Buffer.from(made.bytes).toString("latin1");
    const fontFiles = (t: string) => (t.match(/\/Length1 /g) ?? []).length;
    const fontDicts = (t: string) => (t.match(/\/Subtype \/Type0/g) ?? []).length;
    const first = Buffer.from(pdfs[0]!.bytes).toString("latin1");
    expect(fontFiles(text)).toBe(fontFiles(first));
    expect(fontDicts(text)).toBe(fontDicts(first));
    expect(Buffer.compare(Buffer.from(writeBundle(sources(), meta).bytes), Buffer.from(made.bytes))).toBe(0);
    forgetContentMemos();
    return makeBundle(sources(), meta).then((again) => expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(made.bytes))).toBe(0));
  });
});

describe("a PDF's recorded parts", () => {
  it("give the report the page count and signature fields pdf-lib reads", async () => {
    for (const p of pdfs) {
      forgetContentMemos();
      const read = await pdfFacts(p.bytes);
      expect(await pdfFacts(p.bytes, readParts(p.bytes, sha256(p.bytes))), p.stem).toEqual(read);
    }
    expect((await pdfFacts(pdfs.find((p) => p.stem === "bien-ban-binh-bau")!.bytes)).signatureFields.length).toBeGreaterThan(0);
  });

  it("are refused, not a crash, for a PDF whose stream length refers to itself; an entry whose places lead out of the file is ignored", () => {
    const body = ["%PDF-1.7\n", "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n", "3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n", "4 0 obj\n<< /Length 4 0 R >>\nstream\nq Q\nendstream\nendobj\n"];
    let at = 0;
    const offsets = body.map((part) => ((at += part.length), at - part.length));
    const xref = `xref\n0 5\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`;
    const looped = new TextEncoder().encode(body.join("") + xref);
    expect(() => readParts(looped, sha256(looped))).toThrow(NotOurs);
    const own = pdfs[0]!.bytes;
    const entry = JSON.parse(JSON.stringify(readParts(own, sha256(own)))) as Record<string, unknown>;
    const stretched = JSON.stringify(entry).replace(/"([A-Za-z]{2,})"/g, (m, name: string) => (name === "format" || name === "sha256" || name === "size" ? m : `"${name}${"X".repeat(own.length)}"`));
    expect(fromCache(new TextEncoder().encode(stretched), own, sha256(own))).toBeUndefined();
  });

  it("are refused for a PDF that is not ours; makeBundle takes such a PDF through pdf-lib, without its signature fields", async () => {
    // Saved by another program: object streams and a cross-reference stream, the AcroForm kept.
    const source = pdfs.find((p) => p.stem === "bien-ban-binh-bau")!;
    const other = await (await PDFDocument.load(source.bytes, { updateMetadata: false })).save({ useObjectStreams: true });
    expect(() => readParts(other, sha256(other))).toThrow(NotOurs);
    // One with an update appended (as a signature is): refused too.
    const appended = Buffer.concat([Buffer.from(source.bytes), Buffer.from(`\n1 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\n1 1\n0000000000 00000 n \ntrailer\n<< /Size 2 /Prev 10 >>\nstartxref\n${source.bytes.length + 1}\n%%EOF`)]);
    expect(() => readParts(appended, sha256(appended))).toThrow(NotOurs);

    const store = partsStore(memoryByteCache());
    const parsed: string[] = [];
    pdfParsing.observe = (_sha, by) => parsed.push(by);
    try {
      const ours = pdfs.find((p) => p.stem === "giay-moi")!;
      const bundle = await makeBundle(
        [
          { bytes: ours.bytes, parts: (await store.parts(ours.bytes))!, title: "Giấy mời" },
          { bytes: other, title: "Biên bản" },
        ],
        meta,
      );
      expect(await store.parts(other)).toBeUndefined();
      expect(parsed).toEqual(["own", "pdf-lib", "own"]);
      expect(bundle.pages).toEqual([await pageCount(ours.bytes), await pageCount(source.bytes)]);
      expect(await signatureTraces(bundle.bytes)).toEqual({ widgets: 0, acroForm: false, raw: [] });
      expect(Buffer.from(bundle.bytes).toString("latin1")).toContain(`/ModDate (${readParts(source.bytes, sha256(source.bytes)).modDate})`);
      if (qpdf) {
        writeFileSync(join(dir, "mixed.pdf"), bundle.bytes);
        expect(run("qpdf", ["--check", join(dir, "mixed.pdf")])).toContain("No syntax or stream encoding errors");
      }
    } finally {
      pdfParsing.observe = undefined;
    }
  });
});
