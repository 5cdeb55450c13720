/**
 * A quick reading of the YAML a data file is nearly always written in: block mappings and
 * sequences indented by spaces, keys of letters, digits, `_` and `-`, values on one line
 * (plain, 'single' or "double" quoted with the common escapes), comments. It gives what the
 * YAML library gives for such a text (the value and its tree of places, source-tree.ts) in a
 * fraction of its time, and answers undefined for anything else: a text outside this
 * subset, or one the library would say something about (an error, a warning, a number or a
 * text the scalar checks refuse). The caller then parses it with the library, which alone
 * says what is wrong and where. Two readings of one text never differ: the tests compare
 * them on every data file of the repository and on thousands of edits of them.
 */
import { LIMITS } from "./limits.ts";
import { scalarFinding } from "./scalar-checks.ts";
import type { SourceTree, TreeNode, TreePair, TreePos } from "./source-tree.ts";

/** Anything this reading leaves to the library: a character it does not take (tab, CR, controls, BOM, surrogates) or a line that starts a document marker or directive. */
const NOT_TAKEN = /[\t\r\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]|^(?:---|\.\.\.|%)/m;
const KEY = /^([A-Za-z_][A-Za-z0-9_-]*):(?= |$)/;
const FLOW_KEY = /^([A-Za-z_][A-Za-z0-9_-]*): /;
/** Longest key taken here: YAML refuses an implicit key of over 1024 characters. */
const MAX_KEY = 1000;
/** Keys the core schema reads as something other than their text, or that an object cannot hold as it is. */
const SPECIAL_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "__proto__"]);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Plain scalars the core schema reads in ways this reading does not (hexadecimal, octal, infinities, NaN). */
const OTHER_NUMBER = /^[-+]?(?:0x|0o|\.inf|\.nan)/i;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t" };

class Unread extends Error {}
const unread = (): never => {
  throw new Unread();
};

interface Line {
  /** The line's number in the text, from 1. */
  n: number;
  indent: number;
  text: string;
}

export interface PlainYaml {
  value: unknown;
  tree: SourceTree;
}

/** The value and tree of a text in the subset, the library's own; undefined for any other text. `lineOffset` as parseYamlSource's. */
export function readPlainYaml(text: string, lineOffset = 0): PlainYaml | undefined {
  if (NOT_TAKEN.test(text)) return undefined;
  try {
    return new Reader(text, lineOffset).document();
  } catch (err) {
    if (err instanceof Unread) return undefined;
    throw err;
  }
}

class Reader {
  /** The lines that hold something (not blank, not a comment only). */
  private readonly lines: Line[] = [];
  private i = 0;

  constructor(
    text: string,
    private readonly lineOffset: number,
  ) {
    let n = 1;
    for (const raw of text.split("\n")) {
      let indent = 0;
      while (raw.charCodeAt(indent) === 32) indent++;
      if (indent < raw.length && raw[indent] !== "#") this.lines.push({ n, indent, text: raw });
      n++;
    }
  }

  document(): PlainYaml | undefined {
    const first = this.lines[0];
    if (!first || first.indent !== 0) return undefined;
    const root = this.block(0, 0);
    if (this.i !== this.lines.length) return undefined;
    return { value: root.value, tree: { o: [1 + this.lineOffset, 1], r: root.node } };
  }

  private at(line: Line, col: number): TreePos {
    return [line.n + this.lineOffset, col + 1];
  }

  /** The collection starting on the current line, at its indent. */
  private block(indent: number, depth: number): { value: unknown; node: TreeNode } {
    if (depth >= LIMITS.maxDepth - 1) unread();
    const line = this.lines[this.i]!;
    return isDash(line.text, indent) ? this.sequence(indent, depth) : this.mapping(indent, indent, depth);
  }

  /** A mapping whose keys stand at `indent`; its first key at column `col` of the current line (after a "- " when it is an item). */
  private mapping(indent: number, col: number, depth: number): { value: unknown; node: TreeNode } {
    const value: Record<string, unknown> = {};
    const pairs: TreePair[] = [];
    const first = this.lines[this.i]!;
    for (let c = col; ; ) {
      const line = this.lines[this.i]!;
      const m = KEY.exec(c === 0 ? line.text : line.text.slice(c));
      if (!m) return unread();
      const key = m[1]!;
      takeKey(value, key);
      const v = this.value(line, c + key.length + 1, indent, depth, false);
      value[key] = v.value;
      pairs.push([key, this.at(line, c), v.node]);
      const next = this.lines[this.i];
      if (!next || next.indent < indent || (next.indent === indent && isDash(next.text, indent))) break;
      if (next.indent > indent) unread();
      c = indent;
    }
    return { value, node: { a: this.at(first, col), m: pairs } };
  }

