/**
 * The build's store of what the year's outputs take from each PDF (src/pdf/parts/), kept in
 * out/.cache/pdf-parts by the PDF's SHA-256 (never committed): the render step records the
 * parts of each PDF it makes, the year's outputs read them, and an unchanged PDF is not parsed
 * again by a later build. New entries are kept once the build is committed (pending-cache.ts).
 */
import type { World } from "../io/world.ts";
import type { PartsStore } from "../pdf/parts/parts-store.ts";
import { isIoError } from "../io/io-error.ts";
import { readManifest } from "./manifest.ts";
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

const ENTRY_NAME = /^[0-9a-f]{64}$/;

/**
 * Removes the entries of PDFs that the manifest (as just committed) no longer names: the copy a
 * rebuilt document replaced. Without it the cache grew by an entry at every edit. Files of the
 * folder that are no entry of the tool's are left alone; a file-system error leaves an entry.
 */
export async function prunePdfParts(world: World, outDir: string): Promise<void> {
  const { manifest } = await readManifest(world, outDir);
  if (!manifest) return;
  const named = new Set<string>();
  for (const e of [...Object.values(manifest.documents), ...Object.values(manifest.yearOutputs ?? {})]) {
    for (const [path, hash] of Object.entries(e.outputs)) if (path.endsWith(".pdf")) named.add(hash);
  }
  const dir = `${outDir}/${PARTS_CACHE}`;
  try {
    for (const e of (await world.listDir(dir)) ?? []) {
      if (e.kind === "file" && ENTRY_NAME.test(e.name) && !named.has(e.name)) await world.removeFile(`${dir}/${e.name}`);
    }
  } catch (err) {
    if (!isIoError(err)) throw err;
  }
}
