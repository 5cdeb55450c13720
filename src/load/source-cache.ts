/**
 * The data files as parsed and checked, kept between runs in out/.cache (never
 * committed): a file whose bytes did not change is not decoded, parsed or checked
 * again (YAML, duplicate keys, number precision, text length, legacy encodings);
 * its value, its source tree (source-tree.ts) and the diagnostics it gave are read
 * back instead. The checks across files run on these as on a fresh parse.
 *
 * An entry is found by the SHA-256 of the tool's identity, the kind of file, its
 * path and its bytes. The one cache file holds the entries the last build used and
 * no other (files removed or changed since leave it at the next build), under a
 * header naming the format, the tool and the hash of the rest: a cache damaged,
 * truncated, of another format or another tool version is ignored whole, and an
 * entry of the wrong shape is ignored alone; both are made again. A cache never
 * changes a result: a hit gives the value, the places and the diagnostics a fresh
 * read gives. A file that gave an unusable value (syntax errors...) is not kept.
 *
 * An entry also keeps the file's check by each schema that checked its value (the data zod gave
 * and the diagnostics, by the schema's name: src/validate/kept-validation.ts), so a file that did
 * not change is not checked again either; the checks across files run on every build.
 *
 * Reading and writing go through World; a file-system error makes the cache
 * forget, never the command fail. Only a build writes it (save), under the
 * project lock; validate and build --check read it and write nothing.
 */
