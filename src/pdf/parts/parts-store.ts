/**
 * The parts of each PDF (parts.ts), by the SHA-256 of its bytes: in the
 * process, then in a byte cache (out/.cache/pdf-parts), and only then read
 * from the file (read-parts.ts) and kept. The render step records the parts of
 * each PDF it makes; the year's outputs take them from here, so a PDF whose
 * bytes did not change is never parsed again, in this process or the next.
 *
 * An entry is checked against the file before use (its hash and size, every
 * object and reference where it says they are): a damaged or foreign entry is
 * ignored and the file is read again.
 */
import { fileSha256, sha256 } from "../../write/hash.ts";
import { ContentMemo } from "../../write/content-memo.ts";
import type { ByteCache } from "../fonts/byte-cache.ts";
import { PARTS_FORMAT, type PdfParts } from "./parts.ts";
import { NotOurs, readParts } from "./read-parts.ts";

/** Told each time a PDF is parsed: by our reader ("own") or, for a PDF that is not ours, by pdf-lib. Tests count with it. */
export const pdfParsing: { observe?: (sha256: string, by: "own" | "pdf-lib") => void } = {};

/** The parts, or undefined for a PDF that is not ours (read it as before). */
export type MaybeParts = PdfParts | undefined;

const MEMO = new ContentMemo<MaybeParts>(1024);

export interface PartsStore {
  parts(bytes: Uint8Array): Promise<MaybeParts>;
}

export function partsStore(cache: ByteCache | undefined): PartsStore {
  return {
    async parts(bytes) {
      const sha = fileSha256(bytes);
      // Parts this process made or checked are taken as they are (a --watch rebuild asks for
      // every PDF of the year); their entry on disk is only looked for, and kept again when it
      // is gone (a build whose commit failed may have made the parts and lost their entry).
      const known = cache?.has ? MEMO.peek([sha]) : undefined;
      if (known) {
        const parts = await known;
        if (parts && !(await cache!.has!(sha))) await cache!.put(sha, new TextEncoder().encode(JSON.stringify(parts)));
        return parts;
      }
      if (cache) {
        const kept = await cache.get(sha);
        const parts = kept && fromCache(kept, bytes, sha);
        if (parts) return MEMO.get([sha], async () => parts);
      }
      const parts = await MEMO.get([sha], async () => {
        pdfParsing.observe?.(sha, "own");
        try {
          return readParts(bytes, sha);
        } catch (err) {
          if (err instanceof NotOurs) return undefined;
          throw err;
        }
      });
      if (parts) await cache?.put(sha, new TextEncoder().encode(JSON.stringify(parts)));
      return parts;
    },
  };
}

/** A kept entry, when it is one of this file's; else undefined. */
export function fromCache(kept: Uint8Array, bytes: Uint8Array, sha: string): PdfParts | undefined {
  let p: unknown;
  try {
    p = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(kept));
  } catch {
    return undefined;
  }
  try {
    return isParts(p) && p.sha256 === sha && p.size === bytes.length && fits(p, bytes) ? p : undefined;
  } catch {
    // An entry whose places lead out of the file (a damaged or made-up cache) is ignored, as any that does not fit.
    return undefined;
  }
}

const int = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const ints = (v: unknown): v is number[] => Array.isArray(v) && v.every(int);

function isParts(p: unknown): p is PdfParts {
  if (!p || typeof p !== "object") return false;
  const o = p as Record<string, unknown>;
  return (
    o.format === PARTS_FORMAT &&
    typeof o.sha256 === "string" &&
    int(o.size) &&
    Array.isArray(o.signatureFields) &&
    o.signatureFields.every((s) => typeof s === "string") &&
    (o.creationDate === undefined || typeof o.creationDate === "string") &&
    (o.modDate === undefined || typeof o.modDate === "string") &&
    Array.isArray(o.objects) &&
    o.objects.every((x) => {
      const b = x as Record<string, unknown>;
      return !!x && int(b.n) && int(b.at) && int(b.v0) && int(b.v1) && int(b.t) && ints(b.r) && b.r.length % 3 === 0 && typeof b.h === "string";
    }) &&
    Array.isArray(o.pages) &&
    o.pages.length > 0 &&
    o.pages.every((x) => {
      const g = x as Record<string, unknown>;
      return (
        !!x &&
        int(g.n) &&
        (g.annots === undefined || ints(g.annots)) &&
        Array.isArray(g.entries) &&
        g.entries.every((e) => Array.isArray(e) && e.length === 3 && typeof e[0] === "string" && int(e[1]) && int(e[2]))
      );
    })
  );
}

