/** Font sets for the emit tests (package fonts in memory; system fonts when installed) and small PDF byte helpers. */
import { memoryFontReader } from "../../../src/pdf/fonts/font-reader.ts";
import { loadFontSet } from "../../../src/pdf/fonts/load-font-set.ts";
import type { FontSet } from "../../../src/pdf/fonts/font-set.ts";
import { loadNodeFontSet } from "../../../src/pdf/fonts/node-font-reader.ts";
import { packageFiles } from "../fonts/font-fixtures.ts";

/** The package's fonts as if installed at `dir`: a process loads the same files at the same place once, so another place stands for another build's process. */
export function packageFontSet(dir = "/pkg"): Promise<FontSet> {
  return loadFontSet(memoryFontReader(packageFiles(dir)), { packageDir: dir, system: false });
}

/** The system's font set when there is one (Liberation Serif or Tinos), else undefined. */
export async function systemFontSet(): Promise<FontSet | undefined> {
  const set = await loadNodeFontSet();
  return set.source === "system" ? set : undefined;
}

export function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
}
