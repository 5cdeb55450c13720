/**
 * Reads the parts (parts.ts) of a PDF written as this tool writes them: one
 * classic cross-reference table (no update appended, no object or
 * cross-reference streams, no encryption), generation 0, one page tree node
 * holding every page and nothing a page would inherit. Any other file (a
 * signed one, with its update appended; one saved by another program) is
 * refused with NotOurs, and the caller reads it as it always did.
 */
import { createHash } from "node:crypto";
import { PARTS_FORMAT, type ObjectPart, type PagePart, type PdfParts } from "./parts.ts";
import { decodeText, latin1, PdfLexer, SyntaxError, type PdfValue, type RefAt } from "./syntax.ts";

export class NotOurs extends Error {}

interface Parsed {
  n: number;
  at: number;
  value: PdfValue;
  /** End of the bytes to copy. */
  t: number;
  refs: RefAt[];
}

const MAX_FIELD_DEPTH = 32;

export function readParts(bytes: Uint8Array, sha256: string): PdfParts {
  try {
    return read(bytes, sha256);
  } catch (err) {
    // A file our reader cannot follow (bad syntax, or references that never end: a /Length that
    // points to itself overflows the stack) is not one of ours: pdf-lib reads it, as any other.
    if (err instanceof SyntaxError || err instanceof RangeError) throw new NotOurs(err.message);
    throw err;
  }
}

function read(bytes: Uint8Array, sha256: string): PdfParts {
  if (latin1(bytes, 0, 5) !== "%PDF-") throw new NotOurs("pdf: no header");
  const offsets = xref(bytes);
  const trailer = offsets.trailer;
  for (const k of ["Prev", "XRefStm", "Encrypt"]) if (trailer.entries.has(k)) throw new NotOurs(`pdf: the trailer has /${k}`);
  const cache = new Map<number, Parsed>();
  const obj = (n: number): Parsed => {
    let o = cache.get(n);
    if (!o) {
      const at = offsets.table.get(n);
      if (at === undefined) throw new NotOurs(`pdf: object ${n} is not in the table`);
      o = parseObject(bytes, at, n, offsets.table);
      cache.set(n, o);
    }
    return o;
  };
  const deref = (v: PdfValue | undefined): PdfValue | undefined => (v?.k === "ref" ? (v.g === 0 ? obj(v.n).value : undefined) : v);
  const dict = (v: PdfValue | undefined) => {
    const d = deref(v);
    return d?.k === "dict" ? d : undefined;
  };
  const nameOf = (v: PdfValue | undefined) => {
    const d = deref(v);
    return d?.k === "name" ? d.name : undefined;
  };
  const textOf = (v: PdfValue | undefined) => {
    const d = deref(v);
    return d?.k === "string" ? decodeText(d.bytes) : undefined;
  };

  const catalog = dict(trailer.entries.get("Root"));
  const rootRef = catalog?.entries.get("Pages");
  const root = dict(rootRef);
  if (!catalog || rootRef?.k !== "ref" || !root || nameOf(root.entries.get("Type")) !== "Pages") throw new NotOurs("pdf: no page tree");
  if ([...root.entries.keys()].some((k) => k !== "Type" && k !== "Kids" && k !== "Count")) throw new NotOurs("pdf: the page tree's root gives its pages more than its kids");
  const kids = deref(root.entries.get("Kids"));
  if (kids?.k !== "array" || !kids.items.length) throw new NotOurs("pdf: no pages");
  const pageNums = kids.items.map((k) => {
    if (k.k !== "ref" || k.g !== 0 || nameOf(dict(k)?.entries.get("Type")) !== "Page") throw new NotOurs("pdf: the page tree is not flat");
    return k.n;
  });
  if (new Set(pageNums).size !== pageNums.length) throw new NotOurs("pdf: a page twice");

  const isSignatureWidget = (annot: PdfValue | undefined): boolean => {
    let node = dict(annot);
    for (let depth = 0; node && depth < MAX_FIELD_DEPTH; depth++) {
      const ft = nameOf(node.entries.get("FT"));
      if (ft) return ft === "Sig";
      node = dict(node.entries.get("Parent"));
    }
    return false;
  };

  const pages: PagePart[] = [];
  const need = new Set<number>();
  const follow = (n: number) => {
    const stack = [n];
    while (stack.length) {
      const m = stack.pop()!;
      if (need.has(m)) continue;
      need.add(m);
      for (const r of obj(m).refs) {
        if (r.g !== 0) throw new NotOurs("pdf: a reference to another generation");
        if (r.n === rootRef.n) throw new NotOurs("pdf: an object of a page points to the page tree");
        if (!need.has(r.n)) stack.push(r.n);
      }
    }
  };
  for (const n of pageNums) {
    const page = obj(n);
    const d = page.value;
    if (d.k !== "dict") throw new NotOurs("pdf: a page is not a dictionary");
    const entries: [string, number, number][] = d.keys.map(({ name, s }) => [name, s, d.entries.get(name)!.e]);
    const part: PagePart = { n, entries };
    need.add(n);
    for (const [name, s, e] of entries) {
      if (name === "Parent") continue;
      if (name === "Annots") {
        const a = d.entries.get("Annots")!;
        if (a.k !== "array" || a.items.some((i) => i.k !== "ref")) throw new NotOurs("pdf: /Annots is not an array of references");
        part.annots = a.items.filter((i) => !isSignatureWidget(i)).map((i) => (i as { n: number }).n);
        for (const m of part.annots) follow(m);
        continue;
      }
      for (const r of page.refs) if (r.pos >= s && r.pos < e) follow(r.n);
    }
    pages.push(part);
  }

  const objects: ObjectPart[] = [...need].sort((a, b) => a - b).map((n) => objectPart(bytes, obj(n)));
  const info = dict(trailer.entries.get("Info"));
  const creationDate = textOf(info?.entries.get("CreationDate"));
  const modDate = textOf(info?.entries.get("ModDate"));
  return {
    format: PARTS_FORMAT,
    sha256,
    size: bytes.length,
    signatureFields: signatureFieldNames(dict(catalog.entries.get("AcroForm")), { dict, deref, nameOf, textOf }),
    ...(creationDate !== undefined ? { creationDate } : {}),
    ...(modDate !== undefined ? { modDate } : {}),
    pages,
    objects,
  };
}