import { isCode } from "../diagnostics/catalogue.ts";
import { copyOf, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { isIoError } from "../io/io-error.ts";
import type { World } from "../io/world.ts";
import { KeptResults } from "../write/content-memo.ts";
import { fileSha256, sha256 } from "../write/hash.ts";
import { checkedTree, type SourceTree } from "./source-tree.ts";
import { deepFreeze } from "./frozen.ts";
import { decodeValue, encodeValue } from "./value-codec.ts";

export type SourceKind = "yaml" | "markdown";

/** What a file's decoding, parsing and checking gave: the diagnostics in the order they were said, the value and where its nodes are. */
export interface CachedSource {
  diagnostics: Diagnostic[];
  value: unknown;
  tree: SourceTree;
  /** A Markdown file's body and the line it starts on. */
  body?: string;
  bodyLine?: number;
}

/**
 * The file: a header line (this format, the tool, the SHA-256 of the rest as bytes), then one line
 * per entry, its key, a tab and its JSON. An entry read back is kept as its line's text and parsed
 * when asked for; saved again, that text is written as it was read: a one-edit build of a 200-unit
 * year parses and writes again one entry's JSON, not the 2 MB of the others.
 */
const FORMAT = "khoi-thi-dua data cache 3";
const KEY = /^[0-9a-f]{64}$/;

/**
 * The cache file this process last read or wrote, by its bytes' SHA-256, with its entries as
 * read from them: a --watch rebuild opens the file its last run saved and does not decode and
 * check it again. The entry last read back for each file is kept (DECODED: one per file, a new
 * version of the file replaces it, so a session of edits keeps no more than the data) with its
 * key (the tool, the file and its bytes) and the stored object it was read from, both of which
 * must be the ones asked for (an entry damaged since is read, and refused, again); its value and
 * places frozen, and handed out again.
 */
const LAST = new KeptResults<ReadonlyMap<string, string> | undefined>(1);
const DECODED = new KeptResults<{ key: string; raw: string; hit: CachedSource | undefined }>(8192);
/** How many files' entries the process keeps decoded (one per file at most, whatever the edits). */
export function keptEntryCount(): number {
  return DECODED.size;
}

/** A file's check by one schema, as kept in its entry: the data (undefined when the check failed) and what it said. */
export interface CheckedSource {
  data: unknown;
  diagnostics: Diagnostic[];
}

/** The cache and entry that gave or took each value: the check of that value is kept there (kept-validation.ts). */
const ENTRY_OF = new WeakMap<object, { cache: SourceCache; key: string }>();

/** The cache entry of a value the data cache gave or took in this run (the file's value, as read). */
export function cacheEntryOf(value: object): { cache: SourceCache; key: string } | undefined {
  return ENTRY_OF.get(value);
}

/** Larger than any real cache (200 units make a few MiB): such a file is not read. */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

export class SourceCache {
  /** The files parsed afresh in this run (not found in the cache), in the order read. */
  readonly parsed: string[] = [];
  /** The entries this run used: the text of one read back, the entry itself for one put (or given a check). */
  private readonly used = new Map<string, string | Record<string, unknown>>();
  /** The entries read back this run, as parsed. */
  private readonly parsedEntries = new Map<string, Record<string, unknown>>();
  private changed: boolean;

  private constructor(
    /** The entries of the file read, each as its line's text. */
    private readonly stored: Map<string, string>,
    private readonly tool: string,
    private readonly path: string,
    loadedWhole: boolean,
    private readonly keep: boolean,
  ) {
    this.changed = !loadedWhole;
  }

  /** An empty cache that keeps what is put in it (for a first run, or tests). */
  static empty(path: string, tool: string): SourceCache {
    return new SourceCache(new Map(), tool, path, false, false);
  }

  /**
   * The cache file at `path` (out/.cache/data-sources.json), or an empty cache when it is missing,
   * damaged or another tool's. With `keep` (a --watch session, whose next run reads the same
   * files), what this run reads and saves is kept in the process as LAST and DECODED say; a
   * one-shot run keeps nothing, and freezes nothing.
   */
  static async open(world: World, path: string, tool: string, { keep = false }: { keep?: boolean } = {}): Promise<SourceCache> {
    let bytes: Uint8Array | undefined;
    try {
      const size = await world.fileSize(path);
      bytes = size !== undefined && size <= MAX_CACHE_BYTES ? await world.readFile(path) : undefined;
    } catch (err) {
      if (!isIoError(err)) throw err;
    }
    const read = bytes && (keep ? LAST.get(`${tool}\u0000${fileSha256(bytes)}`, () => readCacheFile(bytes, tool)) : readCacheFile(bytes, tool));
    return new SourceCache(read ? new Map(read) : new Map(), tool, path, read !== undefined, keep);
  }

  /** The key of a file's bytes for this tool. */
  key(kind: SourceKind, file: string, bytes: Uint8Array): string {
    return sha256(`${this.tool}\u0000${kind}\u0000${file}\u0000${fileSha256(bytes)}`);
  }

  /** The cached result under `key`, checked in shape; undefined when there is none or it is not sound. */
  get(key: string, kind: SourceKind, file: string): CachedSource | undefined {
    const raw = this.stored.get(key);
    if (raw === undefined) return undefined;
    let hit: CachedSource | undefined;
    if (this.keep) hit = keptEntry(key, raw, kind, file);
    else {
      const parsed = parsedEntry(raw);
      hit = readEntry(parsed, kind, file);
      if (hit) this.parsedEntries.set(key, parsed as Record<string, unknown>);
    }
    if (!hit) {
      this.stored.delete(key);
      this.changed = true;
      return undefined;
    }
    this.used.set(key, raw);
    if (typeof hit.value === "object" && hit.value !== null) ENTRY_OF.set(hit.value, { cache: this, key });
    return hit;
  }

  /** The check by the schema `name` kept in the entry under `key` (one this run used), or undefined. */
  checked(key: string, name: string): CheckedSource | undefined {
    const e = this.entryObject(key);
    const c = e && isObject(e.checked) ? e.checked[name] : undefined;
    if (!isObject(c) || !Array.isArray(c.diagnostics) || !c.diagnostics.every(plainDiagnostic) || (c.ok !== true && c.ok !== false)) return undefined;
    // As a check goes: it failed if and only if it said an error. Any other is not one the tool kept.
    if (c.ok === c.diagnostics.some((d) => d.severity === "error")) return undefined;
    try {
      // "same": the data is the file's value as read (zod gave it back as it came: the case of about half the files).
      return { data: c.ok ? decodeValue(c.same === true ? e!.value : c.data) : undefined, diagnostics: c.diagnostics.map(copyOf) };
    } catch {
      return undefined;
    }
  }

  /** Keeps a check of the entry under `key` (one this run used), when its data and diagnostics can be carried exactly. */
  keepChecked(key: string, name: string, data: unknown, diagnostics: readonly Diagnostic[]): void {
    const e = this.entryObject(key);
    if (!e || !diagnostics.every(plainDiagnostic)) return;
    const encoded = data === undefined ? undefined : encodeValue(data);
    if (data !== undefined && encoded === undefined) return;
    const checked = isObject(e.checked) ? e.checked : {};
    const ok = data === undefined ? { ok: false } : sameEncoding(encoded, e.value) ? { ok: true, same: true } : { ok: true, data: encoded };
    this.used.set(key, { ...e, checked: { ...checked, [name]: { ...ok, diagnostics } } });
    this.changed = true;
  }

  /** The entry under `key` that this run used, as an object (a read-back one parsed). */
  private entryObject(key: string): Record<string, unknown> | undefined {
    const e = this.used.get(key);
    if (e === undefined) return undefined;
    if (typeof e !== "string") return e;
    let parsed = this.parsedEntries.get(key);
    if (!parsed) {
      const p = parsedEntry(e);
      if (!isObject(p)) return undefined;
      this.parsedEntries.set(key, (parsed = p));
    }
    return parsed;
  }

  /** Keeps a fresh result (when its value and diagnostics can be carried exactly). */
  put(key: string, kind: SourceKind, file: string, result: CachedSource): void {
    this.parsed.push(file);
    const value = encodeValue(result.value);
    if (value === undefined || !result.diagnostics.every(plainDiagnostic)) return;
    const entry: Record<string, unknown> = { file, kind, diagnostics: result.diagnostics, value, tree: result.tree };
    if (kind === "markdown") Object.assign(entry, { body: result.body, bodyLine: result.bodyLine });
    this.used.set(key, entry);
    this.changed = true;
    if (typeof result.value === "object" && result.value !== null) ENTRY_OF.set(result.value, { cache: this, key });
  }

  /** A file read without the cache's help (its value unusable): counted, not kept. */
  missed(file: string): void {
    this.parsed.push(file);
  }

  /**
   * Writes the entries this run used, and only those, when they differ from the file read: the
   * cache stays the size of the data. Only a build calls it, under the project lock.
   */
  async save(world: World): Promise<void> {
    if (!this.changed && this.used.size === this.stored.size) return;
    // Each entry's text: as read for one read back, its JSON for one put this run.
    const entries = [...this.used].map(([k, e]): [string, string] => [k, typeof e === "string" ? e : JSON.stringify(e)]);
    // The body encoded once, and hashed as bytes: hashing the text would encode it a second time.
    const body = new TextEncoder().encode(entries.map(([k, text]) => `${k}\t${text}\n`).join(""));
    const header = new TextEncoder().encode(`${JSON.stringify({ format: FORMAT, tool: this.tool, sha256: sha256(body) })}\n`);
    const bytes = new Uint8Array(header.length + body.length);
    bytes.set(header);
    bytes.set(body, header.length);
    try {
      await world.writeFileAtomic(this.path, bytes, { cache: true });
      // The entries as the next open reads them from these bytes.
      if (this.keep) LAST.keep(`${this.tool}\u0000${fileSha256(bytes)}`, new Map(entries));
    } catch (err) {
      if (!isIoError(err)) throw err;
    }
  }
}

/** Whether two values as encodeValue writes them are the same: keys in the same order, numbers and text alike. */
function sameEncoding(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameEncoding(a[i], b[i])) return false;
  return true;
}

