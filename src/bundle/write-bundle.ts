/**
 * The print bundle written from the documents' recorded parts
 * (src/pdf/parts/parts.ts), without parsing them: each page and every object
 * it needs is copied as it is in its file, renumbered (references rewritten in
 * the dictionaries only; stream data copied byte for byte), the page's
 * /Parent pointing to the bundle's page tree and its signature widgets left
 * out. Objects equal once their references are (the font subsets every
 * document of a year embeds, their descriptors and dictionaries) are written
 * once. Then the outline, the information dictionary, the catalog, a classic
 * cross-reference table and the /ID (a hash of the file).
 *
 * Deterministic: the same parts, titles and metadata give the same bytes.
 */
import { fillDocumentId } from "../pdf/emit/document-id.ts";
import { CREATOR, PRODUCER } from "../pdf/emit/metadata.ts";
import type { ObjectPart, PdfParts } from "../pdf/parts/parts.ts";
import type { BundleMeta } from "./meta.ts";

export interface PartSource {
  /** The file the parts were read from. */
  bytes: Uint8Array;
  parts: PdfParts;
  title: string;
  group?: string;
}

interface Item {
  title: string;
  /** The bundle's object number of the page the entry opens. */
  page: number;
  children?: Item[];
}

const HEADER = Buffer.from("%PDF-1.7\n%\x81\x81\x81\x81\n\n", "latin1");
const ZERO_ID = "0".repeat(32);

export function writeBundle(sources: readonly PartSource[], meta: BundleMeta): { bytes: Uint8Array; pages: number[] } {
  if (!sources.length) throw new Error("bundle: no documents");
  // 1 the page tree, 2 the catalog, then the pages, then what they need.
  let next = 3;
  const maps = sources.map(() => new Map<number, number>());
  sources.forEach((s, i) => {
    for (const p of s.parts.pages) maps[i]!.set(p.n, next++);
  });
  const byKey = new Map<string, number>();
  /** Each distinct object seen, by what makes it that object (its bytes' hash and its references' ids), numbered. */
  const ids = new Map<string, number>();
  /** What to write after the pages, in number order: [source, object]. */
  const copies: [number, ObjectPart][] = [];

  sources.forEach((s, i) => {
    const table = new Map(s.parts.objects.map((o) => [o.n, o]));
    const pageNums = new Set(s.parts.pages.map((p) => p.n));
    const annots = new Set(s.parts.pages.flatMap((p) => p.annots ?? []));
    const keys = new Map<number, string>();
    const onStack = new Set<number>();
    const look = (n: number): ObjectPart => {
      const o = table.get(n);
      if (!o) throw new Error(`bundle: object ${n} of a document's recorded parts is missing`);
      return o;
    };
    // An object's key: its own bytes' hash and its references' keys, numbered once for the whole
    // bundle (the same text, the same key: no hash of it needed). A page or an annotation is its own.
    const keyOf = (n: number): string => {
      if (pageNums.has(n) || annots.has(n)) return `${i}:${n}`;
      const known = keys.get(n);
      if (known) return known;
      if (onStack.has(n)) return `${i}:${n}`;
      onStack.add(n);
      const o = look(n);
      let what = `${o.h}/${o.r.length / 3}`;
      for (let j = 2; j < o.r.length; j += 3) what += `/${keyOf(o.r[j]!)}`;
      onStack.delete(n);
      let id = ids.get(what);
      if (id === undefined) ids.set(what, (id = ids.size));
      const key = `#${id}`;
      keys.set(n, key);
      return key;
    };
    const place = (n: number): void => {
      if (maps[i]!.has(n)) return;
      const key = keyOf(n);
      const same = byKey.get(key);
      if (same !== undefined) {
        maps[i]!.set(n, same);
        return;
      }
      const num = next++;
      maps[i]!.set(n, num);
      byKey.set(key, num);
      const o = look(n);
      copies.push([i, o]);
      for (let j = 2; j < o.r.length; j += 3) place(o.r[j]!);
    };
    for (const p of s.parts.pages) {
      const o = look(p.n);
      for (const [name, from, to] of p.entries) {
        if (name === "Parent" || name === "Annots") continue;
        for (let j = 0; j < o.r.length; j += 3) if (o.r[j]! >= from && o.r[j]! < to) place(o.r[j + 2]!);
      }
      for (const a of p.annots ?? []) place(a);
    }
  });

  const out = new Writer();
  out.push(HEADER);
  const pageRefs = sources.flatMap((s, i) => s.parts.pages.map((p) => maps[i]!.get(p.n)!));
  const outlineAt = next;
  const items = outlineItems(sources, maps);
  const outlineCount = 1 + items.reduce((n, it) => n + 1 + (it.children?.length ?? 0), 0);
  const infoAt = outlineAt + outlineCount;
  const prefsAt = infoAt + 1;
  const size = prefsAt + 1;

  out.object(1, `<<\n/Type /Pages\n/Kids [ ${pageRefs.map((n) => `${n} 0 R`).join(" ")} ]\n/Count ${pageRefs.length}\n>>`);
  out.object(
    2,
    `<<\n/Type /Catalog\n/Pages 1 0 R\n/Outlines ${outlineAt} 0 R\n/PageMode /UseOutlines\n/ViewerPreferences ${prefsAt} 0 R\n/Lang ${literal(meta.lang || "vi-VN")}\n>>`,
  );
  sources.forEach((s, i) => {
    const map = maps[i]!;
    const table = new Map(s.parts.objects.map((o) => [o.n, o]));
    for (const p of s.parts.pages) {
      const o = table.get(p.n)!;
      out.begin(map.get(p.n)!);
      out.text("<<\n");
      for (const [name, from, to] of p.entries) {
        if (name === "Parent") out.text("/Parent 1 0 R\n");
        else if (name === "Annots") {
          if (p.annots?.length) out.text(`/Annots [ ${p.annots.map((n) => `${map.get(n)!} 0 R`).join(" ")} ]\n`);
        } else {
          out.copy(s.bytes, from, to, o.r, map);
          out.text("\n");
        }
      }
      out.text(">>");
      out.end();
    }
  });
  for (const [i, o] of copies) {
    out.begin(maps[i]!.get(o.n)!);
    out.copy(sources[i]!.bytes, o.v0, o.t, o.r, maps[i]!);
    out.end();
  }
  writeOutline(out, outlineAt, items);
  out.object(infoAt, info(meta, latestDate(sources)));
  out.object(prefsAt, "<<\n/DisplayDocTitle true\n>>");
  const bytes = out.finish(size, `/Root 2 0 R\n/Info ${infoAt} 0 R\n/ID [ <${ZERO_ID}> <${ZERO_ID}> ]`);
  return { bytes: fillDocumentId(bytes), pages: sources.map((s) => s.parts.pages.length) };
}

