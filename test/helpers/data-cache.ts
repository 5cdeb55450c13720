/**
 * The data cache's file (src/load/source-cache.ts) taken apart and put together again, for
 * tests that damage one entry and keep the header's hash right: a header line, then a line per
 * entry, its key, a tab and its JSON.
 */
import { sha256 } from "../../src/write/hash.ts";

export type CacheEntry = { file: string; tree: unknown; value: unknown; diagnostics: unknown[] } & Record<string, unknown>;

export function readDataCache(bytes: Uint8Array): { header: Record<string, unknown>; entries: Record<string, CacheEntry> } {
  const text = new TextDecoder().decode(bytes);
  const [head, ...lines] = text.split("\n");
  const entries: Record<string, CacheEntry> = {};
  for (const line of lines.filter((l) => l !== "")) entries[line.slice(0, line.indexOf("\t"))] = JSON.parse(line.slice(line.indexOf("\t") + 1)) as CacheEntry;
  return { header: JSON.parse(head!) as Record<string, unknown>, entries };
}

/** The file of these entries under this header, its hash made right. */
export function writeDataCache(header: Record<string, unknown>, entries: Record<string, CacheEntry>): Uint8Array {
  const body = new TextEncoder().encode(Object.entries(entries).map(([k, e]) => `${k}\t${JSON.stringify(e)}\n`).join(""));
  return new TextEncoder().encode(`${JSON.stringify({ ...header, sha256: sha256(body) })}\n${new TextDecoder().decode(body)}`);
}
