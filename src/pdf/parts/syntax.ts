/**
 * Just enough PDF syntax to read the objects of a PDF this tool wrote: values
 * (dictionaries, arrays, names, strings, numbers, references) with where each
 * starts and ends in the file, and every indirect reference met on the way.
 * Stream data is never read here: the caller skips it by its /Length.
 */

export type PdfValue =
  | { k: "dict"; s: number; e: number; entries: Map<string, PdfValue>; keys: { name: string; s: number }[] }
  | { k: "array"; s: number; e: number; items: PdfValue[] }
  | { k: "ref"; s: number; e: number; n: number; g: number }
  | { k: "name"; s: number; e: number; name: string }
  | { k: "string"; s: number; e: number; bytes: Uint8Array }
  | { k: "number"; s: number; e: number; value: number }
  | { k: "word"; s: number; e: number; word: string };

/** An indirect reference's place in the file and what it points to. */
export interface RefAt {
  pos: number;
  len: number;
  n: number;
  g: number;
}

export class SyntaxError extends Error {}

/** Each byte's class: white space, delimiter, or a regular character (a table: the lexer asks it for every byte of a file). */
const SPACE = 1;
const DELIMITER = 2;
const CLASS = new Uint8Array(256);
for (const c of [0, 9, 10, 12, 13, 32]) CLASS[c] = SPACE;
for (const c of [40, 41, 60, 62, 91, 93, 123, 125, 47, 37]) CLASS[c] = DELIMITER;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => CLASS[c] === SPACE;
const isRegular = (c: number | undefined) => c !== undefined && CLASS[c] === 0;
/** Digits past this many may not add up exactly as numbers: such a token is read by Number(). */
const EXACT_DIGITS = 15;
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) HEX["0123456789abcdef".charCodeAt(i)] = HEX["0123456789ABCDEF".charCodeAt(i)] = i;

