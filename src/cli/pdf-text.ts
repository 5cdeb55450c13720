/**
 * The text of a PDF without poppler (usual on Windows), for `textconv`: each
 * page's text drawing operators read in its content streams, the glyphs mapped
 * to characters by their fonts' ToUnicode maps (as this tool and LibreOffice
 * write them), and the pieces set in lines by their baselines, top to bottom,
 * left to right. Not a general PDF text extractor: a page whose fonts have no
 * ToUnicode map shows what can be read. Bounded: the decoded streams of a page
 * and the text out have ceilings; beyond them the text is cut and says so.
 */
import { constants, inflateSync } from "node:zlib";
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from "@cantoo/pdf-lib";

/** Decoded content of one page, at most. */
const MAX_PAGE_CONTENT = 16 * 1024 * 1024;
/** A ToUnicode map, at most. */
const MAX_CMAP = 1024 * 1024;
/** Codes of one font's map, and widths of one font, at most. */
const MAX_CODES = 70_000;
/** Content decoded for the whole document, at most (each stream once, however many pages share it). */
const MAX_DOCUMENT_CONTENT = 64 * 1024 * 1024;
/** Tokens read for the whole document, at most. */
const MAX_TOKENS = 8_000_000;

type Cmap = Map<number, string>;

interface FontInfo {
  map: Cmap | undefined;
  width: 1 | 2;
  /** Advance of each code, in thousandths of the font size (default 1000 for a CID font, 500 otherwise). */
  advance: Map<number, number>;
  defaultAdvance: number;
}

interface Piece {
  x: number;
  y: number;
  /** Where it ends, from its fonts' advances. */
  end: number;
  text: string;
}

const latin = (b: Uint8Array) => Buffer.from(b).toString("latin1");
const hexBytes = (hex: string) => Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex");
const utf16 = (hex: string) => {
  const b = Buffer.from(hexBytes(hex));
  return (b.length % 2 ? b.subarray(0, b.length - 1) : b).swap16().toString("utf16le");
};

/**
 * A stream's bytes, inflated within `max` (a stream that would inflate past it is left out, never
 * inflated whole): unfiltered or FlateDecode, the filters of this tool's PDFs and LibreOffice's.
 */
function streamBytes(s: unknown, max: number): Uint8Array | undefined {
  if (!(s instanceof PDFRawStream)) return undefined;
  const filter = s.dict.get(PDFName.of("Filter"));
  const name = filter instanceof PDFArray ? (filter.size() === 1 ? filter.get(0) : undefined) : filter;
  if (filter === undefined) return s.contents.length <= max ? s.contents : undefined;
  if (!(name instanceof PDFName) || name.asString() !== "/FlateDecode") return undefined;
  try {
    // Tolerant of a stream whose end is missing (as some writers leave it), as viewers are.
    return inflateSync(s.contents, { maxOutputLength: max, finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    return undefined;
  }
}

/** A ToUnicode CMap: bfchar and bfrange entries, codes of two bytes (Identity-H) or one. */
function parseCmap(text: string): { map: Cmap; width: 1 | 2 } {
  const map: Cmap = new Map();
  let width: 1 | 2 = 2;
  const range = /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/.exec(/begincodespacerange([\s\S]*?)endcodespacerange/.exec(text)?.[1] ?? "");
  if (range && range[1]!.length <= 2) width = 1;
  // Codes are at most two bytes here; a map holds at most MAX_CODES of them, however many ranges it lists.
  const code = (hex: string) => (hex.length <= 8 ? parseInt(hex, 16) : NaN);
  // Entries written, repeated ranges included: the work is bounded, not only the map.
  let written = 0;
  const full = () => written >= MAX_CODES;
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) {
      if (full()) break;
      const c = code(m[1]!);
      if (Number.isSafeInteger(c)) (map.set(c, utf16(m[2]!)), written++);
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      if (full()) break;
      const lo = code(m[1]!);
      const hi = Math.min(code(m[2]!), lo + 65535);
      if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) continue;
      if (m[4] !== undefined) {
        const start = hexBytes(m[4]);
        if (start.length < 2) continue;
        for (let c = lo; c <= hi && !full(); c++) {
          const b = Buffer.from(start);
          b.writeUInt16BE((b.readUInt16BE(b.length - 2) + (c - lo)) & 0xffff, b.length - 2);
          map.set(c, b.swap16().toString("utf16le"));
          written++;
        }
      } else {
        const items = [...(m[5] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)];
        items.forEach((it, i) => lo + i <= hi && !full() && (map.set(lo + i, utf16(it[1]!)), written++));
      }
    }
  }
  return { map, width };
}

const num = (v: unknown) => (v && typeof (v as { asNumber?: () => number }).asNumber === "function" ? (v as { asNumber: () => number }).asNumber() : undefined);

