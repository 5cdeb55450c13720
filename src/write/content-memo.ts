import { createHash } from "node:crypto";
import { fileSha256 } from "./hash.ts";

/**
 * Results of pure work over file contents (a PDF's page count, the year's print
 * bundle), kept in the process by a hash of everything they are made from: a
 * `--watch` session or a second build in one process does not parse the same
 * PDFs again. Bounded: the oldest entry goes first. Same input, same result, so
 * a hit gives the bytes a fresh computation would.
 */
export class ContentMemo<T> {
  private readonly entries = new Map<string, Promise<T>>();
  constructor(private readonly limit: number) {
    ALL.push(this);
  }

  /** Forgets every result (tests that a second computation gives the same bytes call forgetContentMemos). */
  clear(): void {
    this.entries.clear();
  }

  /** The result kept for these parts, if any, without making it. */
  peek(parts: readonly (Uint8Array | string)[]): Promise<T> | undefined {
    return this.entries.get(contentKey(parts));
  }

  get(parts: readonly (Uint8Array | string)[], make: () => Promise<T>): Promise<T> {
    const key = contentKey(parts);
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const made = make();
    this.entries.set(key, made);
    // A failure is not kept: the next call tries again.
    made.catch(() => this.entries.delete(key));
    while (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return made;
  }
}

/**
 * The same for work done at once (a template parsed, the shell checked): results by a key the
 * caller makes of everything they are made from, the oldest going first.
 */
export class KeptResults<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly limit: number) {
    ALL.push(this);
  }

  clear(): void {
    this.entries.clear();
  }

  get(key: string, make: () => T): T {
    if (this.entries.has(key)) return this.entries.get(key)!;
    return this.keep(key, make());
  }

  /** How many results are kept. */
  get size(): number {
    return this.entries.size;
  }

  /** Keeps a result made elsewhere (what was just written, as it will be read). */
  keep(key: string, value: T): T {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }
}

const ALL: { clear(): void }[] = [];

/** Empties every memo of the process. */
export function forgetContentMemos(): void {
  for (const m of ALL) m.clear();
}

/**
 * A hash of the parts in order, each one's length first so that no two lists of parts collide.
 * Bytes count by their own SHA-256, kept per buffer (hash.ts): the PDFs a rebuild looks up again
 * are not hashed again.
 */
export function contentKey(parts: readonly (Uint8Array | string)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    if (typeof p === "string") {
      const b = Buffer.from(p, "utf8");
      h.update(`s${b.length}:`).update(b);
    } else h.update(`b${p.length}:${fileSha256(p)}`);
  }
  return h.digest("hex");
}
