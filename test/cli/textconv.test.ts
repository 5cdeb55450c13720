/**
 * `textconv` is git's driver for diffs of out/**.docx|.pdf: a large file must still show its
 * text (a 200-unit print bundle has more than 1 MiB of it), in bounded memory, and say when
 * the text is cut; a normal file's text is what it always was.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "@cantoo/pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_DOCX_XML_BYTES, ParagraphLines } from "../../src/cli/docx-text.ts";
import { MAX_PDF_TEXT_BYTES } from "../../src/cli/textconv.ts";
import { REPO } from "../helpers/fixture-world.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-textconv-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const BIN = join(REPO, "bin", "khoi-thi-dua.js");

function textconv(file: string, opts: { path?: string; nodeArgs?: string[] } = {}) {
  const env = { ...process.env, ...(opts.path ? { PATH: `${opts.path}:${process.env["PATH"]}` } : {}) };
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), BIN, "textconv", file], { encoding: "utf8", env, maxBuffer: 256 * 1024 * 1024 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A folder holding a `pdftotext` that prints `lines` lines of text, whatever PDF it is given. */
function fakePdftotext(name: string, lines: number): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  const script = join(dir, "pdftotext");
  writeFileSync(script, `#!/bin/sh\nyes "Hồ sơ thi đua của đơn vị, trang in đủ dài để làm đầy một dòng văn bản" | head -n ${lines}\n`);
  chmodSync(script, 0o755);
  return dir;
}

/** A zip with one entry, deflated. */
function zipOne(name: string, content: Uint8Array): Uint8Array {
  const data = deflateRawSync(content);
  const n = Buffer.from(name);
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(n.length, 28);
  central.writeUInt32LE(0, 42);
  const cdStart = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdStart, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

/** word/document.xml of `size` bytes: the same paragraph again and again (it deflates about 1000:1). */
function documentXml(size: number): Buffer {
  const head = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="x"><w:body>';
  const para = '<w:p><w:r><w:t xml:space="preserve">Báo cáo tổng kết &amp; đề nghị khen thưởng</w:t><w:tab/><w:t>200 đơn vị</w:t></w:r></w:p>';
  const tail = "</w:body></w:document>";
  const paras = Math.floor((size - head.length - tail.length) / Buffer.byteLength(para));
  return Buffer.concat([Buffer.from(head), Buffer.alloc(paras * Buffer.byteLength(para), para), Buffer.from(tail)]);
}

describe("textconv of a PDF with more than 1 MiB of text", () => {
  it("shows all of its text, not 'install poppler-utils'", () => {
    const pdf = join(tmp, "bundle.pdf");
    writeFileSync(pdf, "%PDF-1.7\n");
    const r = textconv(pdf, { path: fakePdftotext("fake-3mib", 40_000) });
    expect(r.out).not.toContain("poppler");
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(3 * 1024 * 1024);
    expect(r.out.split("\n")).toHaveLength(40_001);
  });

  it("cuts text longer than the cap at a whole line and says so", () => {
    const pdf = join(tmp, "huge.pdf");
    writeFileSync(pdf, "%PDF-1.7\n");
    const r = textconv(pdf, { path: fakePdftotext("fake-huge", 500_000) });
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines.at(-2)).toContain(`cut here: the PDF's text is longer than ${MAX_PDF_TEXT_BYTES / 1024 / 1024} MiB`);
    expect(lines.at(-3)).toBe("Hồ sơ thi đua của đơn vị, trang in đủ dài để làm đầy một dòng văn bản");
    expect(Buffer.byteLength(r.out)).toBeLessThan(MAX_PDF_TEXT_BYTES + 1000);
  });

  it.skipIf(spawnSync("pdftotext", ["-v"]).error !== undefined)("through the real pdftotext too", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const line = "Unit 000 of the bloc: registration, mid-year and year-end results, score 95.50 of 100";
    for (let p = 0; p < 300; p++) {
      const page = doc.addPage([595, 842]);
      for (let l = 0; l < 50; l++) page.drawText(line.replace("000", String(p).padStart(3, "0")), { x: 20, y: 820 - l * 16, size: 8, font });
    }
    const pdf = join(tmp, "real.pdf");
    writeFileSync(pdf, await doc.save());
    const r = textconv(pdf);
    expect(r.out).not.toContain("poppler");
    expect(r.code).toBe(0);
    expect(Buffer.byteLength(r.out)).toBeGreaterThan(1024 * 1024);
    expect(r.out).toContain("Unit 299 of the bloc");
  });
});

