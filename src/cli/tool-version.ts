import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sourceIdentity as identityOf } from "../../bin/source-hash.js";

/** The repository (or installed package) root: two folders above this module, in src/ or dist/. */
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
/** Written by `npm run compile` beside the compiled CLI: the identity of the sources it was compiled from. */
export const IDENTITY_FILE = join(ROOT, "dist", "identity.json");
/**
 * Made by the same compilation: the shared PDF font subsets of the package's fonts, under the keys a
 * build of this tool looks them up by (src/write/shared-fonts.ts), so that a first build does not make them.
 */
export const FONT_PRESET_DIR = join(ROOT, "dist", "pdf-fonts");
const COMPILED = fileURLToPath(import.meta.url).startsWith(join(ROOT, "dist"));

/**
 * The tool's identity for the manifest: its package version and a hash of its
 * source files and lock file. A new version of the tool rebuilds every
 * document. The compiled CLI reads the identity its sources had when they
 * were compiled (bin/ runs it only while no source is newer), so both ways
 * of running the tool give the same identity, and the compiled one reads no
 * source file.
 */
export function toolVersion(): string {
  if (COMPILED) {
    try {
      return toolVersionOf((JSON.parse(readFileSync(IDENTITY_FILE, "utf8")) as { tool: string }).tool);
    } catch {
      /* no identity written: compute it */
    }
  }
  return toolVersionOf(sourceIdentity());
}

/** The tool's identity for sources of identity `tool` (bin/source-hash.js) run by this Node. */
export function toolVersionOf(tool: string): string {
  // Compressed streams depend on the zlib version: it is part of what made a PDF.
  return `${tool} zlib ${process.versions.zlib ?? "?"}`;
}

let running: string | undefined;

/**
 * The package version and the sources' hash (bin/source-hash.js, shared with bin/khoi-thi-dua.js
 * and bin/compile.js), taken once per process: the identity of the code this process loaded,
 * which a source edited while it runs does not change (a process running from src/ hashed
 * every source file again for each build, 20–40 ms each time).
 */
export function sourceIdentity(): string {
  return (running ??= identityOf(ROOT).tool);
}
