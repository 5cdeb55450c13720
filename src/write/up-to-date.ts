/**
 * The build with nothing to do, without loading the data: the manifest's
 * snapshot names every file and folder the last full build read; when each
 * still has the same hash, the tool and the fonts are the same, and every
 * output is as written, the documents are current. Anything unexpected
 * (no snapshot, a file that cannot be read, a damaged manifest, documents
 * packed for the exchange from signed copies) answers "not known", and the
 * full build decides. Loads nothing heavy.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { fileSha256, sha256, stableJson } from "./hash.ts";
import type { ProvinceInput } from "../validate/province-input.ts";
import { readManifest } from "./manifest.ts";
import { hashByStamp, readStamps } from "./stamps.ts";
import { ownedOutputs } from "./owned-files.ts";
import { listingHash } from "./recording-world.ts";
import { ownedYearOutput, YEAR_OUTPUT_FILES } from "./year-output-paths.ts";

export interface UpToDate {
  documents: number;
  warnings: Diagnostic[];
}

/** Largest input the snapshot may name (the shell's limit; data files have a smaller one). */
const MAX_INPUT_BYTES = 5 * 1024 * 1024;
/** Largest output file compared (a document is at most about 60 pages). */
const MAX_OUTPUT_BYTES = 64 * 1024 * 1024;

/** What a bloc's build saw of its province (tinh.yaml's defaults and bases), as one hash. */
export const provinceKey = (p: ProvinceInput | undefined): string | undefined => (p ? sha256(stableJson(p)) : undefined);

export async function upToDate(world: World, opts: { dataDir: string; outDir: string; toolVersion: string; fontSource: string; province?: ProvinceInput }): Promise<UpToDate | undefined> {
  try {
    const { manifest } = await readManifest(world, opts.outDir);
    const snap = manifest?.snapshot;
    if (!manifest || !snap || snap.sends || snap.province !== provinceKey(opts.province) || manifest.tool !== opts.toolVersion || snap.fontSource !== opts.fontSource || snap.dataDir !== opts.dataDir) return undefined;
    // A snapshot names only the project's data and templates, and at least the bloc's file: a manifest
    // edited to name /dev/zero, ../x or nothing at all is not believed.
    const inProject = (p: string) => (p.startsWith(`${opts.dataDir}/`) || p.startsWith("templates/")) && !p.split("/").includes("..");
    const reads = Object.entries(snap.reads);
    const listings = Object.entries(snap.listings);
    if (!snap.reads[`${opts.dataDir}/khoi.yaml`] || snap.listings[opts.dataDir] === undefined) return undefined;
    if (!reads.every(([p]) => inProject(p)) || !listings.every(([p]) => p === opts.dataDir || inProject(p))) return undefined;
    if (Object.keys(manifest.documents).length === 0) return undefined;
    // A file whose stamp is the one the last build recorded with this hash (stamps.ts) is not read again; any
    // other is read when it is a regular file of a sane size (a folder, a device or a larger file is not the same).
    const stamps = await readStamps(world, opts.outDir);
    const same = async (path: string, hash: string, max = MAX_INPUT_BYTES) => {
      if ((await hashByStamp(world, stamps, path)) === hash) return true;
      const size = await world.fileSize(path); // undefined too for what is not a regular file
      if (size === undefined || size > max) return false;
      const bytes = await world.readFile(path, max);
      return bytes !== undefined && bytes.length <= max && fileSha256(bytes) === hash;
    };
    for (const [dir, hash] of listings) if (listingHash(await world.listDir(dir)) !== hash) return undefined;
    for (const [path, hash] of reads) if (!(await same(path, hash))) return undefined;
    const docs = Object.values(manifest.documents);
    for (const doc of docs) {
      const owned = ownedOutputs(opts.outDir, doc.key);
      if (!owned || owned.some((p) => doc.outputs[p] === undefined)) return undefined;
      for (const path of owned) if (!(await same(path, doc.outputs[path]!, MAX_OUTPUT_BYTES))) return undefined;
    }
    // Every year's own outputs (the print bundle) recorded, and as written.
    const years = new Set(docs.map((d) => d.key.slice(0, d.key.indexOf("/"))));
    for (const year of years)
      for (const f of YEAR_OUTPUT_FILES) {
        const e = manifest.yearOutputs?.[`${year}/${f.id}`];
        const path = ownedYearOutput(opts.outDir, `${year}/${f.id}`);
        if (!e || !path || e.outputs[path] === undefined || !(await same(path, e.outputs[path], MAX_OUTPUT_BYTES))) return undefined;
      }
    return { documents: docs.length, warnings: snap.warnings };
  } catch {
    return undefined;
  }
}
