/**
 * node:fs/promises with its reading calls done at once: a build reads hundreds of small files and
 * asks for as many stats and real paths, one after the other; through the thread pool each of
 * them waits for a hand-over both ways, which added up to a tenth of a second of a build doing
 * nothing. So do the calls that never wait for the disk: `writeFile`, which does not flush (the
 * world writes only the lock's small file with it), links, renames, removals and folders; on two
 * cores busy with V8's own threads, the hand-over of the lock's three calls took 2–21 ms, against
 * 2 ms at once. The same calls, the same results and errors (as rejected promises). Writing
 * through a file handle (`open`), as every write that flushes to the disk does (node-world.ts
 * writeWhole), keeps the asynchronous calls.
 */
import { closeSync, fstatSync, linkSync, lstatSync, mkdirSync, openSync, promises as nodeFs, readdirSync, readFileSync, readlinkSync, readSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";

type Fs = typeof nodeFs;

const at = <A extends unknown[], R>(f: (...args: A) => R) =>
  async (...args: A): Promise<R> => f(...args);

export const quickFs: Fs = {
  ...nodeFs,
  readFile: at((path: string, options?: unknown) => readFileSync(path, options as BufferEncoding)),
  stat: at((path: string, options?: unknown) => statSync(path, options as undefined)),
  lstat: at((path: string, options?: unknown) => lstatSync(path, options as undefined)),
  readdir: at((path: string, options?: unknown) => readdirSync(path, options as undefined)),
  readlink: at((path: string, options?: unknown) => readlinkSync(path, options as undefined)),
  realpath: at((path: string, options?: unknown) => realpathSync.native(path, options as undefined)),
  writeFile: at((path: string, data: string, options?: unknown) => writeFileSync(path, data, options as undefined)),
  link: at((a: string, b: string) => linkSync(a, b)),
  rm: at((path: string, options?: unknown) => rmSync(path, options as undefined)),
  rename: at((a: string, b: string) => renameSync(a, b)),
  mkdir: at((path: string, options?: unknown) => mkdirSync(path, options as undefined)),
} as Fs;

/**
 * At most `max` bytes of a file, from `read` (one open descriptor: a file that grows while it is
 * read is cut at `max`, never read whole). The first buffer is sized by the file as opened
 * (`size`, one byte more to see it end), the next ones a megabyte; a short read is the end.
 */
export async function readChunks(size: number, max: number, read: (buf: Uint8Array) => number | Promise<number>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let next = Math.min(max, size + 1);
  while (total < max) {
    const buf = new Uint8Array(Math.min(max - total, Math.max(next, 1), 1 << 20));
    next = 1 << 20;
    const n = await read(buf);
    if (n === 0) break;
    chunks.push(buf.subarray(0, n));
    total += n;
    if (n < buf.length) break;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

/** readChunks over a descriptor read at once, like the calls above (no hand-over to the thread pool). */
export async function readUpToQuick(path: string, max: number): Promise<Uint8Array> {
  const fd = openSync(path, "r");
  try {
    return await readChunks(fstatSync(fd).size, max, (buf) => readSync(fd, buf, 0, buf.length, null));
  } finally {
    closeSync(fd);
  }
}
