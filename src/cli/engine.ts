/**
 * The engine: what the commands that do real work need (check the data, build), behind one
 * door. The compilation bundles it into dist/cli/engine.cjs (src/tools/bundle-engine.ts) with a
 * code cache, so a build loads one file of already compiled code instead of some four hundred
 * modules; load-engine.ts opens it. Everything that crosses this door is plain data, a World or
 * a Diagnostics made here.
 */
export { checkProject } from "../pipeline.ts";
export { pendingChange } from "../write/transaction.ts";
export { Diagnostics } from "../diagnostics/diagnostic.ts";
export { buildProject } from "../write/build.ts";
export { SourceCache } from "../load/source-cache.ts";
export { DATA_CACHE } from "../write/options.ts";
export { viewFiles } from "../province/province-view.ts";
