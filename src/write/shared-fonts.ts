/**
 * The font subsets every PDF of a run shares (src/pdf/emit/prepared-fonts.ts), kept between runs
 * in `<outDir>/.cache/pdf-fonts` by the font's hash and the tool: a bloc's build and the
 * province's report prepare them the same way. A subset that is not there is taken from the
 * tool's preset (dist/pdf-fonts, made by its compilation for the package's fonts, some 75 ms of
 * a first build), and made only when neither has it. The bytes are the same whichever gives
 * them: a subset's key names everything they come from.
 */
import type { World } from "../io/world.ts";
import { preparePdfFonts } from "../pdf/emit/prepared-fonts.ts";
import { withPreset, worldByteCache } from "../pdf/fonts/byte-cache.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { FONT_CACHE } from "./options.ts";

export async function prepareSharedFonts(world: World, outDir: string, fonts: FontSet, tool: string, preset?: string): Promise<void> {
  const cache = worldByteCache(world, `${outDir}/${FONT_CACHE}`);
  await preparePdfFonts(fonts, { cache: preset ? withPreset(cache, worldByteCache(world, preset)) : cache, identity: tool });
}
