/**
 * Where the build keeps bytes it can make again but would rather not (the
 * compressed font subsets): get and put by key. Injected, so that nothing in
 * src/pdf touches the file system: a World folder, memory, or nothing.
 */
import type { World } from "../../io/world.ts";

export interface ByteCache {
  /** The bytes put under `key`, or undefined. A cache may lose entries at any time. */
  get(key: string): Promise<Uint8Array | undefined>;
  put(key: string, bytes: Uint8Array): Promise<void>;
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
  };
}

/** Files `<dir>/<key>` in a World (keys are file-name safe: hex digests). Writes are atomic. */
export function worldByteCache(world: World, dir: string): ByteCache {
  const d = dir.replace(/\/+$/, "");
  const path = (key: string) => {
    if (!/^[A-Za-z0-9._-]+$/.test(key)) throw new Error(`byte cache: "${key}" is not a file-name safe key`);
    return `${d}/${key}`;
  };
  return {
    get: (key) => world.readFile(path(key)),
    put: (key, bytes) => world.writeFileAtomic(path(key), bytes),
  };
}
