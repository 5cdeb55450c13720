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
const utf16 = (hex: string) => Buffer.from(hexBytes(hex)).swap16().toString("utf16le");

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
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const m of block[1]!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<([0-9a-fA-F]*)>|\[([^\]]*)\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = Math.min(parseInt(m[2]!, 16), lo + 65535);
      if (m[4] !== undefined) {
        const start = hexBytes(m[4]);
        for (let c = lo; c <= hi; c++) {
          const b = Buffer.from(start);
          b.writeUInt16BE((b.readUInt16BE(b.length - 2) + (c - lo)) & 0xffff, b.length - 2);
          map.set(c, b.swap16().toString("utf16le"));
        }
      } else {
        const items = [...(m[5] ?? "").matchAll(/<([0-9a-fA-F]*)>/g)];
        items.forEach((it, i) => lo + i <= hi && map.set(lo + i, utf16(it[1]!)));
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
  for (let i = 0; i < items.length && out.size < 70_000; ) {
    const first = num(items[i]);
    const next = items[i + 1];
    if (first === undefined) break;
    if (next instanceof PDFArray) {
      next.asArray().forEach((x, k) => out.set(first + k, num(doc.context.lookup(x as PDFRef) ?? x) ?? 0));
      i += 2;
    } else {
      const last = Math.min(num(next) ?? first, first + 70_000);
      const width = num(items[i + 2]) ?? 0;
      for (let c = first; c <= last; c++) out.set(c, width);
      i += 3;
    }
  }
}

/** The page's fonts by resource name: ToUnicode map (absent: the bytes read as Latin-1) and advances. */
function fontsOf(doc: PDFDocument, resources: PDFDict | undefined): Map<string, FontInfo> {
  const out = new Map<string, FontInfo>();
  const fonts = resources?.lookupMaybe(PDFName.of("Font"), PDFDict);
  if (!fonts) return out;
  for (const [name, ref] of fonts.entries()) {
    const font = doc.context.lookup(ref);
    if (!(font instanceof PDFDict)) continue;
    const tu = doc.context.lookup(font.get(PDFName.of("ToUnicode")));
    const bytes = tu instanceof PDFStream ? streamBytes(tu, MAX_CMAP) : undefined;
    const cmap = bytes ? parseCmap(latin(bytes)) : undefined;
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
    out.set(name.asString().slice(1), { map: cmap?.map, width: cmap?.width ?? (cid ? 2 : 1), advance, defaultAdvance });
  }
  return out;
}

/** The pieces of text a content stream draws, with where each starts. */
function piecesOf(content: string, fonts: ReturnType<typeof fontsOf>): Piece[] {
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
  const operands: string[] = [];
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
  const stringBytes = (tok: string): Uint8Array => {
    if (tok.startsWith("<")) return hexBytes(tok.slice(1, -1).replace(/\s+/g, ""));
    const body = tok.slice(1, -1);
    const out: number[] = [];
    for (let i = 0; i < body.length; i++) {
      const ch = body[i]!;
      if (ch !== "\\") {
        out.push(ch.charCodeAt(0) & 0xff);
        continue;
      }
      const n = body[++i] ?? "";
      const oct = /^[0-7]{1,3}/.exec(body.slice(i))?.[0];
      if (oct) {
        out.push(parseInt(oct, 8) & 0xff);
        i += oct.length - 1;
      } else out.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[n] ?? n.charCodeAt(0));
    }
    return Uint8Array.from(out);
  };
  const show = (text: string, advance: number) => {
    const width = (advance / 1000) * size * scale;
    if (text.trim() !== "") pieces.push({ x: cx + lx, y: cy + ly, end: cx + lx + width, text });
    lx += width;
  };
  const tokens = content.match(/\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>|\[|\]|\/[^\s/[\]()<>]+|[^\s/[\]()<>]+/g) ?? [];
  let array: string[] | undefined;
  for (const t of tokens) {
    if (t === "[") {
      array = [];
      continue;
    }
    if (t === "]") {
      operands.push(`[${array?.join("\u0000") ?? ""}]`);
      array = undefined;
      continue;
    }
    if (array) {
      array.push(t);
      continue;
    }
    if (/^[A-Za-z'"*]+\*?$/.test(t) && !/^(true|false|null)$/.test(t)) {
      const num = (i: number) => Number(operands[operands.length - i]);
      switch (t) {
        case "q":
          stack.push([cx, cy]);
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
        case "Tf":
          font = fonts.get((operands[operands.length - 2] ?? "").slice(1));
          size = num(1) || size;
          break;
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
        case "Tj": {
          const d = decode(stringBytes(operands[operands.length - 1] ?? "()"));
          show(d.text, d.advance);
          break;
        }
        case "'": {
          ly -= leading;
          const d = decode(stringBytes(operands[operands.length - 1] ?? "()"));
          show(d.text, d.advance);
          break;
        }
        case "TJ": {
          const items = (operands[operands.length - 1] ?? "[]").slice(1, -1).split("\u0000");
          let text = "";
          let advance = 0;
          for (const it of items) {
            if (it.startsWith("(") || it.startsWith("<")) {
              const d = decode(stringBytes(it));
              text += d.text;
              advance += d.advance;
            } else {
              advance -= Number(it) || 0;
              // A large negative kern between two pieces is a space the layout left.
              if (Number(it) < -200) text += " ";
            }
          }
          show(text, advance);
          break;
        }
      }
      operands.length = 0;
    } else operands.push(t);
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

/** Each page's text, a form feed between pages (as pdftotext gives it); at most `maxChars`. */
export async function pdfText(bytes: Uint8Array, maxChars: number): Promise<string> {
  const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: false });
  const out: string[] = [];
  let size = 0;
  for (const page of doc.getPages()) {
    const contents = page.node.get(PDFName.of("Contents"));
    const refs = contents instanceof PDFArray ? contents.asArray() : contents ? [contents] : [];
    let content = "";
    for (const r of refs) {
      const s = doc.context.lookup(r instanceof PDFRef ? r : r);
      const b = streamBytes(s, MAX_PAGE_CONTENT - content.length);
      if (b) content += latin(b) + "\n";
    }
    const text = linesOf(piecesOf(content, fontsOf(doc, page.node.Resources()))).join("\n") + "\n\f";
    if (size + text.length > maxChars) {
      out.push(text.slice(0, Math.max(0, maxChars - size)));
      out.push(`\n(… cut here: the PDF's text is longer than ${maxChars} characters)\n`);
      break;
    }
    out.push(text);
    size += text.length;
  }
  return out.join("");
}
