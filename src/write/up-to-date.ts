/**
 * The build with nothing to do, without loading the data: the manifest's
 * snapshot names every file and folder the last full build read; when each
 * still has the same hash, the tool and the fonts are the same, and every
 * output is as written, the documents are current. Anything unexpected
 * (no snapshot, a file that cannot be read, a damaged manifest) answers "not
 * known", and the full build decides. Loads nothing heavy.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { sha256 } from "./hash.ts";
import { readManifest } from "./manifest.ts";
import { ownedOutputs } from "./owned-files.ts";
import { listingHash } from "./recording-world.ts";

export interface UpToDate {
  documents: number;
  warnings: Diagnostic[];
}

export async function upToDate(world: World, opts: { dataDir: string; outDir: string; toolVersion: string; fontSource: string }): Promise<UpToDate | undefined> {
  try {
    const { manifest } = await readManifest(world, opts.outDir);
    const snap = manifest?.snapshot;
    if (!manifest || !snap || manifest.tool !== opts.toolVersion || snap.fontSource !== opts.fontSource || snap.dataDir !== opts.dataDir) return undefined;
    const same = async (path: string, hash: string) => {
      const bytes = await world.readFile(path);
      return bytes !== undefined && sha256(bytes) === hash;
    };
    for (const [dir, hash] of Object.entries(snap.listings)) if (listingHash(await world.listDir(dir)) !== hash) return undefined;
    for (const [path, hash] of Object.entries(snap.reads)) if (!(await same(path, hash))) return undefined;
    const docs = Object.values(manifest.documents);
    for (const doc of docs) {
      const owned = ownedOutputs(opts.outDir, doc.key);
      if (!owned || owned.some((p) => doc.outputs[p] === undefined)) return undefined;
      for (const path of owned) if (!(await same(path, doc.outputs[path]!))) return undefined;
    }
    return { documents: docs.length, warnings: snap.warnings };
  } catch {
    return undefined;
  }
}
