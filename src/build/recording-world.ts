import type { World } from "../io/world.ts";
import { sha256 } from "./hash.ts";

/** A World that remembers the hash of every file read through it: the inputs of a build. */
export function recordingWorld(world: World): { world: World; reads: Map<string, string> } {
  const reads = new Map<string, string>();
  return {
    reads,
    world: {
      ...world,
      async readFile(path) {
        const bytes = await world.readFile(path);
        if (bytes) reads.set(path, sha256(bytes));
        return bytes;
      },
    },
  };
}
