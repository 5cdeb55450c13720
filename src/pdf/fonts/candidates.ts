/**
 * Where a Times-metric font may be found, in the order they are tried:
 * the office's own files named in settings, a system font, then the Tinos
 * files of the @fontsource/tinos package (so that a bare `npm install` works).
 */
import type { FaceKey } from "../types.ts";

export const FACES: readonly FaceKey[] = ["regular", "bold", "italic", "boldItalic"];

export type FontSource = "settings" | "system" | "package";

/** One file per face, e.g. an office's own Times New Roman. */
export type FaceFiles = Record<FaceKey, string>;

export interface FamilyCandidate {
  source: FontSource;
  /** What it is, for messages: "Liberation Serif (/usr/share/fonts/truetype/liberation2)". */
  label: string;
  /** Per face, the files tried character by character, in this order. */
  files: Record<FaceKey, string[]>;
}

function single(source: FontSource, label: string, files: FaceFiles): FamilyCandidate {
  return { source, label, files: { regular: [files.regular], bold: [files.bold], italic: [files.italic], boldItalic: [files.boldItalic] } };
}

function inDir(dir: string, names: FaceFiles): FaceFiles {
  const d = dir.replace(/[\\/]+$/, "");
  const sep = d.includes("\\") ? "\\" : "/";
  return { regular: `${d}${sep}${names.regular}`, bold: `${d}${sep}${names.bold}`, italic: `${d}${sep}${names.italic}`, boldItalic: `${d}${sep}${names.boldItalic}` };
}

export function settingsCandidate(files: FaceFiles): FamilyCandidate {
  return single("settings", `font files named in settings (${files.regular}, …)`, files);
}

const STYLE_SUFFIX: FaceFiles = { regular: "Regular", bold: "Bold", italic: "Italic", boldItalic: "BoldItalic" };
const suffixed = (stem: string, ext: string): FaceFiles => ({
  regular: `${stem}-${STYLE_SUFFIX.regular}${ext}`,
  bold: `${stem}-${STYLE_SUFFIX.bold}${ext}`,
  italic: `${stem}-${STYLE_SUFFIX.italic}${ext}`,
  boldItalic: `${stem}-${STYLE_SUFFIX.boldItalic}${ext}`,
});
const MAC_TNR: FaceFiles = {
  regular: "Times New Roman.ttf",
  bold: "Times New Roman Bold.ttf",
  italic: "Times New Roman Italic.ttf",
  boldItalic: "Times New Roman Bold Italic.ttf",
};

export interface SystemOptions {
  /** The Windows fonts folder (default C:\Windows\Fonts). */
  windowsFontsDir?: string;
}

/**
 * System fonts: Times New Roman itself where the system has it (Windows,
 * macOS, Debian's ttf-mscorefonts-installer), then Liberation Serif and Tinos,
 * whose advance widths are those of Times New Roman. A family is used only when
 * all four faces are there and set the whole Vietnamese alphabet.
 */
export function systemCandidates(options: SystemOptions = {}): FamilyCandidate[] {
  const win = options.windowsFontsDir ?? "C:\\Windows\\Fonts";
  const out: FamilyCandidate[] = [
    single("system", `Times New Roman (${win})`, inDir(win, { regular: "times.ttf", bold: "timesbd.ttf", italic: "timesi.ttf", boldItalic: "timesbi.ttf" })),
    single("system", "Times New Roman (/Library/Fonts)", inDir("/Library/Fonts", MAC_TNR)),
    single("system", "Times New Roman (/System/Library/Fonts/Supplemental)", inDir("/System/Library/Fonts/Supplemental", MAC_TNR)),
    single("system", "Times New Roman (/usr/share/fonts/truetype/msttcorefonts)", inDir("/usr/share/fonts/truetype/msttcorefonts", {
      regular: "Times_New_Roman.ttf",
      bold: "Times_New_Roman_Bold.ttf",
      italic: "Times_New_Roman_Italic.ttf",
      boldItalic: "Times_New_Roman_Bold_Italic.ttf",
    })),
  ];
  for (const dir of ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"]) {
    out.push(single("system", `Liberation Serif (${dir})`, inDir(dir, suffixed("LiberationSerif", ".ttf"))));
  }
  out.push(single("system", "Tinos (/usr/share/fonts/truetype/croscore)", inDir("/usr/share/fonts/truetype/croscore", suffixed("Tinos", ".ttf"))));
  return out;
}

/** The script subsets of @fontsource/tinos that a face falls back across, in this order. */
export const PACKAGE_SUBSETS = ["latin", "vietnamese", "latin-ext"] as const;

const WEIGHT_STYLE: Record<FaceKey, string> = { regular: "400-normal", bold: "700-normal", italic: "400-italic", boldItalic: "700-italic" };

/** The WOFF files of @fontsource/tinos under `packageDir` (the folder of its package.json). */
export function packageCandidate(packageDir: string): FamilyCandidate {
  const d = packageDir.replace(/[\\/]+$/, "");
  const files = {} as Record<FaceKey, string[]>;
  for (const face of FACES) files[face] = PACKAGE_SUBSETS.map((s) => `${d}/files/tinos-${s}-${WEIGHT_STYLE[face]}.woff`);
  return { source: "package", label: `Tinos (@fontsource/tinos, ${d})`, files };
}
