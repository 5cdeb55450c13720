/** Every stream emitPdf writes is compressed by node:zlib (native), and the zlib version is there for the tool's identity. */
import { PDFDocument, PDFName, PDFRawStream } from "@cantoo/pdf-lib";
import { beforeEach, describe, expect, it, vi } from "vitest";

const calls = vi.hoisted(() => ({ deflate: [] as number[] }));
vi.mock("node:zlib", async (importOriginal) => {
  const zlib = await importOriginal<typeof import("node:zlib")>();
  const deflateSync = (buf: Parameters<typeof zlib.deflateSync>[0], opts?: Parameters<typeof zlib.deflateSync>[1]) => {
    const out = zlib.deflateSync(buf, opts);
    calls.deflate.push(out.length);
    return out;
  };
  return { ...zlib, default: { ...zlib, deflateSync }, deflateSync };
});

const { emitPdf } = await import("../../../src/pdf/emit/emit-pdf.ts");
const { zlibVersion } = await import("../../../src/pdf/emit/compress.ts");
const { packageFontSet } = await import("./emit-helpers.ts");
const { longDocument } = await import("./sample-document.ts");

beforeEach(() => {
  calls.deflate.length = 0;
});

describe("compression", () => {
  it("compresses every page, font program and ToUnicode map with node:zlib", async () => {
    const fonts = await packageFontSet();
    const bytes = await emitPdf(longDocument(fonts, 3, 200), fonts);
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    const flate = new Set<number>();
    for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFRawStream && obj.dict.get(PDFName.of("Filter"))) flate.add(obj.contents.length);
    }
    // 3 pages + 8 font programs + 8 ToUnicode maps
    expect(flate.size).toBeGreaterThanOrEqual(3);
    for (const len of flate) expect(calls.deflate, `a stream of ${len} bytes`).toContain(len);
  });

  it("names the zlib version, on which the compressed bytes depend", () => {
    expect(zlibVersion()).toBe(process.versions.zlib);
    expect(zlibVersion()).toMatch(/^\d+\.\d+/);
  });
});