/** A CID font's /W: "c [w1 w2 …]" and "c1 c2 w" entries. */
function cidWidths(doc: PDFDocument, w: unknown, out: Map<number, number>): void {
  const arr = doc.context.lookup(w as PDFRef);
  if (!(arr instanceof PDFArray)) return;
  const items = arr.asArray().map((x) => doc.context.lookup(x as PDFRef) ?? x);
  for (let i = 0; i < items.length && out.size < MAX_CODES; ) {
    const first = num(items[i]);
    const next = items[i + 1];
    if (first === undefined || !Number.isSafeInteger(first) || first < 0 || first > 0xffffffff) break;
    if (next instanceof PDFArray) {
      next.asArray().slice(0, MAX_CODES).forEach((x, k) => out.set(first + k, num(doc.context.lookup(x as PDFRef) ?? x) ?? 0));
      i += 2;
    } else {
      const to = num(next) ?? first;
      if (!Number.isSafeInteger(to)) break;
      const last = Math.min(to, first + MAX_CODES);
      const width = num(items[i + 2]) ?? 0;
      for (let c = first; c <= last && out.size < MAX_CODES; c++) out.set(c, width);
      i += 3;
    }
  }
}

/** The page's fonts by resource name: ToUnicode map (absent: the bytes read as Latin-1) and advances. */
function fontsOf(doc: PDFDocument, resources: PDFDict | undefined, read: Map<PDFDict, FontInfo>): Map<string, FontInfo> {
  const out = new Map<string, FontInfo>();
  const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!fonts) return out;
  for (const [name, ref] of [...fonts.entries()].slice(0, 1000)) {
    const font = doc.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    // A font shared by many pages is read once.
    const known = read.get(font);
    if (known) {
      out.set(name.asString().slice(1), known);
      continue;
    }
    const tu = doc.context.lookup(font.get(PDFName.of("ToUnicode")));
    const bytes = tu instanceof PDFStream ? streamBytes(tu, MAX_CMAP) : undefined;
    let cmap: { map: Cmap; width: 1 | 2 } | undefined;
    try {
      cmap = bytes ? parseCmap(latin(bytes)) : undefined;
    } catch {
      // One damaged map costs its own font's text, not the document's.
      cmap = undefined;
    }
    const advance = new Map<number, number>();
    const descendants = doc.context.lookup(font.get(PDFName.of("DescendantFonts")));
    const cid = descendants instanceof PDFArray ? doc.context.lookup(descendants.get(0)) : undefined;
    let defaultAdvance = 500;
    if (cid instanceof PDFDict) {
      defaultAdvance = num(doc.context.lookup(cid.get(PDFName.of("DW")))) ?? 1000;
      cidWidths(doc, cid.get(PDFName.of("W")), advance);
    } else {
      const first = num(doc.context.lookup(font.get(PDFName.of("FirstChar")))) ?? 0;
      const widths = doc.context.lookup(font.get(PDFName.of("Widths")));
      if (widths instanceof PDFArray) widths.asArray().forEach((x, k) => advance.set(first + k, num(doc.context.lookup(x as PDFRef) ?? x) ?? 0));
    }
    const info: FontInfo = { map: cmap?.map, width: cmap?.width ?? (cid ? 2 : 1), advance, defaultAdvance };
    read.set(font, info);
    out.set(name.asString().slice(1), info);
  }
  return out;
}

/** A token of a content stream: a number or operator (as written), a name, a string's bytes, or an array of those. */
type Token = { k: "word"; v: string } | { k: "name"; v: string } | { k: "str"; v: Uint8Array } | { k: "arr"; v: Token[] };

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([..."()<>[]{}/%"].map((c) => c.charCodeAt(0)));

/** The work one document may cost: tokens read, across its pages. */
export interface Budget {
  tokens: number;
  cut: boolean;
}

/**
 * The tokens of a content stream, in one linear pass (no regular expression to backtrack on an
 * unclosed "("): literal strings with escapes and balanced parentheses, hex strings, arrays (one
 * level, as TJ's), names, numbers and operators; comments and inline images skipped. Stops when
 * the budget is spent.
 */
