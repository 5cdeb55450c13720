import type { YearModel } from "../model/types.ts";

/**
 * A function of the year's model computed once per model: the documents, their
 * tables and the year's report read the same result, which is plain data that
 * nobody changes.
 */
export function oncePerModel<T>(compute: (m: YearModel) => T): (m: YearModel) => T {
  const done = new WeakMap<YearModel, T>();
  return (m) => {
    if (!done.has(m)) done.set(m, compute(m));
    return done.get(m)!;
  };
}
