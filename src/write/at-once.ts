/**
 * Work over a list with a few items in flight at once (file writes, each flushed to the disk:
 * made one after the other, the flushes wait in turn). No item is started once one has failed;
 * the failures come back with their places in the list, the items in flight having ended.
 */
export async function atOnce<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<{ at: number; err: unknown }[]> {
  const failures: { at: number; err: unknown }[] = [];
  let next = 0;
  const worker = async () => {
    while (!failures.length && next < items.length) {
      const at = next++;
      await work(items[at]!).catch((err: unknown) => failures.push({ at, err }));
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
  return failures.sort((a, b) => a.at - b.at);
}
