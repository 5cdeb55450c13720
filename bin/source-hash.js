// The identity of the tool's sources: every file under src/ (name and bytes, in a fixed order),
// package.json, the lock file, the TypeScript settings and this file. Shared by
// bin/khoi-thi-dua.js (is dist/ compiled from these very sources?), bin/compile.js and the
// tool's identity in the manifest.
//
// Hashing every source costs tens of milliseconds on each start, so the compilation also
// records the files' stat fingerprint (name, size, modification and change times, inode):
// while every file has the fingerprint it had when compiled, the bytes are those hashed. A copy
// that keeps old modification times still gets a new change time and inode (neither can be
// set by hand), an added or deleted file changes the list: any of them falls back to the hash.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

// node:crypto is loaded only when the sources are hashed: a start whose fingerprint holds
// (every --help, every build) does not pay for it.
const require = createRequire(import.meta.url);

// package.json gives the version in the tool's identity; source-hash.js is compiled into the bundles.
const SETTINGS = ["package.json", "package-lock.json", "tsconfig.json", "tsconfig.build.json", "bin/source-hash.js"];

/** The sources' files (every file under src/), relative to root, in the fixed order of the hash. */
function sourceFiles(root) {
  const files = [];
  const walk = (dir, rel) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${rel}${e.name}/`);
      else files.push(`src/${rel}${e.name}`);
    }
  };
  walk(join(root, "src"), "");
  return files;
}

export function sourceHash(root) {
  const h = require("node:crypto").createHash("sha256");
  for (const f of sourceFiles(root)) h.update(`${f.slice(4)}\0`).update(readFileSync(join(root, f)));
  for (const f of SETTINGS) {
    try {
      h.update(`${f}\0`).update(readFileSync(join(root, f)));
    } catch {
      /* an installed copy may have none */
    }
  }
  return h.digest("hex");
}

/**
 * The stat fingerprint of the same files, as text (kept whole in dist/identity.json and compared
 * whole: no hash to compute): cheap, and it changes whenever a file could have.
 */
export function sourceStats(root) {
  let out = "";
  for (const f of [...sourceFiles(root), ...SETTINGS]) {
    const s = statSync(join(root, f), { throwIfNoEntry: false });
    // The name as a JSON string: no name can end its own field (a ":" or a newline in it is quoted).
    out += s ? `${JSON.stringify(f)}:${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}\n` : `${JSON.stringify(f)}:-\n`;
  }
  return out;
}

/** Whether dist/ was compiled from the sources as they are: by fingerprint when it matches, else by hash. */
export function compiledFromSources(root, identity) {
  if (!identity || typeof identity.sources !== "string") return false;
  // A copy installed without its sources (or with src/ not a folder): the compiled program is all there is to run.
  if (!existsSync(join(root, "src", "cli", "main.ts"))) return existsSync(join(root, "dist", "cli", "main.js"));
  if (typeof identity.stats === "string" && identity.stats === sourceStats(root)) return true;
  try {
    return identity.sources === sourceHash(root);
  } catch {
    // A source that cannot be read (a link that leads nowhere, a name the system cannot open): dist/ cannot be
    // shown to be compiled from the sources, so the sources run, and their own error, if any, is said there.
    return false;
  }
}

/**
 * What the compilation records in dist/identity.json: the tool's identity for the manifests (its
 * version and the sources' hash), the hash and the stat fingerprint. Taken before it compiles,
 * the fingerprint before the hash: a file edited in between then has a fingerprint other than
 * the one recorded, and is checked by its bytes.
 */
export function sourceIdentity(root) {
  const stats = sourceStats(root);
  const sources = sourceHash(root);
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  return { tool: `${version}+${sources.slice(0, 16)}`, sources, stats };
}

/** What dist/identity.json says, or undefined when there is none (or it is damaged). */
export function compiledIdentity(root) {
  try {
    return JSON.parse(readFileSync(join(root, "dist", "identity.json"), "utf8"));
  } catch {
    return undefined;
  }
}
