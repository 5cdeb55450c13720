/**
 * Caches in out/.cache (never committed) whose new entries wait in memory until the build is
 * committed: a failed build leaves out/ as it was. Entries already there are read at once; the
 * build's own entries are read back from memory before it ends. One set per World, flushed (or
 * forgotten) by keepPendingCaches, from the transaction's whenCommitted.
 */
import type { World } from "../io/world.ts";
import { worldByteCache, type ByteCache } from "../pdf/fonts/byte-cache.ts";
import { atOnce } from "./at-once.ts";

interface Pending {
  cache: ByteCache;
  flush: () => Promise<void>;
}

const PENDING = new WeakMap<World, Map<string, Pending>>();

/** Entries written at once when the build is kept: a cold 200-unit build makes over 200. */
const FLUSHES = 8;

/** The cache in `dir` of `world` (entries over `maxBytes` are no entries of the tool's: not read). */
export function pendingCache(world: World, dir: string, maxBytes: number): ByteCache {
  let byDir = PENDING.get(world);
  if (!byDir) PENDING.set(world, (byDir = new Map()));
  let p = byDir.get(dir);
  if (!p) {
    const waiting = new Map<string, Uint8Array>();
    const disk = worldByteCache(world, dir, maxBytes);
    const flush = async () => {
      const entries = [...waiting];
      waiting.clear();
      // The cache itself forgets what the disk refuses; anything else is the program's error.
      const [failed] = await atOnce(entries, FLUSHES, ([key, bytes]) => disk.put(key, bytes));
      if (failed) throw failed.err;
    };
    const cache: ByteCache = {
      get: async (key) => waiting.get(key) ?? disk.get(key),
      put: async (key, bytes) => void waiting.set(key, bytes),
      has: async (key) => waiting.has(key) || (await disk.has!(key)),
    };
    byDir.set(dir, (p = { cache, flush }));
  }
  return p.cache;
}

/** Writes the entries this build made (once it is committed); keep false: forgets them (it failed). */
export async function keepPendingCaches(world: World, keep: boolean): Promise<void> {
  const byDir = PENDING.get(world);
  PENDING.delete(world);
  if (keep) for (const p of byDir?.values() ?? []) await p.flush();
}