function* tokens(c: Uint8Array, budget: Budget): Generator<Token> {
  let i = 0;
  let array: Token[] | undefined;
  const n = c.length;
  while (i < n) {
    if (--budget.tokens < 0) {
      budget.cut = true;
      return;
    }
    const ch = c[i]!;
    if (WHITE.has(ch)) {
      i++;
      continue;
    }
    let t: Token | undefined;
    if (ch === 0x25) {
      while (i < n && c[i] !== 0x0a && c[i] !== 0x0d) i++;
      continue;
    } else if (ch === 0x28) {
      const out: number[] = [];
      let depth = 1;
      i++;
      while (i < n && depth > 0) {
        const b = c[i++]!;
        if (b === 0x5c) {
          const e = c[i++] ?? 0;
          if (e >= 0x30 && e <= 0x37) {
            let v = e - 0x30;
            for (let k = 0; k < 2 && c[i]! >= 0x30 && c[i]! <= 0x37; k++) v = v * 8 + (c[i++]! - 0x30);
            out.push(v & 0xff);
          } else if (e !== 0x0a && e !== 0x0d) out.push(({ 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 } as Record<number, number>)[e] ?? e);
        } else if (b === 0x28) {
          depth++;
          out.push(b);
        } else if (b === 0x29) {
          if (--depth > 0) out.push(b);
        } else out.push(b);
      }
      t = { k: "str", v: Uint8Array.from(out) };
    } else if (ch === 0x3c && c[i + 1] === 0x3c) {
      i += 2;
      continue;
    } else if (ch === 0x3e && c[i + 1] === 0x3e) {
      i += 2;
      continue;
    } else if (ch === 0x3c) {
      let hex = "";
      i++;
      while (i < n && c[i] !== 0x3e) {
        const b = c[i++]!;
        if (!WHITE.has(b)) hex += String.fromCharCode(b);
      }
      i++;
      t = { k: "str", v: hexBytes(hex.replace(/[^0-9a-fA-F]/g, "")) };
    } else if (ch === 0x5b) {
      array = [];
      i++;
      continue;
    } else if (ch === 0x5d) {
      i++;
      t = { k: "arr", v: array ?? [] };
      array = undefined;
    } else {
      const start = i;
      if (ch === 0x2f) i++;
      while (i < n && !WHITE.has(c[i]!) && !(DELIM.has(c[i]!) && i > start)) {
        if (DELIM.has(c[i]!) && ch !== 0x2f) break;
        i++;
      }
      if (i === start) i++;
      const word = latin(c.subarray(start, i));
      t = ch === 0x2f ? { k: "name", v: word.slice(1) } : { k: "word", v: word };
      // An inline image's data: skipped to its "EI".
      if (word === "ID") {
        const end = Buffer.from(c.buffer, c.byteOffset + i, n - i).indexOf("EI");
        i = end < 0 ? n : i + end + 2;
        continue;
      }
    }
    if (array && t.k !== "arr") array.push(t);
    else yield t;
  }
}

/** The pieces of text a content stream draws, with where each starts. */
function piecesOf(content: Uint8Array, fonts: ReturnType<typeof fontsOf>, budget: Budget): Piece[] {
  const pieces: Piece[] = [];
  let font: FontInfo | undefined;
  let size = 12;
  let scale = 1;
  // Text matrix (e, f: where the line starts), leading; the CTM's translation from "cm".
  let lx = 0;
  let ly = 0;
  let leading = 0;
  let cx = 0;
  let cy = 0;
  const stack: [number, number][] = [];
  const operands: Token[] = [];
  /** The text of some bytes, and their advance in text space units (thousandths of the size). */
  const decode = (raw: Uint8Array): { text: string; advance: number } => {
    const w = font?.width ?? 1;
    let text = "";
    let advance = 0;
    for (let i = 0; i + w <= raw.length; i += w) {
      const code = w === 2 ? (raw[i]! << 8) | raw[i + 1]! : raw[i]!;
      text += font?.map ? (font.map.get(code) ?? "") : String.fromCharCode(code);
      advance += font?.advance.get(code) ?? font?.defaultAdvance ?? 500;
    }
    return { text, advance };
  };
  const show = (text: string, advance: number) => {
    const width = (advance / 1000) * size * scale;
    if (text.trim() !== "" && Number.isFinite(cx + lx) && Number.isFinite(cy + ly)) pieces.push({ x: cx + lx, y: cy + ly, end: cx + lx + (Number.isFinite(width) ? width : 0), text });
    if (Number.isFinite(width)) lx += width;
  };
  const num = (i: number) => {
    const t = operands[operands.length - i];
    const v = t?.k === "word" ? Number(t.v) : NaN;
    return Number.isFinite(v) ? v : 0;
  };
  const last = () => operands[operands.length - 1];
  for (const t of tokens(content, budget)) {
    if (t.k !== "word" || /^[-+.\d]/.test(t.v)) {
      if (operands.length < 64) operands.push(t);
      continue;
    }
    switch (t.v) {
      case "q":
        if (stack.length < 1000) stack.push([cx, cy]);
        break;
      case "Q":
        [cx, cy] = stack.pop() ?? [0, 0];
        break;
      case "cm":
        cx += num(2);
        cy += num(1);
        break;
      case "BT":
        lx = 0;
        ly = 0;
        break;
      case "Tf": {
        const name = operands[operands.length - 2];
        font = name?.k === "name" ? fonts.get(name.v) : undefined;
        size = num(1) || size;
        break;
      }
      case "Tm":
        scale = Math.abs(num(6)) || 1;
        lx = num(2);
        ly = num(1);
        break;
      case "Td":
        lx += num(2);
        ly += num(1);
        break;
      case "TD":
        lx += num(2);
        ly += num(1);
        leading = -num(1);
        break;
      case "TL":
        leading = num(1);
        break;
      case "T*":
        ly -= leading;
        break;
      case "'":
      case "Tj": {
        if (t.v === "'") ly -= leading;
        const s = last();
        if (s?.k === "str") {
          const d = decode(s.v);
          show(d.text, d.advance);
        }
        break;
      }
      case "TJ": {
        const a = last();
        if (a?.k !== "arr") break;
        let text = "";
        let advance = 0;
        for (const it of a.v) {
          if (it.k === "str") {
            const d = decode(it.v);
            text += d.text;
            advance += d.advance;
          } else if (it.k === "word") {
            const kern = Number(it.v) || 0;
            advance -= kern;
            // A large negative kern between two pieces is a space the layout left.
            if (kern < -200) text += " ";
          }
        }
        show(text, advance);
        break;
      }
    }
    operands.length = 0;
  }
  return pieces;
}

