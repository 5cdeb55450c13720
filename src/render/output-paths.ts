/**
 * Where outputs go: `<out>/<year>/<stem>.<extension>`, one extension per
 * renderer. The one place output paths are made (the build's owned files and
 * the render stage both use it). No imports of the renderers themselves, so
 * that checking a manifest does not load them.
 */

/** The extensions of the renderers of src/render/renderers.ts, in their order (a test checks they agree). */
export const OUTPUT_EXTENSIONS = ["docx", "pdf", "ky-so.json"] as const;

export function outputPath(outDir: string, year: number | string, stem: string, extension: string): string {
  return `${outDir}/${year}/${stem}.${extension}`;
}
