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
  let seenPhys = false;
  for (let at = 8; at + 12 <= bytes.length && !ended; ) {
    const len = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    const end = at + 12 + len;
    if (end > bytes.length) invalid(file, `khối ${type} vượt quá cuối tệp`, `chunk ${type} runs past the end of the file`);
    if (!header && type !== "IHDR") invalid(file, "thiếu khối IHDR ở đầu", "no IHDR chunk first");
    if (type === "IHDR") {
      if (len !== 13) invalid(file, "khối IHDR sai độ dài", "IHDR chunk of the wrong length");
      if (header) invalid(file, "có hai khối IHDR", "two IHDR chunks");
      header = { width: view.getUint32(at + 8), height: view.getUint32(at + 12), depth: bytes[at + 16]!, colour: bytes[at + 17]!, interlace: bytes[at + 20]! };
      if (header.width === 0 || header.height === 0) invalid(file, "kích thước 0", "a size of 0");
      if (bytes[at + 18] !== 0 || bytes[at + 19] !== 0 || header.interlace > 1) invalid(file, "phương pháp nén, lọc hoặc xen dòng không hợp lệ", "an invalid compression, filter or interlace method");
      checkPixels(header.width, header.height, file);
    }
    if (type === "acTL") invalid(file, "ảnh động (APNG) không dùng được làm chữ ký", "an animated PNG (APNG) cannot be a signature");
    if (type === "pHYs") {
      // Before the image data, once (the PNG specification); its unit 1 is the metre, 0 an aspect ratio only.
      if (idat.length || seenPhys) invalid(file, "khối pHYs (độ phân giải) lặp lại hoặc đặt sau dữ liệu ảnh", "a pHYs (resolution) chunk repeated or after the image data");
      if (len !== 9) invalid(file, "khối pHYs sai độ dài", "pHYs chunk of the wrong length");
      seenPhys = true;
      if (bytes[at + 16] === 1) perMetre = [view.getUint32(at + 8), view.getUint32(at + 12)];
    }
    if (type === "IDAT") idat.push(bytes.subarray(at + 8, at + 8 + len));
    if (KEEP.has(type)) kept.push(bytes.subarray(at, end));
    ended = type === "IEND";
    at = end;
  }
  if (!header) invalid(file, "thiếu khối IHDR", "no IHDR chunk");
  if (!ended || idat.length === 0) invalid(file, "thiếu dữ liệu ảnh (IDAT) hoặc khối kết thúc (IEND)", "no image data (IDAT) or end chunk (IEND)");
  const channels = ({ 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as Record<number, number>)[header!.colour];
  if (!channels || !DEPTHS[header!.colour]!.includes(header!.depth)) invalid(file, "kiểu màu hoặc độ sâu màu không hợp lệ", "an invalid colour type or bit depth");
  const bitsPerPixel = channels! * header!.depth;
  const rows = scanlines(header!.width, header!.height, bitsPerPixel, header!.interlace === 1);
  const need = rows.reduce((sum, n) => sum + 1 + n, 0);
  const wrong = () =>
    invalid(file, `dữ liệu ảnh không giải nén được thành đúng ${header!.width} × ${header!.height} điểm ảnh`, `the image data does not inflate to exactly ${header!.width} × ${header!.height} points`);
  let raw: Buffer | undefined;
  try {
    // One byte over the need: more data than the header's size is refused, not inflated in full.
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: need + 1 });
  } catch {
    wrong();
  }
  // Exactly the need: a short (truncated) image would be drawn mostly empty.
  if (raw!.length !== need) wrong();
  // Every scanline starts with one of the five filter types.
  for (let at = 0, i = 0; i < rows.length; at += 1 + rows[i]!, i++) if (raw![at]! > 4) invalid(file, `dòng ảnh ${i + 1} có kiểu lọc không hợp lệ`, `scanline ${i + 1} has an invalid filter type`);
  if (perMetre && (perMetre[0] === 0 || perMetre[1] === 0)) invalid(file, "độ phân giải (pHYs) bằng 0", "a resolution (pHYs) of 0");
  if (perMetre && Math.abs(perMetre[0] - perMetre[1]) > perMetre[0] / 100) invalid(file, "độ phân giải ngang và dọc khác nhau", "different horizontal and vertical resolutions");
  const sizeMm = perMetre ? { width: (header!.width / perMetre[0]) * 1000, height: (header!.height / perMetre[1]) * 1000 } : undefined;
  return { kind: "png", width: header!.width, height: header!.height, bytes: new Uint8Array(Buffer.concat(kept)), ...(sizeMm ? { sizeMm } : {}) };
}

