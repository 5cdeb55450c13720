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

/** Takes the lock; returns its release, or undefined while a live process holds it. */
export async function acquireLock(ops: LockOps, path: string): Promise<(() => Promise<void>) | undefined> {
  if (!(await take(ops, path, 0))) return undefined;
  return async () => {
    // Only our own lock: never one that a later holder took over.
    if ((await ops.read(path)) === String(ops.pid)) await ops.remove(path);
  };
}

async function take(ops: LockOps, path: string, depth: number): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await ops.createExclusive(path, String(ops.pid))) return true;
    const text = await ops.read(path);
    if (text === undefined) continue; // released meanwhile: try again
    const holder = /^\d+$/.test(text.trim()) ? Number(text.trim()) : undefined;
    // 0 or a negative number is no process (kill(0) would ask about our own group): not a live holder.
    if (holder !== undefined && holder > 0 && holder !== ops.pid && ops.isAlive(holder)) return false;
    if (depth >= MAX_DEPTH) return false;
    // The holder is gone (or the file is not a lock we know): take it over, one process only.
    const marker = `${path}.takeover-${holder ?? "x"}`;
    if (!(await take(ops, marker, depth + 1))) return false;
    try {
      if ((await ops.read(path)) === text) await ops.remove(path);
      if (await ops.createExclusive(path, String(ops.pid))) return true;
    } finally {
      await ops.remove(marker);
    }
    // Someone else created a fresh lock between the removal and our create: theirs.
    return false;
  }
  return false;
}
