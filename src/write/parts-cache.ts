/**
 * The build's store of what the year's outputs take from each PDF (src/pdf/parts/), kept in
 * out/.cache/pdf-parts by the PDF's SHA-256 (never committed): the render step records the
 * parts of each PDF it makes, the year's outputs read them, and an unchanged PDF is not parsed
 * again by a later build. New entries are kept once the build is committed (pending-cache.ts).
 */
import type { World } from "../io/world.ts";
import type { PartsStore } from "../pdf/parts/parts-store.ts";
import { PARTS_CACHE } from "./options.ts";
import { pendingCache } from "./pending-cache.ts";

/** An entry is a few kilobytes a page: one of megabytes is none of ours. */
const PARTS_ENTRY_MAX = 4 * 1024 * 1024;

/** By the build's pending cache: one store per build (the next build has a cache of its own). */
const STORES = new WeakMap<object, Promise<PartsStore>>();

export function pdfPartsStore(world: World, outDir: string): Promise<PartsStore> {
  const cache = pendingCache(world, `${outDir}/${PARTS_CACHE}`, PARTS_ENTRY_MAX);
  let store = STORES.get(cache);
  if (!store) STORES.set(cache, (store = import("../pdf/parts/parts-store.ts").then(({ partsStore }) => partsStore(cache))));
  return store;
}
