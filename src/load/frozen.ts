/**
 * Deep freezing, for values a process keeps and hands out again (a data file's value read from the
 * data cache, what its schema made of it): whoever is handed one cannot change it for the next
 * (a change throws, in the strict code of ES modules, instead of passing on silently).
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length) {
    const x = stack.pop();
    if (typeof x !== "object" || x === null || Object.isFrozen(x)) continue;
    Object.freeze(x);
    for (const y of Array.isArray(x) ? x : Object.values(x)) stack.push(y);
  }
  return value;
}
