/**
 * Small PNG images for the signing tests, drawn here (no image files in the
 * repository): a blue handwritten-like stroke and a red round seal, both on a
 * transparent background, as Decree 30 describes the two signature images.
 */
import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
export function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** Encodes RGBA pixels (width × height × 4) as a PNG. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  return new Uint8Array(Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array(0))]));
}

function canvas(w: number, h: number, paint: (x: number, y: number) => [number, number, number, number] | undefined): Uint8Array {
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const c = paint(x, y);
      if (c) px.set(c, (y * w + x) * 4);
    }
  return encodePng(w, h, px);
}

/** A blue stroke, 300 × 120 px (a signature image is wider than tall). */
export function signaturePng(): Uint8Array {
  const W = 300;
  const H = 120;
  return canvas(W, H, (x, y) => {
    const t = x / W;
    const cy = H / 2 + Math.sin(t * Math.PI * 5) * 30 * (1 - t * 0.5) + (t - 0.5) * 20;
    return Math.abs(y - cy) < 3.5 && x > 15 && x < W - 15 ? [20, 40, 200, 255] : undefined;
  });
}

/** A red round seal, 200 × 200 px: two rings and a star. */
export function sealPng(): Uint8Array {
  const S = 200;
  const c = S / 2;
  return canvas(S, S, (x, y) => {
    const r = Math.hypot(x - c, y - c);
    const ring = (r > 92 && r < 98) || (r > 62 && r < 66);
    const a = Math.atan2(y - c, x - c);
    const star = r < 30 * (0.55 + 0.45 * Math.cos(5 * (a + Math.PI / 2)));
    return ring || star ? [210, 20, 30, 230] : undefined;
  });
}
