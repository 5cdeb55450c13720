/**
 * The project transaction: the one way every command that writes (build, import,
 * forms, new-year, sign, schema) changes files.
 *
 *   lock → recover → read and decide (the command's work, staging its writes in memory)
 *        → commit: journal "staging" → each new file written whole beside its target
 *          → journal "commit" → each file renamed into place (or removed) → journal removed
 *        → release.
 *
 * One lock per project (git's index lock): a second command waits a bounded time, then
 * says who holds it; it never reads or writes beside it. One journal (SQLite's rollback
 * journal): a command cut off while staging leaves the project as it was; one cut off
 * while renaming leaves a journal that the next command reads under the lock, finishing
 * the change, before it reads anything. A failed write while staging removes what was
 * staged and says nothing was written.
 */
import { join } from "node:path";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { isIoError } from "../io/io-error.ts";
import { lockHolder } from "../io/lock-file.ts";
import type { World } from "../io/world.ts";
import { atOnce } from "./at-once.ts";
import { FAILED, guard } from "./guard.ts";
import { fileSha256 } from "./hash.ts";
import { journalBytes, parseJournal, stagedName, type Journal, type JournalEntry } from "./journal.ts";

/**
 * Where a project keeps its lock and its journal: in out/ of the project root, whatever
 * --out names, so that every command on one project takes the same lock.
 */
export const STATE_DIR = "out";
export function txPaths(stateDir = STATE_DIR): { lock: string; journal: string } {
  return { lock: `${stateDir}/.lock`, journal: `${stateDir}/.journal` };
}

/** The changes a command stages; nothing reaches the disk before the commit. */
export interface Staging {
  /** A file's new bytes (created, or replacing the file there; its permission bits are kept). */
  write(path: string, bytes: Uint8Array): void;
  /** A file to remove. */
  remove(path: string): void;
  /** What is staged for a path: bytes, null for a removal, undefined when nothing is. */
  staged(path: string): Uint8Array | null | undefined;
}

export interface TxOptions<T = unknown> {
  /** The folder of the lock and the journal, relative to the World's root (default out/, STATE_DIR). */
  stateDir?: string;
  /** What this command is, for a second command to say who holds the lock ("import", "build"). */
  command: string;
  /** How long to wait for a lock another live process holds (default 15 s). */
  waitMs?: number;
  /**
   * Run under the lock once the change is committed (or there was none to make), never after a
   * failed or cut-off one: for what is kept beside the outputs, such as a cache, which a failed
   * command leaves as it was. Given the command's result and what the commit wrote and removed.
   */
  whenCommitted?: (done: Pick<TxOutcome<T>, "value" | "written" | "removed">) => Promise<void>;
}

export interface TxOutcome<T> {
  /** The command's result; undefined when the lock could not be had or the work did not run. */
  value: T | undefined;
  /** Files written and removed, in order; when the commit was cut short, only those really changed. */
  written: string[];
  removed: string[];
  /** Files of a commit that failed part-way and that the next command will finish. */
  pending: string[];
  /** Whether the work ran and its changes (if any) are all on disk. */
  committed: boolean;
}

const WAIT_STEP_MS = 50;
/**
 * The largest journal read (a 200-unit build's journal is about 70 KB) and the largest lock file
 * whose holder is read for the message: a bigger file is not the tool's, and is not read whole.
 */
const MAX_JOURNAL_BYTES = 8 * 1024 * 1024;
const MAX_LOCK_BYTES = 4096;
let stagedCounter = 0;

/**
 * Runs `work` under the project lock, after finishing or undoing a change a cut-off
 * command left, and commits what it staged, all or nothing. `work` stages nothing when
 * it finds errors. A file-system failure becomes a diagnostic naming the file.
 */