/** The entries of a cache file, each as its text, or undefined when it is not one of this format and tool, whole. */
function readCacheFile(bytes: Uint8Array, tool: string): Map<string, string> | undefined {
  try {
    // The body's hash is of its bytes (the text's UTF-8), taken before the text is decoded.
    const nl = bytes.indexOf(0x0a);
    if (nl < 0) return undefined;
    const decode = (b: Uint8Array) => new TextDecoder("utf-8", { fatal: true }).decode(b);
    const header = JSON.parse(decode(bytes.subarray(0, nl))) as unknown;
    const body = bytes.subarray(nl + 1);
    if (!isObject(header) || header.format !== FORMAT || header.tool !== tool || header.sha256 !== sha256(body)) return undefined;
    const text = decode(body);
    if (text !== "" && !text.endsWith("\n")) return undefined;
    const entries = new Map<string, string>();
    for (let at = 0; at < text.length; ) {
      const end = text.indexOf("\n", at);
      const tab = text.indexOf("\t", at);
      const key = text.slice(at, tab);
      if (tab < 0 || tab > end || !KEY.test(key) || entries.has(key)) return undefined;
      entries.set(key, text.slice(tab + 1, end));
      at = end + 1;
    }
    return entries;
  } catch {
    return undefined;
  }
}

