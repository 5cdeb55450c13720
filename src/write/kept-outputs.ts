/**
 * Year outputs kept as last made (YearOutputJob.kept), in out/.cache/year-outputs: one entry per
 * output, named by its key ("2020/ket-qua-xlsx" → 2020-ket-qua-xlsx), holding the SHA-256 of what
 * the bytes were made from (the tool's identity included), the SHA-256 of the bytes, then the
 * bytes. An entry for anything else, or whose bytes are not whole, is made again and replaces it;
 * new entries are kept once the build is committed (pending-cache.ts).
 */
import { createHash } from "node:crypto";
import type { World } from "../io/world.ts";
import { BYTE_CACHE_MAX } from "../pdf/fonts/byte-cache.ts";
import { MADE_CACHE } from "./options.ts";
import { pendingCache } from "./pending-cache.ts";

const digest = (data: string | Uint8Array) => createHash("sha256").update(data).digest();

export async function keptOutput(world: World, outDir: string, key: string, what: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
  const cache = pendingCache(world, `${outDir}/${MADE_CACHE}`, BYTE_CACHE_MAX);
  const name = key.replace(/[^A-Za-z0-9._-]/g, "-");
  const made = digest(what);
  const entry = await cache.get(name);
  if (entry && entry.length >= 64 && Buffer.from(entry.buffer, entry.byteOffset, 32).equals(made)) {
    const bytes = entry.subarray(64);
    if (digest(bytes).equals(Buffer.from(entry.buffer, entry.byteOffset + 32, 32))) return bytes;
  }
  const bytes = await make();
  const fresh = new Uint8Array(64 + bytes.length);
  fresh.set(made, 0);
  fresh.set(digest(bytes), 32);
  fresh.set(bytes, 64);
  await cache.put(name, fresh);
  return bytes;
}