export async function inTransaction<T>(world: World, opts: TxOptions<T>, diags: Diagnostics, work: (tx: Staging) => Promise<T>): Promise<TxOutcome<T>> {
  const outcome: TxOutcome<T> = { value: undefined, written: [], removed: [], pending: [], committed: false };
  const { lock, journal } = txPaths(opts.stateDir);
  const release = await takeLock(world, lock, opts, diags);
  if (!release) return outcome;
  try {
    if (!(await recover(world, journal, diags))) return outcome;
    const changes = new Map<string, Uint8Array | null>();
    const staging: Staging = {
      write: (path, bytes) => void changes.set(path, bytes),
      remove: (path) => void changes.set(path, null),
      staged: (path) => changes.get(path),
    };
    outcome.value = await work(staging);
    if (diags.hasErrors || changes.size === 0) outcome.committed = !diags.hasErrors;
    else await commit(world, journal, opts.command, changes, diags, outcome);
    if (outcome.committed) await opts.whenCommitted?.(outcome);
    return outcome;
  } finally {
    await release().catch((err: unknown) => {
      if (!isIoError(err)) throw err;
    });
  }
}

async function takeLock(world: World, path: string, opts: Pick<TxOptions, "command" | "waitMs">, diags: Diagnostics): Promise<(() => Promise<void>) | undefined> {
  const deadline = world.monotonicMs() + (opts.waitMs ?? 15_000);
  for (;;) {
    const release = await guard(diags, path, "write", () => world.lock(path, opts.command));
    if (release === FAILED) return undefined;
    if (release) return release;
    if (world.monotonicMs() >= deadline) break;
    await new Promise((r) => setTimeout(r, WAIT_STEP_MS));
  }
  const size = await world.fileSize(path).catch(() => undefined);
  const text = size !== undefined && size <= MAX_LOCK_BYTES ? await world.readFile(path).catch(() => undefined) : undefined;
  const holder = lockHolder(text ? new TextDecoder().decode(text) : "");
  diags.error("project/locked", { file: path, line: 0, column: 0 }, { path, pid: holder.pid ?? "?", command: holder.label || "?", seconds: Math.round((opts.waitMs ?? 15_000) / 1000) });
  return undefined;
}

/**
 * For the commands that only read (validate, --check): a change a cut-off command left, which
 * the next writing command finishes or undoes. Said, so that nobody moves its staged files away
 * or trusts a check of half-changed files.
 */
export async function pendingChange(world: World, diags: Diagnostics, stateDir = STATE_DIR): Promise<void> {
  const { journal } = txPaths(stateDir);
  const bytes = await readJournal(world, journal).catch(() => undefined);
  if (bytes === undefined) return;
  const j = bytes === TOO_LARGE ? undefined : parseJournal(bytes);
  const at = { file: journal, line: 0, column: 0 };
  if (!j) return diags.error("project/journal-damaged", at, { path: journal });
  diags.warning(j.state === "commit" ? "project/change-pending" : "project/change-pending-undo", at, { command: j.command, files: listed(j.entries.map((e) => e.path)), count: j.entries.length });
}

/**
 * Finishes (journal "commit") or undoes (journal "staging") a change a cut-off command
 * left. False when it cannot, and then this command must not go on.
 */
export async function recover(world: World, journalPath: string, diags: Diagnostics): Promise<boolean> {
  if (!(await removeJournalDrafts(world, journalPath, diags))) return false;
  const bytes = await guard(diags, journalPath, "read", () => readJournal(world, journalPath));
  if (bytes === FAILED) return false;
  if (bytes === undefined) return true;
  const j = bytes === TOO_LARGE ? undefined : parseJournal(bytes);
  const at = { file: journalPath, line: 0, column: 0 };
  if (!j) {
    diags.error("project/journal-damaged", at, { path: journalPath });
    return false;
  }
  const finish = j.state === "commit";
  const done: string[] = [];
  const left: string[] = [];
  for (const e of j.entries) {
    if (finish) {
      const step = () => (e.staged ? moveIfThere(world, e.staged, e.path) : removeIfSame(world, e.path, e.sha256!));
      const r = await guard(diags, e.path, "write", step);
      if (r === FAILED) return false;
      if (r === "done") done.push(e.path);
      else if (r === "missing") left.push(e.path);
    } else if (e.staged && (await guard(diags, e.staged, "write", () => world.removeFile(e.staged!))) === FAILED) return false;
  }
  if (!finish && (await guard(diags, journalPath, "write", () => removeEmptyDirs(world, j.dirs ?? []))) === FAILED) return false;
  if ((await guard(diags, journalPath, "write", () => world.removeFile(journalPath))) === FAILED) return false;
  if (!finish) diags.warning("project/change-undone", at, { command: j.command, files: listed(j.entries.map((e) => e.path)), count: j.entries.length });
  else if (done.length) diags.warning("project/change-finished", at, { command: j.command, files: listed(done), count: done.length });
  if (finish && left.length) diags.warning("project/change-not-finished", at, { command: j.command, files: listed(left), count: left.length });
  return true;
}

