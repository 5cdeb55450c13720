/**
 * An exclusive lock file holding its holder's process id, with an atomic
 * takeover of a lock whose holder is gone.
 *
 * Creating the lock is one atomic step (the file appears with its content,
 * or not at all). Taking over a dead holder's lock is guarded by a second
 * lock named after that holder, `<lock>.takeover-<pid>`, taken the same way:
 * only its holder may remove the dead holder's lock, so of several
 * processes that find the same stale lock exactly one removes it, and the
 * exclusive create decides who holds the new one. A takeover lock left by a
 * process killed half-way is itself stale and taken over the same way
 * (bounded depth).
 */
export interface LockOps {
  /** This process's id. */
  pid: number;
  isAlive(pid: number): boolean;
  /** Creates `path` holding `content` atomically; false when it exists already. */
  createExclusive(path: string, content: string): Promise<boolean>;
  /** The file's text, or undefined when it does not exist. */
  read(path: string): Promise<string | undefined>;
  remove(path: string): Promise<void>;
}

const MAX_DEPTH = 3;

/**
 * Takes the lock; returns its release, or undefined while a live process holds it.
 * The file holds the process id, then (after a space) what that process is doing, for
 * a second command to say who holds the lock.
 */
export async function acquireLock(ops: LockOps, path: string, label = ""): Promise<(() => Promise<void>) | undefined> {
  const content = lockContent(ops.pid, label);
  if (!(await take(ops, path, 0, content))) return undefined;
  return async () => {
    // Only our own lock: never one that a later holder took over.
    if ((await ops.read(path)) === content) await ops.remove(path);
  };
}

function lockContent(pid: number, label: string): string {
  const clean = label.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return clean ? `${pid} ${clean}` : String(pid);
}

/** The holder named in a lock file's text: its process id and what it said it was doing. */
export function lockHolder(text: string): { pid: number | undefined; label: string } {
  const m = /^(\d+)(?:[ \t]+([^\n]*))?\s*$/.exec(text.trim());
  return m ? { pid: Number(m[1]), label: (m[2] ?? "").trim() } : { pid: undefined, label: "" };
}

async function take(ops: LockOps, path: string, depth: number, content: string): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await ops.createExclusive(path, content)) return true;
    const text = await ops.read(path);
    if (text === undefined) continue; // released meanwhile: try again
    const holder = lockHolder(text).pid;
    // 0 or a negative number is no process (kill(0) would ask about our own group): not a live holder.
    if (holder !== undefined && holder > 0 && holder !== ops.pid && ops.isAlive(holder)) return false;
    if (depth >= MAX_DEPTH) return false;
    // The holder is gone (or the file is not a lock we know): take it over, one process only.
    const marker = `${path}.takeover-${holder ?? "x"}`;
    if (!(await take(ops, marker, depth + 1, String(ops.pid)))) return false;
    try {
      if ((await ops.read(path)) === text) await ops.remove(path);
      if (await ops.createExclusive(path, content)) return true;
    } finally {
      await ops.remove(marker);
    }
    // Someone else created a fresh lock between the removal and our create: theirs.
    return false;
  }
  return false;
}
