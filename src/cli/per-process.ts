/**
 * State kept once per process, whichever copy of a module asks for it. The command line's entry
 * and the build's module run from bundles (dist/cli/main.cjs, commands.cjs: src/tools/bundle-engine.ts),
 * and a module imported later from dist/ brings its own copy of what they hold: module-level state
 * that both copies must see (a closed output, the engine, the heap's bound) is kept here instead.
 */
export function perProcess<T extends object>(name: string, make: () => T): T {
  const key = Symbol.for(`khoi-thi-dua/${name}`);
  const kept = globalThis as { [key: symbol]: unknown };
  return (kept[key] ??= make()) as T;
}
