/**
 * node:fs/promises with its reading calls done at once: a build reads hundreds of small files and
 * asks for as many stats and real paths, one after the other; through the thread pool each of
 * them waits for a hand-over both ways, which added up to a tenth of a second of a build doing
 * nothing. The same calls, the same results and errors (as rejected promises); writing, which
 * flushes to the disk, keeps the asynchronous calls.
 */
import { lstatSync, promises as nodeFs, readdirSync, readFileSync, readlinkSync, realpathSync, statSync } from "node:fs";

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
} as Fs;