  /** A sequence whose dashes stand at `indent`. */
  private sequence(indent: number, depth: number): { value: unknown; node: TreeNode } {
    const value: unknown[] = [];
    const items: TreeNode[] = [];
    const first = this.lines[this.i]!;
    for (;;) {
      const line = this.lines[this.i]!;
      let c = indent + 1;
      while (line.text[c] === " ") c++;
      if (c < line.text.length && KEY.test(line.text.slice(c))) {
        // "- key: value": a mapping whose keys stand where this one does.
        if (depth + 1 >= LIMITS.maxDepth - 1) unread();
        const item = this.mapping(c, c, depth + 1);
        value.push(item.value);
        items.push(item.node);
      } else {
        const item = this.value(line, indent + 1, indent, depth, true);
        value.push(item.value);
        items.push(item.node);
      }
      const next = this.lines[this.i];
      if (next && next.indent > indent) unread();
      if (!next || next.indent < indent || !isDash(next.text, indent)) break;
    }
    return { value, node: { a: this.at(first, indent), s: items } };
  }

  /**
   * What follows a key's colon or an item's dash, from column `col` of `line`: a scalar on the
   * line, or the collection on the lines below (a mapping's sequence may stand at the key's own
   * indent), or null. Moves past the lines read.
   */
  private value(line: Line, col: number, indent: number, depth: number, item: boolean): { value: unknown; node: TreeNode } {
    let c = col;
    while (line.text[c] === " ") c++;
    this.i++;
    if (c === line.text.length) {
      const next = this.lines[this.i];
      if (next && next.indent > indent) return this.block(next.indent, depth + 1);
      if (next && !item && next.indent === indent && isDash(next.text, indent)) return this.block(indent, depth + 1);
      return { value: null, node: { a: this.at(line, c) } };
    }
    const read = line.text[c] === "[" || line.text[c] === "{" ? this.flow(line, c) : { value: scalar(line.text, c), end: line.text.length, node: { a: this.at(line, c) } };
    if (!rest(line.text, read.end)) unread();
    const next = this.lines[this.i];
    if (next && next.indent > indent) unread();
    return { value: read.value, node: read.node };
  }

  /** A [sequence] or {mapping: of} scalars, on one line from column `c`. */
  private flow(line: Line, c: number): { value: unknown; node: TreeNode; end: number } {
    const text = line.text;
    const map = text[c] === "{";
    const close = map ? "}" : "]";
    const pairs: TreePair[] = [];
    const items: TreeNode[] = [];
    const value: Record<string, unknown> | unknown[] = map ? {} : [];
    let j = c + 1;
    const spaces = () => {
      while (text[j] === " ") j++;
    };
    spaces();
    while (text[j] !== close) {
      let keyAt = 0;
      let key = "";
      if (map) {
        const m = FLOW_KEY.exec(text.slice(j));
        if (!m) return unread();
        key = m[1]!;
        takeKey(value, key);
        keyAt = j;
        j += m[0].length;
        spaces();
      }
      const at = j;
      const item = flowScalar(text, j, close);
      j = item.end;
      if (Array.isArray(value)) {
        value.push(item.value);
        items.push({ a: this.at(line, at) });
      } else {
        value[key] = item.value;
        pairs.push([key, this.at(line, keyAt), { a: this.at(line, at) }]);
      }
      spaces();
      if (text[j] === close) break;
      if (text[j] !== ",") unread();
      j++;
      spaces();
      if (text[j] === close) unread();
    }
    return { value, node: map ? { a: this.at(line, c), m: pairs } : { a: this.at(line, c), s: items }, end: j + 1 };
  }
}

/** A key the mapping `into` may take here (not repeated, not special, not too long); else the text is left to the library. */
function takeKey(into: object, key: string): void {
  if (key.length > MAX_KEY || SPECIAL_KEYS.has(key) || Object.hasOwn(into, key)) unread();
  check(key);
}

