import type { World } from "../io/world.ts";
import { fileSha256 } from "./hash.ts";
import type { Prepared } from "./prepare-step.ts";
import { listingHash } from "./recording-world.ts";

/**
 * Whether every file and folder the build read while checking the data is still as it
 * read it: the check, made before the project lock, holds under the lock too. Reads the
 * data files again (small), never the outputs.
 */
export async function stillAsRead(world: World, prepared: Pick<Prepared, "reads" | "listings">): Promise<boolean> {
  for (const [path, hash] of prepared.listings) if (listingHash(await world.listDir(path)) !== hash) return false;
  for (const [path, hash] of prepared.reads) {
    const bytes = await world.readFile(path);
    if (!bytes || fileSha256(bytes) !== hash) return false;
  }
  return true;
}
