/**
 * A seal or signature image is read strictly before it is drawn: a truncated or malformed PNG is
 * refused (it would be drawn mostly empty), and a seal stating a size no seal has (a resolution
 * of 0.0001 mm or 4 m) is refused with a hint, not drawn as a dot or clipped; --seal-mm gives it.
 */
import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { parseSignArgs } from "../../src/sign/args.ts";
import { SignError } from "../../src/sign/errors.ts";
import { readSignatureImage } from "../../src/sign/signature-image.ts";
import { chunk, sealPng } from "./images.ts";

const SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(w: number, h: number, depth: number, colour: number, interlace = 0): Buffer {
  const b = Buffer.alloc(13);
  b.writeUInt32BE(w, 0);
  b.writeUInt32BE(h, 4);
  b[8] = depth;
  b[9] = colour;
  b[12] = interlace;
  return chunk("IHDR", b);
}

const png = (...chunks: Buffer[]) => new Uint8Array(Buffer.concat([SIG, ...chunks, chunk("IEND", new Uint8Array(0))]));
const phys = (x: number, y = x, unit = 1) => {
  const d = Buffer.alloc(9);
  d.writeUInt32BE(x >>> 0, 0);
  d.writeUInt32BE(y >>> 0, 4);
  d[8] = unit;
  return chunk("pHYs", d);
};
/** Rows of a 100 × 100 RGBA image, filter byte `filter` on each. */
const rows = (n: number, filter = 0) => Buffer.concat(Array.from({ length: n }, () => Buffer.concat([Buffer.from([filter]), Buffer.alloc(400)])));

function refused(bytes: Uint8Array): string {
  try {
    readSignatureImage(bytes, "x.png");
  } catch (e) {
    if (e instanceof SignError) return e.code;
    throw e;
  }
  return "accepted";
}

describe("a PNG is read strictly", () => {
  it("accepts a well-formed image and reads its resolution", () => {
    const ok = png(ihdr(100, 100, 8, 6), phys(Math.round(100 / 0.036)), chunk("IDAT", deflateSync(rows(100))));
    expect(readSignatureImage(ok, "x.png").sizeMm?.width).toBeCloseTo(36, 1);
    expect(refused(sealPng())).toBe("accepted");
  });

  it("refuses data that inflates to fewer rows than the header says (truncated)", () => {
    expect(refused(png(ihdr(100, 100, 8, 6), chunk("IDAT", deflateSync(rows(3)))))).toBe("image/invalid");
  });

  it("refuses a filter type past 4, an interlace method past 1 and a depth the colour type does not allow", () => {
    expect(refused(png(ihdr(100, 100, 8, 6), chunk("IDAT", deflateSync(rows(100, 9)))))).toBe("image/invalid");
    expect(refused(png(ihdr(100, 100, 8, 6, 7), chunk("IDAT", deflateSync(rows(100)))))).toBe("image/invalid");
    expect(refused(png(ihdr(100, 100, 1, 6), chunk("IDAT", deflateSync(Buffer.alloc(100 * 14)))))).toBe("image/invalid");
  });

  it("refuses a resolution of 0, two of them, one after the image data, or different across and down", () => {
    const data = chunk("IDAT", deflateSync(rows(100)));
    expect(refused(png(ihdr(100, 100, 8, 6), phys(0), data))).toBe("image/invalid");
    expect(refused(png(ihdr(100, 100, 8, 6), phys(3000), phys(4000), data))).toBe("image/invalid");
    expect(refused(png(ihdr(100, 100, 8, 6), data, phys(3000)))).toBe("image/invalid");
    expect(refused(png(ihdr(100, 100, 8, 6), phys(3000, 6000), data))).toBe("image/invalid");
  });
});

describe("a JPEG's stated resolution (JFIF)", () => {
  it("gives its real size, as a PNG's does", () => {
    // SOI, APP0 JFIF 600 dpi, SOF0 425 × 425, EOI.
    const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x02, 0x58, 0x02, 0x58, 0x00, 0x00]);
    const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x01, 0xa9, 0x01, 0xa9, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x0c, 0x03, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0, 0x12, 0x34, 0x56]);
    const jpeg = new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, sos, Buffer.from([0xff, 0xd9])]));
    expect(readSignatureImage(jpeg, "x.jpg").sizeMm?.width).toBeCloseTo((425 / 600) * 25.4, 2);
  });

  it("refuses a JPEG cut short: after its frame header, or in its image data", () => {
    const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x10, 0x00, 0x10, 0x03, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0]);
    const sos = Buffer.from([0xff, 0xda, 0x00, 0x0c, 0x03, 1, 0, 2, 0x11, 3, 0x11, 0, 0x3f, 0, 0x12, 0x34, 0x56]);
    expect(refused(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), sof])))).toBe("image/invalid");
    expect(refused(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos])))).toBe("image/invalid");
    expect(refused(new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xd8]), sof, sos, Buffer.from([0xff, 0xd9])])))).toBe("accepted");
  });
});

describe("--seal-mm", () => {
  it("takes a real seal's size in mm and refuses any other", () => {
    expect(parseSignArgs(["a.pdf", "--p12", "k.p12", "--image", "s.png", "--seal-mm", "34.5"]).sealMm).toBe(34.5);
    for (const bad of ["0", "5", "200", "-30", "abc", "1e2"]) expect(parseSignArgs(["a.pdf", "--p12", "k.p12", "--image", "s.png", "--seal-mm", bad]).errors, bad).toHaveLength(1);
    // Without a seal's image it would do nothing: said, not ignored.
    expect(parseSignArgs(["a.pdf", "--p12", "k.p12", "--seal-mm", "36"]).errors).toHaveLength(1);
  });
});