/**
 * An entry's text parsed, or undefined (readEntry then refuses it, and it is made again) when it
 * is not JSON as JSON.stringify writes it: an object with no white space around it, no raw tab or
 * carriage return (a file whose lines end in CRLF). Text saved again as read stays what the tool wrote.
 */
function parsedEntry(text: string): unknown {
  if (!text.startsWith("{") || !text.endsWith("}") || /[\t\r]/.test(text)) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** An entry read back (readEntry), kept by its key: its value and places frozen and shared, its diagnostics copied for each run. */
function keptEntry(key: string, raw: string, kind: SourceKind, file: string): CachedSource | undefined {
  const id = `${kind}\u0000${file}`;
  let kept = DECODED.get(id, () => ({ key: "", raw: "", hit: undefined }));
  if (kept.key !== key || kept.raw !== raw) {
    const e = readEntry(parsedEntry(raw), kind, file);
    if (e) {
      deepFreeze(e.value);
      deepFreeze(e.tree);
    }
    kept = DECODED.keep(id, { key, raw, hit: e });
  }
  const hit = kept.hit;
  return hit && { ...hit, diagnostics: hit.diagnostics.map(copyOf) };
}

/** An entry read back, or undefined when its shape is not the one put (never trusted as it is). */
function readEntry(raw: unknown, kind: SourceKind, file: string): CachedSource | undefined {
  try {
    if (!isObject(raw) || raw.file !== file || raw.kind !== kind || !Array.isArray(raw.diagnostics)) return undefined;
    if (!raw.diagnostics.every(plainDiagnostic)) return undefined;
    const diagnostics = raw.diagnostics.map(copyOf);
    const out: CachedSource = { diagnostics, value: decodeValue(raw.value), tree: checkedTree(raw.tree) };
    if (kind === "markdown") {
      if (typeof raw.body !== "string" || !Number.isSafeInteger(raw.bodyLine)) return undefined;
      out.body = raw.body;
      out.bodyLine = raw.bodyLine as number;
    }
    return out;
  } catch {
    return undefined;
  }
}

/** A diagnostic that JSON carries exactly: a known code, a place of whole numbers, parameters of text and finite numbers. */
function plainDiagnostic(d: unknown): d is Diagnostic {
  if (!isObject(d) || typeof d.code !== "string" || !isCode(d.code) || (d.severity !== "error" && d.severity !== "warning")) return false;
  if (Object.keys(d).length !== 4 || !isObject(d.pos) || !isObject(d.params)) return false;
  const p = d.pos;
  const posKeys = Object.keys(p);
  if (typeof p.file !== "string" || !posKeys.every((k) => k === "file" || ((k === "line" || k === "column" || k === "endLine" || k === "endColumn") && Number.isSafeInteger(p[k])))) return false;
  if (!posKeys.includes("line") || !posKeys.includes("column")) return false;
  return Object.values(d.params).every((v) => typeof v === "string" || (typeof v === "number" && Number.isFinite(v) && !Object.is(v, -0)));
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === "object" && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
}
