/**
 * Whether a PDF in out/ is the one the build wrote, perhaps signed since: the bytes whose hash the
 * build recorded, followed by nothing but signing revisions. A revision is closed by %%EOF; a signing
 * revision is one a signature's /ByteRange ends with, and after the last signature comes only white
 * space. An incremental update made in another program (an annotation, a changed page), before or
 * after a signature, is none: the file is not the build's.
 */
import { createHash } from "node:crypto";
import { fileSha256 } from "../write/hash.ts";

const EOF = Buffer.from("%%EOF");
const WHITE = /^[\s\0]*$/;

const view = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength);

/**
 * Where the bytes whose SHA-256 is `recorded` end in `pdf` when they begin it and end at one of its
 * %%EOF (with or without one or two bytes of end of line): one pass, the hash carried from one
 * candidate end to the next.
 */
export function recordedEnd(pdf: Uint8Array, recorded: string): number | undefined {
  const bytes = view(pdf);
  const h = createHash("sha256");
  let pos = 0;
  for (let i = bytes.indexOf(EOF, 0); i >= 0; i = bytes.indexOf(EOF, i + 1))
    for (const end of [i + EOF.length, i + EOF.length + 1, i + EOF.length + 2]) {
      if (end > bytes.length) break;
      if (end <= pos) continue;
      h.update(bytes.subarray(pos, end));
      pos = end;
      if (h.copy().digest("hex") === recorded) return end;
    }
  return undefined;
}

/**
 * Whether everything in `pdf` after `baseEnd` is signing revisions: each %%EOF after it closes a
 * revision a signature ends (`ends`), and only white space follows the last signature's.
 */
export function onlySignedAfter(pdf: Uint8Array, baseEnd: number, ends: readonly number[]): boolean {
  const bytes = view(pdf);
  if (WHITE.test(bytes.subarray(baseEnd).toString("latin1"))) return true;
  const after = ends.filter((e) => e > baseEnd);
  if (!after.length) return false;
  const last = Math.max(...after);
  if (last > bytes.length || !WHITE.test(bytes.subarray(last).toString("latin1"))) return false;
  for (let i = bytes.indexOf(EOF, baseEnd); i >= 0 && i < last; i = bytes.indexOf(EOF, i + 1))
    if (!after.some((e) => e >= i + EOF.length && e <= i + EOF.length + 2)) return false;
  return true;
}

/** Whether `pdf` is the file the build recorded writing (`recorded`), or that file with only signing revisions after it. */
export function isBuildsPdf(pdf: Uint8Array, recorded: string | undefined, ends: readonly number[]): boolean {
  if (recorded === undefined) return false;
  if (fileSha256(pdf) === recorded) return true;
  const end = recordedEnd(pdf, recorded);
  return end !== undefined && onlySignedAfter(pdf, end, ends);
}
