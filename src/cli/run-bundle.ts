/**
 * Runs a CommonJS bundle the compilation made in dist/cli/ (src/tools/bundle-engine.ts) with its
 * V8 code cache: the functions a command uses are not compiled again in each process. A cache
 * this V8 does not accept (another Node) is ignored by V8 itself and the code is compiled as
 * usual. Loaded only when a bundle is run (open-bundled.ts): node:vm and node:crypto are not
 * part of every start.
 */
import { isAscii } from "node:buffer";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { withDefaultFlags } from "./heap-growth.ts";

/**
 * A bundle calls this for the imports it leaves to run time (a command's bundle keeps the
 * modules it loads only on some paths outside: see bundle-engine.ts); a relative one is said
 * from the bundle's own folder.
 */
export const DYNAMIC_IMPORT = "__bundle_import";

interface BundleRun {
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
  // The compile step writes the bundles in ASCII (bundle-engine.ts, asciiOnly), and ASCII read as Latin-1 is a copy, not a decoding.
  const source = bytes.toString(isAscii(bytes) ? "latin1" : "utf8");
  // Compiled with the flags the cache was made with: V8's own (heap-growth.ts).
  const script = withDefaultFlags(() => new Script(`(function (exports, require, module, __filename, __dirname, ${DYNAMIC_IMPORT}) {${source}\n})`, { filename: bundle, ...(cachedData ? { cachedData } : {}) }));
  const module = { exports: {} as unknown };
  const base = pathToFileURL(bundle);
  const load = (spec: string) => import(spec.startsWith(".") ? new URL(spec, base).href : spec);
  const fn = script.runInThisContext() as (e: unknown, r: NodeRequire, m: { exports: unknown }, f: string, d: string, i: typeof load) => void;
  fn(module.exports, createRequire(bundle), module, bundle, dirname(bundle), load);
  return { exports: module.exports, script, source: bytes, cached: cachedData !== undefined };
}