/** White space as a regular expression's \s takes it in Latin-1 text (with no-break space; not NEL). */
const isSpace = (c: number | undefined) => c === 32 || (c !== undefined && c >= 9 && c <= 13) || c === 160;

/**
 * Whether bytes[from, to) are `n`, white space, `0`, white space and `tail`, then white space
 * only when `spaceAfter`: an object's header ("12 0 obj") or a reference ("12 0 R"), the number
 * written as String(n) writes it. Read byte by byte: an entry holds hundreds of references.
 */
function numbered(bytes: Uint8Array, from: number, to: number, n: number, tail: string, spaceAfter: boolean): boolean {
  const num = String(n);
  let i = from;
  for (let k = 0; k < num.length; k++, i++) if (i >= to || bytes[i] !== num.charCodeAt(k)) return false;
  if (i < to && bytes[i]! >= 48 && bytes[i]! <= 57) return false;
  const start = i;
  while (i < to && isSpace(bytes[i])) i++;
  if (i === start || i >= to || bytes[i] !== 48) return false;
  i++;
  const zeroEnd = i;
  while (i < to && isSpace(bytes[i])) i++;
  if (i === zeroEnd) return false;
  for (let k = 0; k < tail.length; k++, i++) if (i >= to || bytes[i] !== tail.charCodeAt(k)) return false;
  if (spaceAfter) while (i < to && isSpace(bytes[i])) i++;
  return i === to;
}

/** Whether the bytes at `s` are a slash and the name (Latin-1). */
function nameAt(bytes: Uint8Array, s: number, name: string): boolean {
  if (s + name.length + 1 > bytes.length || bytes[s] !== 47) return false;
  for (let k = 0; k < name.length; k++) if (bytes[s + 1 + k] !== name.charCodeAt(k)) return false;
  return true;
}

/** Every object, reference and page entry of the entry where it says, every reference to an object of the entry. */
function fits(p: PdfParts, bytes: Uint8Array): boolean {
  const byNum = new Map(p.objects.map((o) => [o.n, o]));
  if (byNum.size !== p.objects.length) return false;
  // A page's /Parent and /Annots may point to what is not copied (the page tree, the signature widgets).
  const notFollowed = new Map(p.pages.map((g) => [g.n, g.entries.filter(([name]) => name === "Parent" || name === "Annots")]));
  for (const o of p.objects) {
    const skip = notFollowed.get(o.n) ?? [];
    if (!(o.at < o.v0 && o.v0 < o.v1 && o.v1 <= o.t && o.t <= bytes.length)) return false;
    if (!numbered(bytes, o.at, o.v0, o.n, "obj", true)) return false;
    for (let i = 0; i < o.r.length; i += 3) {
      const [pos, len, n] = [o.r[i]!, o.r[i + 1]!, o.r[i + 2]!];
      if (!byNum.has(n) && !skip.some(([, s, e]) => pos >= s && pos < e)) return false;
      if (pos < o.v0 || pos + len > o.v1 || !numbered(bytes, pos, pos + len, n, "R", false)) return false;
    }
  }
  for (const g of p.pages) {
    const o = byNum.get(g.n);
    if (!o || g.annots?.some((n) => !byNum.has(n))) return false;
    for (const [name, s, e] of g.entries) if (s <= o.v0 || e >= o.v1 || s >= e || !nameAt(bytes, s, name)) return false;
  }
  return true;
}