type DictValue = Extract<PdfValue, { k: "dict" }>;
interface Look {
  dict(v: PdfValue | undefined): DictValue | undefined;
  deref(v: PdfValue | undefined): PdfValue | undefined;
  nameOf(v: PdfValue | undefined): string | undefined;
  textOf(v: PdfValue | undefined): string | undefined;
}

/** The signature fields' names as src/sign/pdf-fields.ts lists them (depth first; a field with field kids is not one). */
function signatureFieldNames(form: DictValue | undefined, look: Look): string[] {
  const fields = look.deref(form?.entries.get("Fields"));
  if (fields?.k !== "array") return [];
  const out: string[] = [];
  const seen = new Set<number>();
  const visit = (ref: PdfValue, prefix: string, inheritedFT: string | undefined, depth: number) => {
    if (ref.k !== "ref" || seen.has(ref.n) || depth > MAX_FIELD_DEPTH) return;
    seen.add(ref.n);
    const d = look.dict(ref);
    if (!d) return;
    const partial = look.textOf(d.entries.get("T"));
    const name = partial === undefined ? prefix : prefix ? `${prefix}.${partial}` : partial;
    const ft = d.entries.has("FT") ? look.nameOf(d.entries.get("FT")) : inheritedFT;
    const kids = look.deref(d.entries.get("Kids"));
    const items = kids?.k === "array" ? kids.items : [];
    if (items.some((k) => k.k === "ref" && look.dict(k)?.entries.has("T"))) {
      for (const k of items) visit(k, name, ft, depth + 1);
      return;
    }
    if (ft === "Sig") out.push(name);
  };
  for (const f of fields.items) visit(f, "", undefined, 0);
  return out;
}

function xref(bytes: Uint8Array): { table: Map<number, number>; trailer: DictValue } {
  const tail = latin1(bytes, Math.max(0, bytes.length - 64), bytes.length);
  const m = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
  if (!m) throw new NotOurs("pdf: no startxref at the end");
  const lex = new PdfLexer(bytes, Number(m[1]));
  if (!lex.word("xref")) throw new NotOurs("pdf: not a classic cross-reference table");
  const table = new Map<number, number>();
  for (;;) {
    const first = lex.integer();
    if (first === undefined) break;
    const count = lex.integer();
    if (count === undefined) throw new NotOurs("pdf: a damaged cross-reference table");
    lex.skipSpace();
    for (let i = 0; i < count; i++) {
      const line = latin1(bytes, lex.pos, lex.pos + 20);
      const e = /^(\d{10}) (\d{5}) ([nf])[ \r\n]{2}$/.exec(line);
      if (!e) throw new NotOurs("pdf: a damaged cross-reference entry");
      if (e[3] === "n") {
        if (e[2] !== "00000") throw new NotOurs("pdf: an object of another generation");
        table.set(first + i, Number(e[1]));
      }
      lex.pos += 20;
    }
  }
  if (!lex.word("trailer")) throw new NotOurs("pdf: no trailer");
  const trailer = lex.value();
  if (trailer.k !== "dict") throw new NotOurs("pdf: the trailer is not a dictionary");
  return { table, trailer };
}

function parseObject(bytes: Uint8Array, at: number, n: number, table: ReadonlyMap<number, number>): Parsed {
  const lex = new PdfLexer(bytes, at);
  if (lex.integer() !== n || lex.integer() !== 0 || !lex.word("obj")) throw new NotOurs(`pdf: object ${n} is not where the table says`);
  const value = lex.value();
  const refs = lex.takeRefs();
  let t = value.e;
  const back = lex.pos;
  if (value.k === "dict" && lex.word("stream")) {
    if (bytes[lex.pos] === 13) lex.pos++;
    if (bytes[lex.pos] !== 10) throw new NotOurs(`pdf: object ${n}'s stream keyword is not followed by an end of line`);
    const start = lex.pos + 1;
    let len = value.entries.get("Length");
    if (len?.k === "ref") {
      const la = table.get(len.n);
      if (la === undefined) throw new NotOurs(`pdf: object ${n}'s length is missing`);
      len = parseObject(bytes, la, len.n, table).value;
    }
    if (len?.k !== "number" || !Number.isInteger(len.value) || len.value < 0) throw new NotOurs(`pdf: object ${n} has no length`);
    lex.pos = start + len.value;
    if (!lex.word("endstream")) throw new NotOurs(`pdf: object ${n}'s stream does not end at its length`);
    t = lex.pos;
  } else lex.pos = back;
  if (!lex.word("endobj")) throw new NotOurs(`pdf: object ${n} has no endobj`);
  return { n, at, value, t, refs };
}

function objectPart(bytes: Uint8Array, o: Parsed): ObjectPart {
  const h = createHash("sha256");
  let from = o.value.s;
  const r: number[] = [];
  for (const ref of o.refs) {
    h.update(bytes.subarray(from, ref.pos)).update("\0R");
    from = ref.pos + ref.len;
    r.push(ref.pos, ref.len, ref.n);
  }
  h.update(bytes.subarray(from, o.t));
  return { n: o.n, at: o.at, v0: o.value.s, v1: o.value.e, t: o.t, r, h: h.digest("hex").slice(0, 40) };
}
