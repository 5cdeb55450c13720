/**
 * The signature image, bounded before anything decodes it. A small file can
 * ask for a huge picture (a 445 KB PNG of 20,000 × 20,000 points took 1.6 GB
 * and a minute to embed), and a PNG's compressed data or text chunks can
 * inflate far beyond what its size suggests. So:
 *
 *   - the file is at most MAX_IMAGE_BYTES;
 *   - its width and height, read from the header (PNG IHDR, JPEG SOF), give
 *     at most MAX_IMAGE_PIXELS;
 *   - a PNG is passed on with only the chunks that draw it (IHDR, PLTE, tRNS,
 *     IDAT, IEND): text and other chunks are dropped unread, an animated PNG
 *     is refused, and its image data is inflated once here with a ceiling of
 *     exactly what the header's size needs, so the decoder that follows works
 *     on a known amount. A JPEG is embedded as it is (not decoded).
 */
import { inflateSync } from "node:zlib";
import { SignError } from "./errors.ts";

/** A signature or seal image needs some hundred points a side; these leave room for a scan at 600 dpi. */
export const MAX_IMAGE_BYTES = 4 * 1024 * 1024;
export const MAX_IMAGE_PIXELS = 4_000_000;

export interface SignatureImage {
  kind: "png" | "jpeg";
  width: number;
  height: number;
  /** The bytes to embed: a PNG rebuilt from its drawing chunks, a JPEG as given. */
  bytes: Uint8Array;
  /** Its real size, when the file states its resolution (PNG pHYs in pixels per metre, JPEG JFIF in dots per inch or cm). */
  sizeMm?: { width: number; height: number };
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const KEEP = new Set(["IHDR", "PLTE", "tRNS", "IDAT", "IEND"]);

/** Checks the size first (before reading, when the caller knows it). */
export function checkImageSize(size: number, file: string): void {
  if (size > MAX_IMAGE_BYTES) throw new SignError("image/too-large", { file, size, max: MAX_IMAGE_BYTES });
}

/** The image checked and ready to embed; a SignError when it is too large, damaged or neither PNG nor JPEG. */
export function readSignatureImage(bytes: Uint8Array, file: string): SignatureImage {
  checkImageSize(bytes.length, file);
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) return readPng(bytes, file);
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return readJpeg(bytes, file);
  throw new SignError("image/unreadable", { file });
}

function checkPixels(width: number, height: number, file: string): void {
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new SignError("image/too-many-pixels", { file, width, height, megapixels: mp(width * height), max: mp(MAX_IMAGE_PIXELS) });
  }
}

const mp = (n: number) => (Math.round(n / 100_000) / 10).toString();

function invalid(file: string, detailVi: string, detail: string): never {
  throw new SignError("image/invalid", { file, detailVi, detail });
}

function readPng(bytes: Uint8Array, file: string): SignatureImage {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kept: Uint8Array[] = [bytes.subarray(0, 8)];
  const idat: Uint8Array[] = [];
  let header: { width: number; height: number; depth: number; colour: number; interlace: number } | undefined;
  let ended = false;
  let perMetre: [number, number] | undefined;
  for (let at = 8; at + 12 <= bytes.length && !ended; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + len;
    if (end > bytes.length) invalid(file, `khối ${type} vượt quá cuối tệp`, `chunk ${type} runs past the end of the file`);
    if (!header && type !== "IHDR") invalid(file, "thiếu khối IHDR ở đầu", "no IHDR chunk first");
    if (type === "IHDR") {
      if (len !== 13) invalid(file, "khối IHDR sai độ dài", "IHDR chunk of the wrong length");
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: bytes[at + 16]!, colour: bytes[at + 17]!, interlace: bytes[at + 20]! };
      if (header.width === 0 || header.height === 0) invalid(file, "kích thước 0", "a size of 0");
      checkPixels(header.width, header.height, file);
    }
    if (type === "acTL") invalid(file, "ảnh động (APNG) không dùng được làm chữ ký", "an animated PNG (APNG) cannot be a signature");
    if (type === "pHYs" && len === 9 && bytes[at + 16] === 1) perMetre = [view.getUint32(at + 8), view.getUint32(at + 12)];
    if (type === "IDAT") idat.push(bytes.subarray(at + 8, at + 8 + len));
    if (KEEP.has(type)) kept.push(bytes.subarray(at, end));
    ended = type === "IEND";
    at = end;
  }
  if (!header) invalid(file, "thiếu khối IHDR", "no IHDR chunk");
  if (!ended || idat.length === 0) invalid(file, "thiếu dữ liệu ảnh (IDAT) hoặc khối kết thúc (IEND)", "no image data (IDAT) or end chunk (IEND)");
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[header!.colour];
  if (!channels || ![1, 2, 4, 8, 16].includes(header!.depth)) invalid(file, "kiểu màu hoặc độ sâu màu không hợp lệ", "an invalid colour type or bit depth");
  const need = rawSize(header!.width, header!.height, channels! * header!.depth, header!.interlace === 1);
  try {
    // One byte over the need: more data than the header's size is refused, not inflated in full.
    const raw = inflateSync(Buffer.concat(idat), { maxOutputLength: need + 1 });
    if (raw.length > need) throw new RangeError("too long");
  } catch {
    invalid(file, `dữ liệu ảnh không giải nén được thành đúng ${header!.width} × ${header!.height} điểm ảnh`, `the image data does not inflate to exactly ${header!.width} × ${header!.height} points`);
  }
  const sizeMm = perMetre && perMetre[0] > 0 && perMetre[1] > 0 ? { width: (header!.width / perMetre[0]) * 1000, height: (header!.height / perMetre[1]) * 1000 } : undefined;
  return { kind: "png", width: header!.width, height: header!.height, bytes: new Uint8Array(Buffer.concat(kept)), ...(sizeMm ? { sizeMm } : {}) };
}

/** Bytes of the filtered scanlines: one filter byte per row, per pass when interlaced (Adam7). */
function rawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number) => (w && h ? h * (1 + Math.ceil((w * bitsPerPixel) / 8)) : 0);
  if (!interlaced) return rows(width, height);
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  return passes.reduce((sum, [x0, y0, dx, dy]) => sum + rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy)), 0);
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): the markers that give the frame's size. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(bytes: Uint8Array, file: string): SignatureImage {
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) invalid(file, "cấu trúc JPEG hỏng", "a damaged JPEG structure");
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) break; // end, or the scan before any frame header
    const len = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (SOF.has(marker)) {
      if (at + 9 > bytes.length) break;
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      if (width === 0 || height === 0) invalid(file, "kích thước 0", "a size of 0");
      checkPixels(width, height, file);
      return { kind: "jpeg", width, height, bytes };
    }
    at += 2 + len;
  }
  invalid(file, "không có phần đầu khung ảnh (SOF) cho biết kích thước", "no frame header (SOF) giving its size");
}
