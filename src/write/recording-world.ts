import type { World } from "../io/world.ts";
import { fileSha256, sha256 } from "./hash.ts";

/**
 * A World that remembers what a build saw: the hash of every file read
 * through it (the inputs), and of every folder listing (so that a file
 * added or removed is seen too).
 */
export function recordingWorld(world: World): { world: World; reads: Map<string, string>; listings: Map<string, string> } {
  const reads = new Map<string, string>();
  const listings = new Map<string, string>();
  return {
    reads,
    listings,
    world: {
      ...world,
      async readFile(path, limit) {
        const bytes = await world.readFile(path, limit);
        if (bytes) reads.set(path, fileSha256(bytes));
        return bytes;
      },
      async listDir(path) {
        const entries = await world.listDir(path);
        listings.set(path, listingHash(entries));
        return entries;
      },
    },
  };
}

/** A folder's names and kinds as one hash ("-" for a folder that does not exist). */
export function listingHash(entries: readonly { name: string; kind: string }[] | undefined): string {
  return entries ? sha256(entries.map((e) => `${e.kind}:${e.name}`).join("\n")) : "-";
}
