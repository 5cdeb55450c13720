/**
 * The journal of a multi-file change (the project transaction's commit record), as
 * SQLite keeps one: written whole (atomically) before anything is replaced, so a
 * command cut off part-way leaves it behind, and the next command reads it and
 * finishes or undoes the change.
 *
 * - `staging`: the new files are being written beside their targets. Nothing the
 *   user sees has changed yet; a cut-off change is undone (the staged files removed).
 * - `commit`: every staged file is whole on disk; the change is decided. A cut-off
 *   change is finished (each staged file renamed over its target, each removal done).
 */
export interface JournalEntry {
  /** The file changed: relative to the project root, or absolute (an --out outside the project). */
  path: string;
  /** The staged file that replaces it (beside it); absent for a removal. */
  staged?: string;
  /** A removal: the SHA-256 of the file removed. A file that is no longer those bytes is not removed on the journal's word. */
  sha256?: string;
}

export interface Journal {
  version: 1;
  state: "staging" | "commit";
  /** The command that made the change, for the message of the one that finishes it. */
  command: string;
  entries: JournalEntry[];
  /** Folders the change creates (deepest first): an undone change removes those left empty. */
  dirs?: string[];
}

/** A staged file's name: beside its target, named as every temporary file of the tool is. */
export function stagedName(path: string, pid: number, n: number): string {
  return `${path}.tmp-${pid}-${n}`;
}

export function journalBytes(j: Journal): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(j, null, 1) + "\n");
}

/**
 * The journal in a file's bytes, or undefined when they are not one this tool wrote. A
 * journal is never trusted further than it must be: no path has a ".." part; a staged name
 * is its target's name plus the temporary suffix (only a file the tool staged is renamed),
 * and a removal carries the hash of the file removed (a file that is not those bytes stays).
 */
export function parseJournal(bytes: Uint8Array): Journal | undefined {
  let j: unknown;
  try {
    j = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return undefined;
  }
  if (!isRecord(j) || j.version !== 1 || (j.state !== "staging" && j.state !== "commit") || !Array.isArray(j.entries)) return undefined;
  const entries: JournalEntry[] = [];
  for (const e of j.entries as unknown[]) {
    if (!isRecord(e) || typeof e.path !== "string" || !isPlainPath(e.path)) return undefined;
    if (e.staged === undefined) {
      // A removal names the bytes it removes: a journal without them cannot remove anything.
      if (typeof e.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(e.sha256)) return undefined;
      entries.push({ path: e.path, sha256: e.sha256 });
    }
    else if (typeof e.staged === "string" && e.staged.startsWith(`${e.path}.tmp-`) && /^\d+-\d+$/.test(e.staged.slice(e.path.length + 5))) entries.push({ path: e.path, staged: e.staged });
    else return undefined;
  }
  const dirs = j.dirs === undefined ? [] : Array.isArray(j.dirs) && j.dirs.every((d) => typeof d === "string" && isPlainPath(d)) ? (j.dirs as string[]) : undefined;
  if (!dirs) return undefined;
  return { version: 1, state: j.state, command: typeof j.command === "string" ? j.command.slice(0, 40) : "?", entries, ...(dirs.length ? { dirs } : {}) };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A POSIX path, relative or absolute (an --out outside the project), with no empty, "." or ".." part. */
function isPlainPath(p: string): boolean {
  const rel = p.startsWith("/") ? p.slice(1) : p;
  return rel.length > 0 && p.length < 4096 && !/^[A-Za-z]:/.test(p) && rel.split("/").every((part) => part !== "" && part !== "." && part !== ".." && !/[\u0000\\]/.test(part));
}
