/**
 * Stream compression with Node's native zlib. The compressed bytes depend on
 * the zlib version, so the build names zlibVersion() in the tool's identity:
 * another zlib may give other (equally valid) bytes.
 */
import { deflateSync } from "node:zlib";
import { PDFStream, type PDFContext, type PDFDict } from "@cantoo/pdf-lib";

type Dict = Parameters<PDFContext["obj"]>[0] & Record<string, unknown>;

/** The zlib of this Node (process.versions.zlib), e.g. "1.3.0.1-motley-…". */
export function zlibVersion(): string {
  return process.versions.zlib ?? "unknown";
}

/** zlib (RFC 1950) stream of `bytes`, as FlateDecode expects. Level 6 (zlib's default) unless told. */
export function deflate(bytes: Uint8Array, level = 6): Uint8Array {
  const out = deflateSync(bytes, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

const STREAM = new TextEncoder().encode("\nstream\n");
const ENDSTREAM = new TextEncoder().encode("\nendstream");

/**
 * A stream of bytes written as they are: pdf-lib's raw stream, but copied
 * into the file in one go (pdf-lib copies stream bytes one at a time, which
 * the shared font programs, copied into every PDF, make worth avoiding).
 */
export class BytesStream extends PDFStream {
  constructor(
    dict: PDFDict,
    private contents: Uint8Array,
  ) {
    super(dict);
  }
  override clone(context?: PDFContext): BytesStream {
    return new BytesStream(this.dict.clone(context), this.contents.slice());
  }
  override getContents(): Uint8Array {
    return this.contents;
  }
  override getContentsSize(): number {
    return this.contents.length;
  }
  override getContentsString(): string {
    return Buffer.from(this.contents.buffer, this.contents.byteOffset, this.contents.byteLength).toString("latin1");
  }
  override updateContents(contents: Uint8Array): void {
    this.dict.registerChange();
    this.contents = contents;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    this.updateDict();
    const start = offset;
    offset += this.dict.copyBytesInto(buffer, offset);
    buffer.set(STREAM, offset);
    offset += STREAM.length;
    buffer.set(this.contents, offset);
    offset += this.contents.length;
    buffer.set(ENDSTREAM, offset);
    return offset + ENDSTREAM.length - start;
  }
}

/** An already compressed stream object (its /Length is set when written). */
export function flateStream(ctx: PDFContext, compressed: Uint8Array, dict: Dict = {}): PDFStream {
  return new BytesStream(ctx.obj({ ...dict, Filter: "FlateDecode" }), compressed);
}