/**
 * One entry per document at its first page; consecutive documents of a group under one parent
 * entry, closed (its /Count is minus its children), so the outline opens on its first level.
 */
function outlineItems(sources: readonly PartSource[], maps: readonly Map<number, number>[]): Item[] {
  const items: Item[] = [];
  sources.forEach((s, i) => {
    const item: Item = { title: s.title, page: maps[i]!.get(s.parts.pages[0]!.n)! };
    const last = items[items.length - 1];
    if (s.group === undefined) items.push(item);
    else if (last?.children && last.title === s.group) last.children.push(item);
    else items.push({ title: s.group, page: item.page, children: [item] });
  });
  return items;
}

/** The outline's root at `at`, its entries after it (a parent's children right after the first level). */
function writeOutline(out: Writer, at: number, items: readonly Item[]): void {
  let next = at + 1;
  const level = (list: readonly Item[], parent: number): number[] => {
    const nums = list.map(() => next++);
    const kids = list.map((it, j) => (it.children?.length ? level(it.children, nums[j]!) : []));
    list.forEach((it, j) => {
      const lines = [`/Title ${hexText(it.title)}`, `/Parent ${parent} 0 R`, `/Dest [ ${it.page} 0 R /XYZ null null null ]`];
      if (j > 0) lines.push(`/Prev ${nums[j - 1]} 0 R`);
      if (j < nums.length - 1) lines.push(`/Next ${nums[j + 1]} 0 R`);
      if (kids[j]!.length) lines.push(`/First ${kids[j]![0]} 0 R`, `/Last ${kids[j]![kids[j]!.length - 1]} 0 R`, `/Count ${-kids[j]!.length}`);
      pending.set(nums[j]!, lines);
    });
    return nums;
  };
  const pending = new Map<number, string[]>();
  const top = level(items, at);
  out.object(at, `<<\n/Type /Outlines\n/First ${top[0]} 0 R\n/Last ${top[top.length - 1]} 0 R\n/Count ${items.length}\n>>`);
  for (const num of [...pending.keys()].sort((a, b) => a - b)) out.object(num, `<<\n${pending.get(num)!.join("\n")}\n>>`);
}