export class PdfLexer {
  /** The references read since the last `takeRefs`. */
  private refs: RefAt[] = [];
  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
  ) {}

  fail(what: string): never {
    throw new SyntaxError(`pdf: ${what} at byte ${this.pos}`);
  }

  takeRefs(): RefAt[] {
    const r = this.refs;
    this.refs = [];
    return r;
  }

  skipSpace(): void {
    const b = this.bytes;
    for (;;) {
      const c = b[this.pos];
      if (c === undefined) return;
      if (isSpace(c)) this.pos++;
      else if (c === 37) while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++;
      else return;
    }
  }

  /** Whether the text at the position (after space) is `word`, followed by a delimiter; consumes it if so. */
  word(word: string): boolean {
    this.skipSpace();
    for (let i = 0; i < word.length; i++) if (this.bytes[this.pos + i] !== word.charCodeAt(i)) return false;
    if (isRegular(this.bytes[this.pos + word.length])) return false;
    this.pos += word.length;
    return true;
  }

  /** A non-negative integer, or undefined (position unchanged). */
  integer(): number | undefined {
    this.skipSpace();
    const start = this.pos;
    let n = 0;
    while (isDigit(this.bytes[this.pos] ?? -1)) n = n * 10 + this.bytes[this.pos++]! - 48;
    if (this.pos === start || isRegular(this.bytes[this.pos])) {
      this.pos = start;
      return undefined;
    }
    return n;
  }

  value(depth = 0): PdfValue {
    if (depth > 64) this.fail("objects nested too deep");
    this.skipSpace();
    const b = this.bytes;
    const s = this.pos;
    const c = b[s];
    if (c === undefined) this.fail("unexpected end");
    if (c === 47) {
      const name = this.name();
      return { k: "name", s, e: this.pos, name };
    }
    if (c === 60 && b[s + 1] === 60) {
      this.pos += 2;
      const entries = new Map<string, PdfValue>();
      const keys: { name: string; s: number }[] = [];
      for (;;) {
        this.skipSpace();
        if (b[this.pos] === 62 && b[this.pos + 1] === 62) break;
        if (b[this.pos] !== 47) this.fail("a dictionary key expected");
        const ks = this.pos;
        const key = this.name();
        if (entries.has(key)) this.fail(`key /${key} repeated`);
        entries.set(key, this.value(depth + 1));
        keys.push({ name: key, s: ks });
      }
      this.pos += 2;
      return { k: "dict", s, e: this.pos, entries, keys };
    }
    if (c === 60 || c === 40) {
      const bytes = c === 60 ? this.hexString() : this.literalString();
      return { k: "string", s, e: this.pos, bytes };
    }
    if (c === 91) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (b[this.pos] === 93) break;
        items.push(this.value(depth + 1));
      }
      this.pos++;
      return { k: "array", s, e: this.pos, items };
    }
    if (isDigit(c) || c === 43 || c === 45 || c === 46) {
      // A token of digits only is added up as it is read (most numbers of a PDF: widths, offsets, object numbers); any other is read by Number().
      let n = 0;
      let end = s;
      while (isDigit(b[end] ?? -1)) n = n * 10 + b[end++]! - 48;
      const digitsOnly = end > s && !isRegular(b[end]) && end - s <= EXACT_DIGITS;
      if (digitsOnly) {
        this.pos = end;
        return this.refOrNumber(s, n);
      }
      const text = this.regular();
      const value = Number(text);
      if (!Number.isFinite(value)) this.fail(`"${text}" is not a number`);
      return /^\d+$/.test(text) ? this.refOrNumber(s, value) : { k: "number", s, e: this.pos, value };
    }
    const word = this.regular();
    if (word === "true" || word === "false" || word === "null") return { k: "word", s, e: this.pos, word };
    this.fail(`unexpected "${word || String.fromCharCode(c)}"`);
  }

  /** After a whole number from `s`: a reference when "g R" follows, else the number. */
  private refOrNumber(s: number, value: number): PdfValue {
    const back = this.pos;
    const g = this.integer();
    if (g !== undefined && this.word("R")) {
      this.refs.push({ pos: s, len: this.pos - s, n: value, g });
      return { k: "ref", s, e: this.pos, n: value, g };
    }
    this.pos = back;
    return { k: "number", s, e: this.pos, value };
  }

  private regular(): string {
    const start = this.pos;
    while (isRegular(this.bytes[this.pos])) this.pos++;
    return latin1(this.bytes, start, this.pos);
  }

  private name(): string {
    this.pos++;
    const text = this.regular();
    return text.includes("#") ? text.replace(/#([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : text;
  }

  private hexString(): Uint8Array {
    const b = this.bytes;
    this.pos++;
    const start = this.pos;
    let digits = 0;
    for (; b[this.pos] !== 62; this.pos++) {
      const c = b[this.pos];
      if (c === undefined) this.fail("unterminated hex string");
      if (!isSpace(c)) digits++;
    }
    const end = this.pos++;
    const out = new Uint8Array((digits + 1) >> 1);
    let i = 0;
    for (let p = start; p < end; p++) {
      const c = b[p]!;
      if (isSpace(c)) continue;
      const v = HEX[c]!;
      if (v < 0) this.fail("not a hex string");
      // An odd last digit is followed by 0.
      out[i >> 1] = out[i >> 1]! | (i & 1 ? v : v << 4);
      i++;
    }
    return out;
  }

  private literalString(): Uint8Array {
    const b = this.bytes;
    const out: number[] = [];
    let depth = 0;
    for (this.pos++; ; ) {
      const c = b[this.pos++];
      if (c === undefined) this.fail("unterminated string");
      if (c === 41 && depth === 0) break;
      if (c === 40) depth++;
      if (c === 41) depth--;
      if (c !== 92) {
        out.push(c);
        continue;
      }
      const e = b[this.pos++];
      if (e === undefined) this.fail("unterminated string");
      const simple: Record<number, number> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12, 40: 40, 41: 41, 92: 92 };
      if (simple[e] !== undefined) out.push(simple[e]!);
      else if (e >= 48 && e <= 55) {
        let v = e - 48;
        for (let i = 0; i < 2 && (b[this.pos] ?? 0) >= 48 && b[this.pos]! <= 55; i++) v = v * 8 + b[this.pos++]! - 48;
        out.push(v & 0xff);
      } else if (e === 13) {
        if (b[this.pos] === 10) this.pos++;
      } else if (e !== 10) out.push(e);
    }
    return Uint8Array.from(out);
  }
}

export function latin1(bytes: Uint8Array, from: number, to: number): string {
  if (to - from > 16 && to <= bytes.length) return Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString("latin1");
  let s = "";
  for (let i = from; i < to; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** A text string's text: UTF-16BE after a byte-order mark, UTF-8 after one, else (as near as we need) PDFDocEncoding. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
    return s;
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder().decode(bytes.subarray(3));
  return latin1(bytes, 0, bytes.length);
}