/** The bit depths each colour type allows (PNG specification, table 11.1). */
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** The bytes of each scanline after its filter byte, in order: of every pass when interlaced (Adam7). */
function scanlines(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number[] {
  const rows = (w: number, h: number) => (w && h ? new Array<number>(h).fill(Math.ceil((w * bitsPerPixel) / 8)) : []);
  if (!interlaced) return rows(width, height);
  const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
  return passes.flatMap(([x0, y0, dx, dy]) => rows(Math.max(0, Math.ceil((width - x0) / dx)), Math.max(0, Math.ceil((height - y0) / dy))));
}

/** SOF0–SOF15 but DHT (C4), JPG (C8) and DAC (CC): the markers that give the frame's size. */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function readJpeg(bytes: Uint8Array, file: string): SignatureImage {
  let density: { unit: number; x: number; y: number } | undefined;
  let frame: { width: number; height: number } | undefined;
  let scan = false;
  for (let at = 2; at + 4 <= bytes.length; ) {
    if (bytes[at] !== 0xff) invalid(file, "cấu trúc JPEG hỏng", "a damaged JPEG structure");
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9) break;
    if (marker === 0xda) {
      // The image data follows: the headers are all read.
      scan = frame !== undefined;
      break;
    }
    const len = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    // APP0 "JFIF\0": units (1 dots per inch, 2 per cm, 0 an aspect ratio only), then the two densities.
    if (marker === 0xe0 && len >= 16 && at + 16 <= bytes.length && String.fromCharCode(...bytes.subarray(at + 4, at + 9)) === "JFIF\0") {
      density = { unit: bytes[at + 11]!, x: (bytes[at + 12]! << 8) | bytes[at + 13]!, y: (bytes[at + 14]! << 8) | bytes[at + 15]! };
    }
    if (SOF.has(marker) && !frame) {
      if (at + 9 > bytes.length) break;
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      if (width === 0 || height === 0) invalid(file, "kích thước 0", "a size of 0");
      checkPixels(width, height, file);
      frame = { width, height };
    }
    at += 2 + len;
  }
  if (!frame) invalid(file, "không có phần đầu khung ảnh (SOF) cho biết kích thước", "no frame header (SOF) giving its size");
  // A JPEG cut short would be drawn as an empty or half-drawn box: its image data and its end marker must be there.
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0x00) end--;
  if (!scan || end < 2 || bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) invalid(file, "ảnh JPEG bị cắt cụt (thiếu dữ liệu ảnh hoặc dấu kết thúc)", "a JPEG cut short (no image data or no end marker)");
  const { width, height } = frame!;
  const perMm = density && (density.unit === 1 || density.unit === 2) ? (density.unit === 1 ? 1 / 25.4 : 1 / 10) : undefined;
  if (perMm !== undefined && (density!.x === 0 || density!.y === 0)) invalid(file, "độ phân giải (JFIF) bằng 0", "a resolution (JFIF) of 0");
  if (perMm !== undefined && Math.abs(density!.x - density!.y) > density!.x / 100) invalid(file, "độ phân giải ngang và dọc khác nhau", "different horizontal and vertical resolutions");
  const sizeMm = perMm !== undefined ? { width: width / (density!.x * perMm), height: height / (density!.y * perMm) } : undefined;
  return { kind: "jpeg", width, height, bytes, ...(sizeMm ? { sizeMm } : {}) };
}
