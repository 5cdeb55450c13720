/**
 * A file system that stops dead at a chosen change, as a kill would: node:fs/promises,
 * counting every change (a create, a write, which then writes only half its bytes, a
 * sync, a rename, a link, a removal, a folder made); `stopAt(label)` is told of each,
 * and when it answers true the call does half its work and never returns, nor does any
 * change asked for after it.
 */
import { spawnSync } from "node:child_process";
import { promises as realFs } from "node:fs";
import type { Fs } from "../../src/io/node-world.ts";

const never = () => new Promise<never>(() => {});

/**
 * node:fs/promises, counting every change to the file system; `stopAt(n, label)`
 * is told of each; when it answers true the call does half its work (a write
 * writes half its bytes, a copy copies half) and never returns.
 */
export function stopping(stopAt: (label: string) => boolean): Fs {
  // Once stopped, every later change stops too: a killed process makes none, whatever else it had under way
  // (the transaction writes several staged files at a time; the others must not go on after the kill).
  let killed = false;
  const stop = (label: string) => killed || (stopAt(label) && (killed = true));
  const half = (data: unknown) => {
    const b = typeof data === "string" ? Buffer.from(data) : Buffer.from(data as Uint8Array);
    return b.subarray(0, Math.floor(b.length / 2));
  };
  const handle = (fh: Awaited<ReturnType<Fs["open"]>>, path: string) =>
    new Proxy(fh, {
      get(t, k) {
        const v = Reflect.get(t, k);
        if (k === "writeFile" || k === "write")
          return async (data: unknown, ...rest: unknown[]) => {
            if (stop(`write ${path}`)) return t.write(half(data)).then(never);
            return (v as (...a: unknown[]) => unknown).call(t, data, ...rest);
          };
        if (k === "sync") return async () => (stop(`sync ${path}`) ? never() : t.sync());
        return typeof v === "function" ? v.bind(t) : v;
      },
    });
  const fs: Partial<Fs> = {
    open: (async (path: string, flags?: string, mode?: number) => {
      const writing = typeof flags === "string" && /[wa+]/.test(flags);
      if (writing && stop(`create ${path}`)) return never();
      return handle(await realFs.open(path, flags, mode), path);
    }) as Fs["open"],
    writeFile: (async (path: string, data: unknown, opts?: unknown) => {
      if (stop(`write ${path}`)) return realFs.writeFile(path, half(data), opts as never).then(never);
      return realFs.writeFile(path, data as never, opts as never);
    }) as Fs["writeFile"],
    copyFile: (async (from: string, to: string, mode?: number) => {
      if (stop(`copy ${to}`)) return realFs.writeFile(to, half(await realFs.readFile(from))).then(never);
      return realFs.copyFile(from, to, mode);
    }) as Fs["copyFile"],
    rename: (async (a: string, b: string) => (stop(`rename ${b}`) ? never() : realFs.rename(a, b))) as Fs["rename"],
    link: (async (a: string, b: string) => (stop(`link ${b}`) ? never() : realFs.link(a, b))) as Fs["link"],
    rm: (async (p: string, o?: unknown) => (stop(`remove ${p}`) ? never() : realFs.rm(p, o as never))) as Fs["rm"],
    unlink: (async (p: string) => (stop(`remove ${p}`) ? never() : realFs.unlink(p))) as Fs["unlink"],
    mkdir: (async (p: string, o?: unknown) => (stop(`mkdir ${p}`) ? never() : realFs.mkdir(p, o as never))) as Fs["mkdir"],
  };
  return { ...realFs, ...fs } as Fs;
}

/**
 * A process id that belongs to no process: that of one that has just ended. The smallest program there is (`true`)
 * rather than a whole Node: the kill tests ask for one at every step.
 */
export const deadPid = (): number => {
  const r = spawnSync("true");
  return r.error === undefined && r.pid ? r.pid : spawnSync(process.execPath, ["-e", "0"]).pid!;
};