/** The latest of the documents' dates (their /ModDate, else /CreationDate), as written. */
function latestDate(sources: readonly PartSource[]): string | undefined {
  let latest: string | undefined;
  for (const s of sources) {
    const when = s.parts.modDate ?? s.parts.creationDate;
    if (when && (!latest || when > latest)) latest = when;
  }
  return latest;
}

/** The information dictionary, as src/pdf/emit/metadata.ts's writeInfo writes it. */
function info(meta: BundleMeta, when: string | undefined): string {
  const lines = [`/Title ${hexText(meta.title)}`, `/Author ${hexText(meta.author)}`, `/Subject ${hexText(meta.subject)}`];
  if (meta.keywords.length) lines.push(`/Keywords ${hexText(meta.keywords.join("; "))}`);
  lines.push(`/Creator ${hexText(CREATOR)}`, `/Producer ${hexText(PRODUCER)}`);
  if (when) lines.push(`/CreationDate ${literal(when)}`, `/ModDate ${literal(when)}`);
  return `<<\n${lines.join("\n")}\n>>`;
}

/** A text string: UTF-16BE with a byte-order mark, in hex. */
export function hexText(s: string): string {
  let hex = "FEFF";
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, "0");
  return `<${hex}>`;
}

/** A literal string of ASCII text. */
function literal(s: string): string {
  if (!/^[\x20-\x7e]*$/.test(s)) return hexText(s);
  return `(${s.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/** The file as it grows: objects, their offsets, then the table and trailer. */
class Writer {
  private readonly chunks: Uint8Array[] = [];
  private length = 0;
  private readonly offsets = new Map<number, number>();

  push(b: Uint8Array): void {
    this.chunks.push(b);
    this.length += b.length;
  }

  text(s: string): void {
    this.push(Buffer.from(s, "latin1"));
  }

  begin(num: number): void {
    if (this.offsets.has(num)) throw new Error(`bundle: object ${num} written twice`);
    this.offsets.set(num, this.length);
    this.text(`${num} 0 obj\n`);
  }

  end(): void {
    this.text("\nendobj\n\n");
  }

  object(num: number, body: string): void {
    this.begin(num);
    this.text(body);
    this.end();
  }

  /** bytes[from, to) with each reference (position, length, number triples in `refs`) inside it renumbered. */
  copy(bytes: Uint8Array, from: number, to: number, refs: readonly number[], map: ReadonlyMap<number, number>): void {
    let at = from;
    for (let j = 0; j < refs.length; j += 3) {
      const pos = refs[j]!;
      if (pos < from || pos >= to) continue;
      const num = map.get(refs[j + 2]!);
      if (num === undefined) throw new Error(`bundle: object ${refs[j + 2]} of a document was not copied`);
      this.push(bytes.subarray(at, pos));
      this.text(`${num} 0 R`);
      at = pos + refs[j + 1]!;
    }
    this.push(bytes.subarray(at, to));
  }

  finish(size: number, trailer: string): Uint8Array {
    for (let n = 1; n < size; n++) if (!this.offsets.has(n)) throw new Error(`bundle: object ${n} was not written`);
    const xrefAt = this.length;
    let table = `xref\n0 ${size}\n0000000000 65535 f \n`;
    for (let n = 1; n < size; n++) table += `${String(this.offsets.get(n)!).padStart(10, "0")} 00000 n \n`;
    this.text(`${table}trailer\n<<\n/Size ${size}\n${trailer}\n>>\n\nstartxref\n${xrefAt}\n%%EOF`);
    const out = Buffer.concat(this.chunks, this.length);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  }
}