/** The folders that writing the entries' staged files creates, deepest first. */
async function missingDirs(world: World, entries: readonly JournalEntry[]): Promise<string[]> {
  const missing = new Set<string>();
  for (const e of entries) {
    if (!e.staged) continue;
    for (let dir = parentOf(e.path); dir && !missing.has(dir); dir = parentOf(dir)) {
      if ((await world.listDir(dir)) !== undefined) break;
      missing.add(dir);
    }
  }
  return [...missing].sort((a, b) => b.split("/").length - a.split("/").length || (a < b ? -1 : 1));
}

/** Where a file that is a symbolic link leads (its folder's own links are the world's to refuse); undefined for a plain file or none. */
async function linkTarget(world: World, path: string): Promise<string | undefined> {
  const real = await world.realPath(path);
  if (real === undefined) return undefined;
  const dir = await world.realPath(parentOf(path) || ".");
  if (dir === undefined) return undefined;
  return real === join(dir, path.slice(path.lastIndexOf("/") + 1)) ? undefined : real;
}

function parentOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

/** Removes each folder (deepest first) that is there and empty: a folder a cut-off change made, and nothing else. */
async function removeEmptyDirs(world: World, dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) {
    const entries = await world.listDir(dir);
    if (entries !== undefined && entries.length === 0) await world.removeDir(dir);
  }
}

const TOO_LARGE = Symbol("too large");

/** The journal's bytes; undefined when there is none, TOO_LARGE (never read) when it is bigger than any the tool writes. */
async function readJournal(world: World, path: string): Promise<Uint8Array | undefined | typeof TOO_LARGE> {
  const size = await world.fileSize(path);
  if (size === undefined) return world.readFile(path); // not a file (a folder): let reading say so
  return size > MAX_JOURNAL_BYTES ? TOO_LARGE : world.readFile(path);
}

/** Drafts of the journal (`.journal.tmp-<pid>-<n>`) a run killed while writing it left: only the lock's holder writes one. */
async function removeJournalDrafts(world: World, journalPath: string, diags: Diagnostics): Promise<boolean> {
  const dir = journalPath.slice(0, journalPath.lastIndexOf("/"));
  const name = journalPath.slice(journalPath.lastIndexOf("/") + 1);
  const entries = await guard(diags, dir, "read", () => world.listDir(dir));
  if (entries === FAILED) return false;
  for (const e of entries ?? []) {
    if (e.kind !== "file" || !e.name.startsWith(`${name}.tmp-`) || !/^\d+-\d+$/.test(e.name.slice(name.length + 5))) continue;
    if ((await guard(diags, `${dir}/${e.name}`, "write", () => world.removeFile(`${dir}/${e.name}`))) === FAILED) return false;
  }
  return true;
}

/**
 * Renames a staged file into place. A staged file no longer there was renamed before the cut
 * when its target is there ("before"); when neither is, it was removed by hand ("missing").
 */
async function moveIfThere(world: World, staged: string, path: string): Promise<"done" | "before" | "missing"> {
  if ((await world.fileSize(staged)) === undefined) return (await world.fileSize(path)) === undefined ? "missing" : "before";
  await world.renameFile(staged, path);
  return "done";
}

/** Removes a file the journal names only while it is the bytes the journal says. */
async function removeIfSame(world: World, path: string, hash: string): Promise<"done" | "before" | "missing"> {
  const bytes = await world.readFile(path);
  if (bytes === undefined) return "before";
  if (fileSha256(bytes) !== hash) return "missing";
  await world.removeFile(path);
  return "done";
}

/** A list of files for a message: the first ten, then how many more. */
function listed(paths: readonly string[]): string {
  return paths.length <= 10 ? paths.join(", ") : `${paths.slice(0, 10).join(", ")} (+${paths.length - 10})`;
}

/** Staged files written at once: enough to keep the thread pool's four threads busy flushing. */
const STAGING_WRITES = 8;