describe("textconv of a large DOCX", () => {
  it("a DOCX whose document.xml inflates past the cap: bounded memory, the text up to the cap, and a note", () => {
    const xml = documentXml(MAX_DOCX_XML_BYTES + 16 * 1024 * 1024);
    const docx = join(tmp, "big.docx");
    const zip = zipOne("word/document.xml", xml);
    expect(zip.length).toBeLessThan(1024 * 1024);
    writeFileSync(docx, zip);
    // A heap far smaller than the document's text: it has to be read as a stream.
    const r = textconv(docx, { nodeArgs: ["--max-old-space-size=160"] });
    expect(r.err).not.toContain("heap");
    expect(r.code).toBe(0);
    const lines = r.out.split("\n");
    expect(lines[0]).toBe("Báo cáo tổng kết & đề nghị khen thưởng\t200 đơn vị");
    expect(lines.at(-2)).toBe("(… cut here: word/document.xml is larger than 64 MiB unzipped; only the text of its first 64 MiB is shown)");
  }, 120_000);

  it("the text is the same however the XML arrives in pieces, and as it always was", () => {
    // The reading before streaming: the whole XML split at </w:p>.
    const whole = (xml: string) =>
      xml
        .split(/<\/w:p>/)
        .map((p) =>
          [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
            .map((m) => (m[1] === undefined ? "\t" : m[1]))
            .join("")
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, "&"),
        )
        .filter((l) => l.trim() !== "")
        .join("\n") + "\n";
    const toks = ["<w:p>", "</w:p>", "<w:t>", '<w:t xml:space="preserve">', "</w:t>", "<w:tab/>", "<w:r>", "</w:r>", "a", "Ơ", " ", "&amp;", "&am", "p;", ">", "<w:tbl>", "<w:t/>", "\n", "<w:tabs>"];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let t = 0; t < 5000; t++) {
      let xml = "";
      for (let i = rand(40); i > 0; i--) xml += toks[rand(toks.length)];
      const lines = new ParagraphLines();
      for (let i = 0, step = 1; i < xml.length; i += step, step = 1 + rand(6)) lines.push(xml.slice(i, i + step));
      expect(lines.end()).toBe(whole(xml));
    }
  });
});

describe("a PDF's text without poppler (usual on Windows)", () => {
  it("is read by the tool itself: the words of the document, in lines, not a byte count", async () => {
    const { textconv: inProcess } = await import("../../src/cli/textconv.ts");
    const saved = process.env["PATH"];
    process.env["PATH"] = tmp; // no pdftotext there
    let text: string;
    try {
      text = await inProcess(join(REPO, "out", "2020", "ke-hoach.pdf"));
    } finally {
      process.env["PATH"] = saved;
    }
    expect(text).not.toMatch(/poppler|bytes/u);
    const lines = text.split("\n");
    expect(lines).toContain("KẾ HOẠCH");
    expect(lines).toContain("Tổ chức và phát động phong trào thi đua năm 2020");
    expect(lines.some((l) => /^UBND TỈNH TRÀ VINH\s+CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM$/u.test(l))).toBe(true);
    // One form feed per page, as pdftotext gives them.
    expect(text.split("\f").length - 1).toBe(3);
  });
});
