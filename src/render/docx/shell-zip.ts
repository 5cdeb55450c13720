/**
 * The shell's parts, unzipped with node:zlib (src/import/zip-entries.ts) within limits,
 * and a small in-memory stand-in for the PizZip object docxtemplater works on, so that
 * the shell is never inflated or deflated by pure-JS code.
 */
import { readZipEntries } from "../../import/zip-entries.ts";

/** A shell of at most 5 MiB that inflates past this is not a shell. */
const LIMITS = { maxInflated: 64 * 1024 * 1024, maxEntries: 10_000 };

/** Text as PizZip's asText read it: UTF-8, a byte order mark kept. */
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
const encoder = new TextEncoder();

export type ShellParts = { parts: Map<string, Uint8Array> } | { damaged: string };

/** The shell's file entries (folders skipped) by name, in the archive's order. */
export function readShellParts(bytes: Uint8Array): ShellParts {
  const read = readZipEntries(bytes, (name) => !name.endsWith("/"), LIMITS);
  if ("entries" in read) return { parts: read.entries };
  if ("damaged" in read) return { damaged: read.damaged };
  return { damaged: `it inflates to more than ${LIMITS.maxInflated} bytes` };
}

export function partText(parts: ReadonlyMap<string, Uint8Array>, name: string): string | undefined {
  const bytes = parts.get(name);
  return bytes === undefined ? undefined : decoder.decode(bytes);
}

interface TemplateFile {
  name: string;
  dir: false;
  asText(): string;
  asUint8Array(): Uint8Array;
}

/**
 * What docxtemplater uses of a PizZip: `files`, `file(name)`, `file(regex)`, `file(name, text)`
 * (text or bytes) and `remove(name)`; parts it leaves alone keep their bytes.
 */
export class TemplateZip {
  readonly files: Record<string, TemplateFile> = {};

  constructor(parts: ReadonlyMap<string, Uint8Array>) {
    for (const [name, bytes] of parts) this.files[name] = this.entry(name, bytes);
  }

  private entry(name: string, content: Uint8Array | string): TemplateFile {
    return {
      name,
      dir: false,
      asText: () => (typeof content === "string" ? content : decoder.decode(content)),
      asUint8Array: () => (typeof content === "string" ? encoder.encode(content) : content),
    };
  }

  file(name: string | RegExp, content?: string | Uint8Array): unknown {
    if (name instanceof RegExp) return Object.values(this.files).filter((f) => name.test(f.name));
    if (content === undefined) return this.files[name] ?? null;
    if (typeof content !== "string" && !(content instanceof Uint8Array)) throw new TypeError(`only text or bytes are written to the shell (${name})`);
    this.files[name] = this.entry(name, content);
    return this;
  }

  remove(name: string): this {
    delete this.files[name];
    return this;
  }

  /** Every part as bytes, in the order of `files`. */
  parts(): Map<string, Uint8Array> {
    return new Map(Object.values(this.files).map((f) => [f.name, f.asUint8Array()]));
  }
}