/**
 * Writes every staged file whole, several at a time: each is flushed to the disk, and flushes made
 * one after the other wait in turn (a one-edit rebuild's ten, a 200-unit build's six hundred).
 * The first file of each folder the change makes is written first, alone, in the change's order:
 * two files of one new folder written at once would each make it or not by a race, and a run
 * would not make the same changes as the last. One file that fails is named, the same on every run
 * that fails alike (a full or read-only disk fails the writes in flight as well, and one error says
 * it): the first of those written alone to fail, else the first of the others in the change's order.
 */
async function stage(world: World, entries: readonly JournalEntry[], changes: Map<string, Uint8Array | null>, dirs: readonly string[], diags: Diagnostics): Promise<boolean> {
  const missing = new Set(dirs);
  const opening: JournalEntry[] = [];
  const rest: JournalEntry[] = [];
  for (const e of entries) {
    if (!e.staged) continue;
    const dir = parentOf(e.path);
    (missing.delete(dir) ? opening : rest).push(e);
  }
  const write = (e: JournalEntry) => world.writeNew(e.staged!, changes.get(e.path)!);
  for (const e of opening) if ((await guard(diags, e.path, "write", () => write(e))) === FAILED) return false;
  const [first] = await atOnce(rest, STAGING_WRITES, write);
  if (!first) return true;
  await guard(diags, rest[first.at]!.path, "write", () => Promise.reject(first.err));
  return false;
}

async function commit<T>(world: World, journalPath: string, command: string, changes: Map<string, Uint8Array | null>, diags: Diagnostics, outcome: TxOutcome<T>): Promise<void> {
  const entries: JournalEntry[] = [];
  for (const [path, bytes] of changes) {
    if (bytes) {
      entries.push({ path, staged: stagedName(path, process.pid, ++stagedCounter) });
      continue;
    }
    // A removal records the bytes it removes; a file already gone needs no step.
    const now = await guard(diags, path, "read", () => world.readFile(path));
    if (now === FAILED) return;
    if (now !== undefined) entries.push({ path, sha256: fileSha256(now) });
  }
  const dirs = await guard(diags, journalPath, "read", () => missingDirs(world, entries));
  if (dirs === FAILED) return;
  const journal = (state: Journal["state"]): Journal => ({ version: 1, state, command, entries, ...(dirs.length ? { dirs } : {}) });
  const undo = async () => {
    for (const e of entries) if (e.staged) await world.removeFile(e.staged).catch(() => undefined);
    await removeEmptyDirs(world, dirs).catch(() => undefined);
    await world.removeFile(journalPath).catch(() => undefined);
  };
  // 0. Every target that is a symbolic link is refused before anything is written: the rename into
  // place would refuse it after the decision, leaving the other files of the change applied.
  for (const e of entries) {
    const link = await guard(diags, e.path, "read", () => linkTarget(world, e.path));
    if (link === FAILED) return;
    if (link !== undefined) {
      diags.error("file/link", { file: e.path, line: 1, column: 1 }, { target: link, reasonVi: "là liên kết (symlink); công cụ không ghi qua liên kết", reason: "is a symbolic link; the tool never writes through one" });
      return;
    }
  }
  // 1. Stage: the journal first (so that a cut-off run's staged files are found), then each file whole.
  if ((await guard(diags, journalPath, "write", () => world.writeFileAtomic(journalPath, journalBytes(journal("staging"))))) === FAILED) return;
  if (!(await stage(world, entries, changes, dirs, diags))) {
    await undo();
    return;
  }
  // 2. Decide: from here on the change happens, now or by the next command.
  if ((await guard(diags, journalPath, "write", () => world.writeFileAtomic(journalPath, journalBytes(journal("commit"))))) === FAILED) {
    await undo();
    return;
  }
  // 3. Apply.
  for (const [i, e] of entries.entries()) {
    const step = () => (e.staged ? world.renameFile(e.staged, e.path) : world.removeFile(e.path));
    // (a removal removes the file read above, under the same lock)
    if ((await guard(diags, e.path, "write", step)) === FAILED) {
      outcome.pending = entries.slice(i).map((x) => x.path);
      return;
    }
    (e.staged ? outcome.written : outcome.removed).push(e.path);
  }
  await guard(diags, journalPath, "write", () => world.removeFile(journalPath));
  outcome.committed = true;
}
