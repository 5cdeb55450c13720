import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { OUTPUT_EXTENSIONS, outputPath } from "../render/output-paths.ts";
import type { Manifest, ManifestEntry } from "./manifest.ts";
import { yearOutputPath } from "./year-output-paths.ts";

/**
 * The only files a build may replace or delete: `<out>/<year>/<stem>.<ext>`
 * of a document, computed from its key, one per output format. Never taken
 * from the manifest, whose paths are only compared against these.
 */
export { OUTPUT_EXTENSIONS };

const KEY = /^(\d{4})\/([a-z0-9][a-z0-9-]{0,240})$/;

export function ownedOutputs(outDir: string, key: string): string[] | undefined {
  const m = KEY.exec(key);
  return m ? OUTPUT_EXTENSIONS.map((ext) => outputPath(outDir, m[1]!, m[2]!, ext)) : undefined;
}

/**
 * The previous manifest with every path it names checked against the files
 * the build owns: an entry whose key is not a document key, and any output
 * that is not one of the entry's own files, is dropped with a warning naming
 * the manifest, so a hand-edited or hostile manifest can make the build
 * neither delete nor replace anything else.
 */
export function sanitizeManifest(previous: Manifest | undefined, outDir: string, manifestPath: string, diags: Diagnostics): Manifest | undefined {
  if (!previous) return undefined;
  const at = { file: manifestPath, line: 1, column: 1 };
  const documents: Record<string, ManifestEntry> = {};
  for (const [key, entry] of Object.entries(previous.documents)) {
    const owned = ownedOutputs(outDir, key);
    if (!owned) {
      diags.warning("manifest/foreign-path", at, { path: key });
      continue;
    }
    const outputs: Record<string, string> = {};
    for (const [path, hash] of Object.entries(entry.outputs)) {
      if (owned.includes(path)) outputs[path] = hash;
      else diags.warning("manifest/foreign-path", at, { path });
    }
    documents[key] = { ...entry, outputs };
  }
  if (!previous.years) return { ...previous, documents };
  // The year outputs: each key names one file (out/<year>/index.html), computed from the key.
  const years: Record<string, ManifestEntry> = {};
  for (const [key, entry] of Object.entries(previous.years)) {
    const owned = yearOutputPath(outDir, key);
    if (!owned) {
      diags.warning("manifest/foreign-path", at, { path: key });
      continue;
    }
    const outputs: Record<string, string> = {};
    for (const [path, hash] of Object.entries(entry.outputs)) {
      if (path === owned) outputs[path] = hash;
      else diags.warning("manifest/foreign-path", at, { path });
    }
    years[key] = { ...entry, outputs };
  }
  return { ...previous, documents, years };
}

/**
 * Whether a PDF carries a digital signature: a signature value's /ByteRange
 * (an empty signature field has none). Signature dictionaries are never in
 * compressed object streams, so the raw bytes tell.
 */
export function carriesSignature(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes("/ByteRange");
}
