/**
 * The build's store of what the year's outputs take from each PDF (src/pdf/parts/), kept in
 * out/.cache/pdf-parts by the PDF's SHA-256 (never committed): the render step records the
 * parts of each PDF it makes, the year's outputs read them, and an unchanged PDF is not parsed
 * again by a later build. New entries wait in memory until the build is committed
 * (keepPdfParts, from the transaction's whenCommitted): a failed build leaves out/ as it was.
 */
import type { ByteCache } from "../pdf/fonts/byte-cache.ts";
import type { World } from "../io/world.ts";
import type { PartsStore } from "../pdf/parts/parts-store.ts";
import { PARTS_CACHE } from "./options.ts";

interface Pending {
  store: Promise<PartsStore>;
  flush: () => Promise<void>;
}

const PARTS_ENTRY_MAX = 4 * 1024 * 1024;

const PENDING = new WeakMap<World, Map<string, Pending>>();

export function pdfPartsStore(world: World, outDir: string): Promise<PartsStore> {
  let byDir = PENDING.get(world);
  if (!byDir) PENDING.set(world, (byDir = new Map()));
  let p = byDir.get(outDir);
  if (!p) {
    const waiting = new Map<string, Uint8Array>();
    let disk: ByteCache | undefined;
    const store = (async () => {
      const [{ partsStore }, { worldByteCache }] = await Promise.all([import("../pdf/parts/parts-store.ts"), import("../pdf/fonts/byte-cache.ts")]);
      // An entry is a few kilobytes a page: one of megabytes is none of ours.
      const d = (disk = worldByteCache(world, `${outDir}/${PARTS_CACHE}`, PARTS_ENTRY_MAX));
      return partsStore({ get: async (key) => waiting.get(key) ?? d.get(key), put: async (key, bytes) => void waiting.set(key, bytes) });
    })();
    const flush = async () => {
      for (const [key, bytes] of waiting) await disk?.put(key, bytes);
      waiting.clear();
    };
    byDir.set(outDir, (p = { store, flush }));
  }
  return p.store;
}

/** Writes the entries this build made (once it is committed); drop: forgets them (it failed). */
export async function keepPdfParts(world: World, keep: boolean): Promise<void> {
  const byDir = PENDING.get(world);
  PENDING.delete(world);
  if (keep) for (const p of byDir?.values() ?? []) await p.flush();
}
