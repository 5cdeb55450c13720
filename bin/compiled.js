// Exits 0 when dist/ holds the program compiled from the sources as they are now (the check
// bin/khoi-thi-dua.js makes before running it), 1 otherwise: `npm test` compiles only then, as a
// compilation from the same sources gives the same files.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { compiledFromSources, compiledIdentity } from "./source-hash.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const identity = compiledIdentity(root);
// bin/compile.js writes dist/identity.json last: a compilation cut short has none. The bundles are looked for all the same.
const whole = ["dist/cli/main.js", "dist/cli/main.cjs", "dist/cli/commands.cjs", "dist/cli/engine.cjs", "dist/cli/engine.cjs.cache", "dist/cli/province-command.cjs", "dist/cli/province-command.cjs.cache"].every((f) => existsSync(join(root, f)));
process.exit(whole && existsSync(join(root, "src", "cli", "main.ts")) && compiledFromSources(root, identity) ? 0 : 1);
