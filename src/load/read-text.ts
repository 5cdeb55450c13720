import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { reportIoError } from "../diagnostics/io-diagnostic.ts";
import type { DirEntry, World } from "../io/world.ts";
import { decodeText } from "./decode.ts";
import { LIMITS } from "./limits.ts";

/**
 * The text of a file, or undefined with a diagnostic: missing (`whenAbsent`:
 * "missing" for a file that must exist, "vanished" for one a folder listing
 * just named), too large, unreadable, not UTF-8 text, or empty.
 */
export async function readText(world: World, file: string, diags: Diagnostics, whenAbsent: "missing" | "vanished" = "vanished"): Promise<string | undefined> {
  const bytes = await readBytes(world, file, diags, whenAbsent);
  return bytes === undefined ? undefined : textOf(file, bytes, diags);
}

/** The bytes of a data file, or undefined with a diagnostic: missing, too large or unreadable (readText). */
export async function readBytes(world: World, file: string, diags: Diagnostics, whenAbsent: "missing" | "vanished" = "vanished"): Promise<Uint8Array | undefined> {
  const at = { file, line: 1, column: 1 };
  let bytes: Uint8Array | undefined;
  try {
    const size = await world.fileSize(file);
    if (size !== undefined && size > LIMITS.maxFileBytes) {
      diags.error("file/too-large", at, { size, max: LIMITS.maxFileBytes });
      return undefined;
    }
    bytes = size === undefined ? undefined : await world.readFile(file);
  } catch (err) {
    reportIoError(diags, err, file, "read");
    return undefined;
  }
  if (bytes === undefined) {
    if (whenAbsent === "missing") diags.error("file/missing", at, { what: file });
    else diags.error("file/vanished", at);
    return undefined;
  }
  // The file may have grown between the size check and the read.
  if (bytes.byteLength > LIMITS.maxFileBytes) {
    diags.error("file/too-large", at, { size: bytes.byteLength, max: LIMITS.maxFileBytes });
    return undefined;
  }
  return bytes;
}

/** The text of a data file's bytes, or undefined with a diagnostic: not UTF-8 text, or empty (readText). */
export function textOf(file: string, bytes: Uint8Array, diags: Diagnostics): string | undefined {
  const text = decodeText(file, bytes, diags);
  if (text !== undefined && text.trim() === "") {
    diags.error("file/empty", { file, line: 1, column: 1 });
    return undefined;
  }
  return text;
}

/** A folder's entries; an unreadable folder is a diagnostic. */
export async function listDir(world: World, dir: string, diags: Diagnostics): Promise<DirEntry[] | undefined> {
  try {
    return await world.listDir(dir);
  } catch (err) {
    reportIoError(diags, err, dir, "read");
    return undefined;
  }
}
