/** Real font bytes for in-memory font tests: the @fontsource/tinos files, and the system's Liberation Serif and Tinos when installed. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FACES, packageCandidate } from "../../../src/pdf/fonts/candidates.ts";
import { fontsourceTinosDir } from "../../../src/pdf/fonts/node-font-reader.ts";
import type { FaceFiles } from "../../../src/pdf/fonts/candidates.ts";

const realPackageDir = fontsourceTinosDir();
if (!realPackageDir) throw new Error("@fontsource/tinos is not installed: run npm install");

/** The package files as they would be under `dir`, with their real bytes. */
export function packageFiles(dir: string): Map<string, Uint8Array> {
  const real = packageCandidate(realPackageDir as string);
  const fake = packageCandidate(dir);
  const out = new Map<string, Uint8Array>();
  for (const face of FACES) {
    real.files[face].forEach((p, i) => out.set(fake.files[face][i] as string, new Uint8Array(readFileSync(p))));
  }
  return out;
}

const STYLE: FaceFiles = { regular: "Regular", bold: "Bold", italic: "Italic", boldItalic: "BoldItalic" };

/** The four system files of a family, when all are installed. */
function systemFamily(dir: string, stem: string): FaceFiles | undefined {
  const files = {} as FaceFiles;
  for (const face of FACES) files[face] = join(dir, `${stem}-${STYLE[face]}.ttf`);
  return FACES.every((f) => existsSync(files[f])) ? files : undefined;
}

export const LIBERATION_SERIF = systemFamily("/usr/share/fonts/truetype/liberation2", "LiberationSerif") ?? systemFamily("/usr/share/fonts/truetype/liberation", "LiberationSerif");
export const TINOS = systemFamily("/usr/share/fonts/truetype/croscore", "Tinos");

export function readFamily(files: FaceFiles, as: FaceFiles = files): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const face of FACES) out.set(as[face], new Uint8Array(readFileSync(files[face])));
  return out;
}

export function merge(...maps: Map<string, Uint8Array>[]): Map<string, Uint8Array> {
  return new Map(maps.flatMap((m) => [...m]));
}
