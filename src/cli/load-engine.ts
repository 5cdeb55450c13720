/**
 * Opens the engine (engine.ts). From dist/, when the compilation made the bundle
 * dist/cli/engine.cjs, that one file is run with its V8 code cache (engine.cjs.cache, made
 * by the compilation's training build): the functions a build uses are not compiled again in
 * each process. A cache this V8 does not accept (another Node) is ignored by V8 itself and the
 * code is compiled as usual. From the sources, or without a bundle, the modules are imported.
 * Loaded once per process (--watch keeps it, with its in-process memos).
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

type Engine = typeof import("./engine.ts");

export const ENGINE_BUNDLE = "engine.cjs";
export const ENGINE_CACHE = "engine.cjs.cache";

let loaded: Promise<Engine> | undefined;

export function loadEngine(): Promise<Engine> {
  loaded ??= openEngine();
  return loaded;
}

async function openEngine(): Promise<Engine> {
  const here = dirname(fileURLToPath(import.meta.url));
  const bundle = join(here, ENGINE_BUNDLE);
  if (!fileURLToPath(import.meta.url).endsWith(".js") || !existsSync(bundle)) return import("./engine.ts");
  return runBundle(bundle, join(here, ENGINE_CACHE)).exports as Engine;
}

export interface BundleRun {
  exports: unknown;
  script: Script;
  /** The bundle's bytes, as read. */
  source: Uint8Array;
  /** Whether cached code was given to V8 (V8 may still refuse it: script.cachedDataRejected). */
  cached: boolean;
}

/**
 * The cache file: the SHA-256 of the bundle it was made from (64 hex digits and a newline), then
 * V8's data. V8 itself checks only the source's length, so a bundle changed in place is seen here.
 */
export function cacheFileBytes(source: Uint8Array, data: Uint8Array): Uint8Array {
  return Buffer.concat([Buffer.from(`${sourceDigest(source)}\n`), data]);
}

/** Of the file's bytes: hashing them is cheaper than hashing the decoded text. */
function sourceDigest(source: Uint8Array): string {
  return createHash("sha256").update(source).digest("hex");
}

function cachedFor(source: Uint8Array, cacheFile: string | undefined): Buffer | undefined {
  let bytes: Buffer;
  try {
    if (!cacheFile) return undefined;
    bytes = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  return bytes.subarray(0, 64).toString("latin1") === sourceDigest(source) && bytes[64] === 0x0a ? bytes.subarray(65) : undefined;
}

/** Runs a CommonJS bundle as Node's own loader would, with cached code when the cache file is there and is this bundle's. */
export function runBundle(bundle: string, cacheFile: string | undefined): BundleRun {
  const bytes = readFileSync(bundle);
  const cachedData = cachedFor(bytes, cacheFile);
  const source = bytes.toString("utf8");
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: { exports: unknown }, f: string, d: string) => void;
  fn(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { exports: module.exports, script, source: bytes, cached: cachedData !== undefined };
}
