// npm run compile: dist/ from src/ (tsc, then the engine's bundles and their code caches:
// src/tools/bundle-engine.ts), and dist/identity.json last. The identity is that of the sources
// as they were before the compilation read them, and it is written only once everything else is
// there: a source edited during the compilation, or a compilation cut short, leaves dist/ that
// bin/khoi-thi-dua.js and bin/compiled.js do not take for the compilation of the sources.
import { spawnSync } from "node:child_process";
import { renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceIdentity } from "./source-hash.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const identity = sourceIdentity(root);
const dist = join(root, "dist");
rmSync(dist, { recursive: true, force: true });
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run([createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json", "--noCheck"]);
// Given the identity: the font subsets it makes are kept under the keys of this tool (src/tools/bundle-engine.ts).
run([join(dist, "tools", "bundle-engine.js"), identity.tool]);
const file = join(dist, "identity.json");
writeFileSync(`${file}.tmp`, JSON.stringify(identity) + "\n");
renameSync(`${file}.tmp`, file);
