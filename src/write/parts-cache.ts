/**
 * The build's store of what the year's outputs take from each PDF (src/pdf/parts/), kept in
 * out/.cache/pdf-parts by the PDF's SHA-256 (never committed): the render step records the
 * parts of each PDF it makes, the year's outputs read them, and an unchanged PDF is not parsed
 * again by a later build.
 */
import type { World } from "../io/world.ts";
import type { PartsStore } from "../pdf/parts/parts-store.ts";
import { PARTS_CACHE } from "./options.ts";

export async function pdfPartsStore(world: World, outDir: string): Promise<PartsStore> {
  const [{ partsStore }, { worldByteCache }] = await Promise.all([import("../pdf/parts/parts-store.ts"), import("../pdf/fonts/byte-cache.ts")]);
  return partsStore(worldByteCache(world, `${outDir}/${PARTS_CACHE}`));
}
