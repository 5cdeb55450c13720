import type { World } from "../io/world.ts";
import { sha256, stableJson } from "./hash.ts";

/** What a build wrote and what it was made from, kept at out/.manifest.json. */
export interface ManifestEntry {
  /** Year and file stem, e.g. "2020/ke-hoach". */
  key: string;
  /** Hash of the composed document (all its text and structure). */
  content: string;
  /** Declared input files and their hashes, to explain a rebuild. */
  inputs: Record<string, string>;
  /** Written files and their hashes. */
  outputs: Record<string, string>;
}

export interface Manifest {
  version: 1;
  /** The tool's version (package version and a hash of its source). */
  tool: string;
  /** Hash of the font files the PDFs were made with, and of the DOCX shell. */
  fonts: string;
  shell: string;
  documents: Record<string, ManifestEntry>;
}

export const MANIFEST_NAME = ".manifest.json";

export async function readManifest(world: World, outDir: string): Promise<Manifest | undefined> {
  const bytes = await world.readFile(`${outDir}/${MANIFEST_NAME}`);
  if (!bytes) return undefined;
  try {
    const m = JSON.parse(new TextDecoder().decode(bytes)) as Manifest;
    return m.version === 1 && m.documents ? m : undefined;
  } catch {
    return undefined; // A damaged manifest means: rebuild everything.
  }
}

export function manifestBytes(m: Manifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(JSON.parse(stableJson(m)), null, 2) + "\n");
}

export { sha256 };
