#!/usr/bin/env node
// Runs the compiled CLI (dist/, made by `npm run compile`, which `npm ci` runs as `prepare`).
// While a source file is newer than the compilation (a developer's edit), it runs the
// TypeScript sources through tsx instead, so what runs is always what the sources say.
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const mtime = (p) => {
  try {
    return statSync(p).mtimeMs;
  } catch {
    return undefined;
  }
};
function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : e.name.endsWith(".ts") ? statSync(p).mtimeMs : 0);
  }
  return newest;
}
const compiled = mtime(join(root, "dist", "identity.json"));
const sources = mtime(join(root, "src")) === undefined ? 0 : Math.max(newestSource(join(root, "src")), mtime(join(root, "package-lock.json")) ?? 0);
if (compiled !== undefined && compiled >= sources) {
  await import("../dist/cli/main.js");
} else {
  const { register } = await import("tsx/esm/api");
  register();
  await import("../src/cli/main.ts");
}
