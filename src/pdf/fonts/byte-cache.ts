/**
 * Where the build keeps bytes it can make again but would rather not (the
 * compressed font subsets): get and put by key. Injected, so that nothing in
 * src/pdf touches the file system: a World folder, memory, or nothing.
 */
import { isIoError } from "../../io/io-error.ts";
import type { World } from "../../io/world.ts";

export interface ByteCache {
  /** The bytes put under `key`, or undefined. A cache may lose entries at any time. */
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Whether an entry is under `key`, without reading it; a cache without it is asked with get. */
  has?(key: string): Promise<boolean>;
}

export function memoryByteCache(): ByteCache {
  const map = new Map<string, Uint8Array>();
  return {
    async get(key) {
      return map.get(key);
    },
    async put(key, bytes) {
      map.set(key, bytes);
    },
    async has(key) {
      return map.has(key);
    },
  };
}

/**
 * Files `<dir>/<key>` in a World (keys are file-name safe: hex digests).
 * Writes are atomic. A file-system error (an unreadable entry, a read-only or
 * full disk) makes the cache forget, not the build fail: the bytes are made
 * again. Other errors are thrown. An entry larger than `maxBytes` (none of the
 * tool's is near it) is not read: it is no entry the tool wrote.
 */
export const BYTE_CACHE_MAX = 64 * 1024 * 1024;

export function worldByteCache(world: World, dir: string, maxBytes = BYTE_CACHE_MAX): ByteCache {
  const d = dir.replace(/\/+$/, "");
  const path = (key: string) => {
    if (!/^[A-Za-z0-9._-]+$/.test(key)) throw new Error(`byte cache: "${key}" is not a file-name safe key`);
    return `${d}/${key}`;
  };
  return {
    async get(key) {
      try {
        const size = await world.fileSize(path(key));
        if (size !== undefined && size > maxBytes) return undefined;
        const bytes = await world.readFile(path(key));
        return bytes !== undefined && bytes.length <= maxBytes ? bytes : undefined;
      } catch (err) {
        if (isIoError(err)) return undefined;
        throw err;
      }
    },
    async put(key, bytes) {
      try {
        await world.writeFileAtomic(path(key), bytes, { cache: true });
      } catch (err) {
        if (!isIoError(err)) throw err;
      }
    },
    async has(key) {
      try {
        return (await world.fileSize(path(key))) !== undefined;
      } catch (err) {
        if (isIoError(err)) return false;
        throw err;
      }
    },
  };
}

/**
 * `cache`, which on a miss gives the entry of `preset` (read only: nothing is put there), for the
 * reader to check as it checks any; an entry either has is there. So `cache` keeps only what the
 * preset lacks (copying the preset's entries cost a first build 15 ms of 12 writes).
 */
export function withPreset(cache: ByteCache, preset: ByteCache): ByteCache {
  return {
    async get(key) {
      const own = await cache.get(key);
      if (own !== undefined) return own;
      return preset.get(key);
    },
    put: (key, bytes) => cache.put(key, bytes),
    has: async (key) => (await hasEntry(cache, key)) || hasEntry(preset, key),
  };
}

/** Whether `cache` holds an entry under `key`: asked with has when it has it, else with get. */
export async function hasEntry(cache: ByteCache, key: string): Promise<boolean> {
  return cache.has ? cache.has(key) : (await cache.get(key)) !== undefined;
}
