/**
 * The font subsets every PDF of a run shares (src/pdf/emit/prepared-fonts.ts), kept between runs
 * in `<outDir>/.cache/pdf-fonts` by the font's hash and the tool: a bloc's build and the
 * province's report prepare them the same way.
 */
import type { World } from "../io/world.ts";
import { preparePdfFonts } from "../pdf/emit/prepared-fonts.ts";
import { worldByteCache } from "../pdf/fonts/byte-cache.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { FONT_CACHE } from "./options.ts";

export async function prepareSharedFonts(world: World, outDir: string, fonts: FontSet, tool: string): Promise<void> {
  await preparePdfFonts(fonts, { cache: worldByteCache(world, `${outDir}/${FONT_CACHE}`), identity: tool });
}
