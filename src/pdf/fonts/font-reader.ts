/**
 * How the font module reads files: injected, so that tests run in memory and
 * nothing here touches node:fs. `node-font-reader.ts` has the Node implementation.
 */

/** The bytes of the file at `path`, or undefined when there is no such file. */
export type FontReader = (path: string) => Promise<Uint8Array | undefined>;

/** A reader over an in-memory map of path → bytes (tests, or fonts shipped inside a bundle). */
export function memoryFontReader(files: ReadonlyMap<string, Uint8Array> | Readonly<Record<string, Uint8Array>>): FontReader {
  const map = files instanceof Map ? files : new Map(Object.entries(files));
  return async (path) => map.get(path);
}
