/** The Node side of the font module: reading files from disk and finding @fontsource/tinos. */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { systemCandidates } from "./candidates.ts";
import type { FontReader } from "./font-reader.ts";
import { loadFontSet, type FontSetOptions } from "./load-font-set.ts";
import { fontsourceTinosDir } from "./package-dir.ts";
import type { FontSet } from "./font-set.ts";

/** Reads a file; undefined when it does not exist or cannot be read as a file. */
export const nodeFontReader: FontReader = async (path) => {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR" || code === "EISDIR" || code === "EACCES") return undefined;
    throw e;
  }
};

export { fontsourceTinosDir };

/** The Windows fonts folder from %WINDIR%, when set. */
function windowsFontsDir(): string | undefined {
  const w = process.env.WINDIR ?? process.env.SystemRoot;
  return w ? join(w, "Fonts") : undefined;
}

/** loadFontSet over the file system, with the installed @fontsource/tinos as the last resort. */
export async function loadNodeFontSet(options: FontSetOptions = {}): Promise<FontSet> {
  const win = windowsFontsDir();
  return loadFontSet(nodeFontReader, {
    packageDir: fontsourceTinosDir(),
    ...(win && !options.systemCandidates ? { systemCandidates: systemCandidates({ windowsFontsDir: win }) } : {}),
    ...options,
  });
}