/** Nothing but spaces and a comment after column `end`. */
function rest(text: string, end: number): boolean {
  return end === text.length || /^ +(?:#.*)?$/.test(text.slice(end));
}

function isDash(text: string, indent: number): boolean {
  return text[indent] === "-" && (text.length === indent + 1 || text[indent + 1] === " ");
}

/** The scalar at column `c` of a block value, alone on the rest of its line but for a comment. */
function scalar(text: string, c: number): unknown {
  const ch = text[c]!;
  if (ch === '"' || ch === "'") {
    const { value, end } = ch === '"' ? doubleQuoted(text, c) : singleQuoted(text, c);
    if (!rest(text, end)) unread();
    check(value);
    return value;
  }
  const hash = text.indexOf(" #", c);
  return plain(text.slice(c, hash < 0 ? text.length : hash), false);
}

/** A scalar in a [sequence] or {mapping}, ended by a comma or the closing bracket. */
function flowScalar(text: string, c: number, close: string): { value: unknown; end: number } {
  const ch = text[c];
  if (ch === '"' || ch === "'") {
    const q = ch === '"' ? doubleQuoted(text, c) : singleQuoted(text, c);
    check(q.value);
    return q;
  }
  let end = c;
  while (end < text.length && text[end] !== "," && text[end] !== close) end++;
  if (end === text.length) unread();
  return { value: plain(text.slice(c, end), true), end };
}

/** A plain scalar's text (its comment cut off) read by the core schema, when this reading takes it. */
function plain(raw: string, flow: boolean): unknown {
  // Only spaces end a plain scalar: a no-break space (Word's) is part of it, as the library reads it.
  let n = raw.length;
  while (raw.charCodeAt(n - 1) === 32) n--;
  const source = raw.slice(0, n);
  const ch = source[0];
  if (ch === undefined || ",[]{}#&*!|>%@`'\"".includes(ch) || ("-?:".includes(ch) && (source.length === 1 || source[1] === " "))) unread();
  if (source.includes(": ") || source.endsWith(":") || source.includes(" #") || (flow && /[[\]{}:#]/.test(source))) unread();
  const value = resolve(source);
  if (scalarFinding(value, source)) unread();
  return value;
}

/** The core schema's reading of a plain scalar. */
function resolve(s: string): unknown {
  if (s === "~" || s === "null" || s === "Null" || s === "NULL") return null;
  if (s === "true" || s === "True" || s === "TRUE") return true;
  if (s === "false" || s === "False" || s === "FALSE") return false;
  if (INT.test(s)) return parseInt(s, 10);
  if (FLOAT.test(s)) return parseFloat(s);
  if (OTHER_NUMBER.test(s)) unread();
  return s;
}

function doubleQuoted(text: string, c: number): { value: string; end: number } {
  let out = "";
  let from = c + 1;
  for (let j = from; j < text.length; j++) {
    const ch = text[j];
    if (ch === '"') return { value: out + text.slice(from, j), end: j + 1 };
    if (ch !== "\\") continue;
    out += text.slice(from, j);
    const e = text[j + 1];
    if (e === "u" && /^[0-9A-Fa-f]{4}$/.test(text.slice(j + 2, j + 6))) {
      const code = parseInt(text.slice(j + 2, j + 6), 16);
      if (code >= 0xd800 && code <= 0xdfff) unread();
      out += String.fromCharCode(code);
      j += 5;
    } else if (e !== undefined && Object.hasOwn(SIMPLE_ESCAPES, e)) {
      out += SIMPLE_ESCAPES[e];
      j += 1;
    } else unread();
    from = j + 1;
  }
  return unread();
}

function singleQuoted(text: string, c: number): { value: string; end: number } {
  let out = "";
  let from = c + 1;
  for (let j = from; j < text.length; j++) {
    if (text[j] !== "'") continue;
    if (text[j + 1] === "'") {
      out += text.slice(from, j + 1);
      from = j + 2;
      j++;
      continue;
    }
    return { value: out + text.slice(from, j), end: j + 1 };
  }
  return unread();
}

/** A text the scalar checks (scalar-checks.ts) would say something of is left to the library, which says it. */
function check(s: string): void {
  if (scalarFinding(s, undefined)) unread();
}
