/**
 * Which results files this tool has checked against the published schema already, by the
 * SHA-256 of their bytes (out/.cache/ket-qua-da-kiem.json in the workspace, never committed):
 * a file with the same bytes is the same file, so `tinh build` parses it without checking its
 * every field again. The checks that depend on tinh.yaml (province, year) are made every time.
 * Written under the workspace's lock once the view is committed; a missing, damaged or other
 * tool's list only means checking the files.
 */
import { isIoError } from "../io/io-error.ts";
import type { World } from "../io/world.ts";

export const CHECKED_FILE = "out/.cache/ket-qua-da-kiem.json";
const MAX_BYTES = 1024 * 1024;

export interface CheckedResults {
  /** Hashes checked by an earlier run. */
  known: ReadonlySet<string>;
  /** Hashes that passed the schema in this run (known ones included). */
  passed: Set<string>;
}

export async function readChecked(world: World, tool: string): Promise<CheckedResults> {
  const passed = new Set<string>();
  try {
    const bytes = await world.readFile(CHECKED_FILE, MAX_BYTES);
    if (!bytes || bytes.length > MAX_BYTES) return { known: new Set(), passed };
    const json = JSON.parse(new TextDecoder().decode(bytes)) as { tool?: unknown; hashes?: unknown };
    const ok = json.tool === tool && Array.isArray(json.hashes) && json.hashes.every((h) => typeof h === "string" && /^[0-9a-f]{64}$/.test(h));
    return { known: new Set(ok ? (json.hashes as string[]) : []), passed };
  } catch {
    return { known: new Set(), passed };
  }
}

/** Keeps the hashes that passed in this run (those of files no longer there drop out); written only when the list changed. */
export async function saveChecked(world: World, tool: string, c: CheckedResults): Promise<void> {
  if (c.passed.size === c.known.size && [...c.passed].every((h) => c.known.has(h))) return;
  try {
    await world.writeFileAtomic(CHECKED_FILE, new TextEncoder().encode(JSON.stringify({ tool, hashes: [...c.passed].sort() })));
  } catch (err) {
    if (!isIoError(err)) throw err;
  }
}