/** Pieces on one baseline (within 2 points) as one line, left to right; the lines top to bottom. */
function linesOf(pieces: readonly Piece[]): string[] {
  const sorted = [...pieces].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Piece[][] = [];
  for (const p of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line[0]!.y - p.y) <= 2) line.push(p);
    else lines.push([p]);
  }
  // Pieces that touch are one word; a gap wider than a space's is a space, a wide one (a column) two.
  return lines.map((l) =>
    l
      .sort((a, b) => a.x - b.x)
      .map((p, i, all) => {
        if (i === 0) return p.text;
        const gap = p.x - all[i - 1]!.end;
        return (gap > 12 ? "  " : gap > 1.5 ? " " : "") + p.text;
      })
      .join(""),
  );
}

/** Each page's text, a form feed between pages (as pdftotext gives it); at most `maxChars`, and a note when cut. */
export async function pdfText(bytes: Uint8Array, maxChars: number): Promise<string> {
  // pdf-lib says what it thinks of odd numbers on the console, once per number: kept off the diff.
  const { warn, log } = console;
  console.warn = () => {};
  console.log = () => {};
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  } finally {
    console.warn = warn;
    console.log = log;
  }
  if (doc.isEncrypted) return "(an encrypted PDF: install poppler-utils to see its text)\n";
  const out: string[] = [];
  const budget: Budget = { tokens: MAX_TOKENS, cut: false };
  let size = 0;
  let decoded = 0;
  let contentCut = false;
  // A stream or a font set shared by many pages is read once.
  const streams = new Map<unknown, Uint8Array | undefined>();
  const fontSets = new Map<unknown, ReturnType<typeof fontsOf>>();
  const fontsRead = new Map<PDFDict, FontInfo>();
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const target = doc.context.lookup(contents);
    const refs = target instanceof PDFArray ? target.asArray() : contents ? [contents] : [];
    const parts: Uint8Array[] = [];
    for (const r of refs.slice(0, 1000)) {
      if (!streams.has(r)) {
        const b = streamBytes(doc.context.lookup(r), Math.min(MAX_PAGE_CONTENT, MAX_DOCUMENT_CONTENT - decoded));
        if (!b && doc.context.lookup(r) instanceof PDFRawStream) contentCut = true;
        decoded += b?.length ?? 0;
        streams.set(r, b);
      }
      const b = streams.get(r);
      if (b) parts.push(b, Buffer.from("\n"));
    }
    const resources = page.node.Resources();
    const fonts = fontSets.get(resources) ?? fontsOf(doc, resources, fontsRead);
    fontSets.set(resources, fonts);
    const text = linesOf(piecesOf(Buffer.concat(parts), fonts, budget)).join("\n") + "\n\f";
    if (size + text.length > maxChars) {
      out.push(text.slice(0, Math.max(0, maxChars - size)));
      out.push(`\n(… cut here: the PDF's text is longer than ${maxChars} characters)\n`);
      return out.join("");
    }
    out.push(text);
    size += text.length;
    if (budget.cut) {
      out.push("\n(… cut here: the PDF holds more drawing than is read without poppler-utils)\n");
      return out.join("");
    }
  }
  if (contentCut) out.push("\n(some of the PDF's content could not be read without poppler-utils: its text may be incomplete)\n");
  return out.join("");
}
