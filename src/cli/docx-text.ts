import { StringDecoder } from "node:string_decoder";
import { createInflateRaw } from "node:zlib";

/**
 * The text of a DOCX for `textconv`, in memory bounded by the cap, whatever the file says of
 * itself: only word/document.xml is read, found through the zip's central directory and
 * inflated as a stream, counting what really comes out; its paragraphs are cut into lines as
 * the XML arrives, so no intermediate string larger than one paragraph is ever made.
 */
export const MAX_DOCX_XML_BYTES = 64 * 1024 * 1024;

const DOCUMENT = "word/document.xml";

export async function docxText(bytes: Uint8Array, cap = MAX_DOCX_XML_BYTES): Promise<string> {
  const entry = findEntry(bytes, DOCUMENT);
  if (!entry) return "\n";
  const text = new ParagraphLines();
  const decoder = new StringDecoder("utf8");
  let total = 0;
  let cut = false;
  for await (const chunk of inflated(entry)) {
    const room = cap - total;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    total += part.length;
    text.push(decoder.write(part));
    if (part.length < chunk.length) {
      cut = true;
      break;
    }
  }
  text.push(decoder.end());
  const out = text.end();
  if (!cut) return out;
  const mib = Math.round(cap / 1024 / 1024);
  return `${out}(… cut here: ${DOCUMENT} is larger than ${mib} MiB unzipped; only the text of its first ${mib} MiB is shown)\n`;
}

interface Entry {
  method: number;
  data: Uint8Array;
}

/** One entry of a zip, by the central directory; undefined when there is none of that name. */
function findEntry(bytes: Uint8Array, name: string): Entry | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= Math.max(0, bytes.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a DOCX: no zip directory found");
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const wanted = new TextEncoder().encode(name);
  for (let n = 0; n < count && at + 46 <= bytes.byteLength && view.getUint32(at, true) === 0x02014b50; n++) {
    const nameLen = view.getUint16(at + 28, true);
    const next = at + 46 + nameLen + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (sameBytes(bytes.subarray(at + 46, at + 46 + nameLen), wanted)) {
      const method = view.getUint16(at + 10, true);
      const size = view.getUint32(at + 20, true);
      const local = view.getUint32(at + 42, true);
      if (local + 30 > bytes.byteLength || view.getUint32(local, true) !== 0x04034b50) throw new Error(`damaged DOCX: ${name} is not where the zip directory says`);
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      if (method !== 0 && method !== 8) throw new Error(`${name} is compressed with method ${method}, which a DOCX does not use`);
      return { method, data: bytes.subarray(start, Math.min(bytes.byteLength, start + size)) };
    }
    at = next;
  }
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

async function* inflated(entry: Entry): AsyncGenerator<Buffer> {
  if (entry.method === 0) {
    for (let i = 0; i < entry.data.length; i += 65536) yield Buffer.from(entry.data.subarray(i, i + 65536));
    return;
  }
  const inflate = createInflateRaw();
  inflate.end(entry.data);
  // Leaving the loop early (the cap) destroys the stream: nothing more is inflated.
  yield* inflate as AsyncIterable<Buffer>;
}

/**
 * word/document.xml as lines, fed in pieces: one line per paragraph (</w:p>), made of the
 * text of its <w:t> elements and a tab for each <w:tab/>; blank lines left out.
 */
export class ParagraphLines {
  private tail: string[] = [];
  private line: string[] = [];
  private lines: string[] = [];

  push(s: string): void {
    if (!s) return;
    this.tail.push(s);
    // A piece with no '<' cannot complete an element: nothing to decide yet.
    if (!s.includes("<")) return;
    const buf = this.tail.join("");
    const cut = safeCut(buf);
    this.scan(buf.slice(0, cut));
    this.tail = [buf.slice(cut)];
  }

  end(): string {
    this.scan(this.tail.join(""));
    this.tail = [];
    this.endLine();
    return this.lines.join("\n") + "\n";
  }

  private scan(xml: string): void {
    for (const m of xml.matchAll(/<\/w:p>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)) {
      if (m[0] === "</w:p>") this.endLine();
      else this.line.push(m[1] === undefined ? "\t" : m[1]);
    }
  }

  private endLine(): void {
    const l = unescapeXml(this.line.join(""));
    this.line = [];
    if (l.trim() !== "") this.lines.push(l);
  }
}

/**
 * Where the XML seen so far can be cut so that every element before the cut is complete: at
 * the last '<', or at the one before it when that opens a <w:t> whose text runs up to it.
 */
function safeCut(buf: string): number {
  const last = buf.lastIndexOf("<");
  if (last < 0) return buf.length;
  const before = last > 0 ? buf.lastIndexOf("<", last - 1) : -1;
  if (before >= 0 && /^<w:t(?: [^>]*)?>[^<]*$/.test(buf.slice(before, last))) return before;
  return last;
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
}
