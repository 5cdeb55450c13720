#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run compile`, which `npm ci` runs as `prepare`)
// when it was compiled from the sources as they are now (their hash, not their times: a copy
// that keeps old times, or a deleted file, is seen too; see source-hash.js for the cheap check
// that comes first). Otherwise, a developer's edit not yet compiled, it runs the TypeScript
// sources through tsx, so what runs is what the sources say.
import { existsSync } from "node:fs";
import module from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compiledFromSources, compiledIdentity } from "./source-hash.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const identity = compiledIdentity(root);
// The compiled entry: its bundle (dist/cli/main.cjs, one file for the twenty modules every start loads,
// which requires dist/cli/commands.cjs for build and validate: src/tools/bundle-engine.ts) when the
// compilation made both, else its module.
const compiled = async () => {
  // Node 22 and later keep the compiled code of the modules in their own cache (the engine has
  // its own, made by the compilation: src/cli/load-engine.ts); Node 20 has no such cache.
  module.enableCompileCache?.();
  const front = join(root, "dist", "cli", "main.cjs");
  if (existsSync(front) && existsSync(join(root, "dist", "cli", "commands.cjs"))) module.createRequire(import.meta.url)(front);
  else await import("../dist/cli/main.js");
};
if (compiledFromSources(root, identity)) {
  await compiled();
} else if (!existsSync(join(root, "src", "cli", "main.ts")) && existsSync(join(root, "dist", "cli", "main.js"))) {
  // No sources to compare with (a copy without src/, or a damaged dist/identity.json): the compiled program is all there is.
  await compiled();
} else if (!existsSync(join(root, "src", "cli", "main.ts"))) {
  // Neither a compiled program nor its sources: say so, not a stack trace.
  process.stderr.write("khoi-thi-dua: thiếu chương trình đã biên dịch (dist/) và mã nguồn (src/); chạy lại `npm ci` (or `npm run compile`)\n");
  process.exit(2);
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
