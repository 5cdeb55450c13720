/** Which font a build uses: settings, then system, then @fontsource/tinos; all through an in-memory reader. */
import { describe, expect, it } from "vitest";
import { packageCandidate, systemCandidates, type FamilyCandidate } from "../../../src/pdf/fonts/candidates.ts";
import { memoryFontReader } from "../../../src/pdf/fonts/font-reader.ts";
import { FontNotFoundError, loadFontSet } from "../../../src/pdf/fonts/load-font-set.ts";
import { LIBERATION_SERIF, merge, packageFiles, readFamily } from "./font-fixtures.ts";

const PKG = "/node_modules/@fontsource/tinos";
/** A "system" family made of the package files copied elsewhere (complete, Vietnamese included). */
const SYS_DIR = "/sys/tinos";
const sysCandidate: FamilyCandidate = { ...packageCandidate(SYS_DIR), source: "system", label: "Test system Tinos" };

describe("loadFontSet resolution order", () => {
  it("uses the package when there is no system font", async () => {
    const set = await loadFontSet(memoryFontReader(packageFiles(PKG)), { packageDir: PKG, systemCandidates: [sysCandidate] });
    expect(set.source).toBe("package");
    expect(set.fileNames).toContain("tinos-latin-400-normal.woff");
    expect(set.fileNames).toContain("tinos-vietnamese-700-italic.woff");
    expect(set.skipped).toEqual([]);
  });

  it("prefers a system font over the package", async () => {
    const reader = memoryFontReader(merge(packageFiles(PKG), packageFiles(SYS_DIR)));
    const set = await loadFontSet(reader, { packageDir: PKG, systemCandidates: [sysCandidate] });
    expect(set.source).toBe("system");
    expect(set.label).toBe("Test system Tinos");
    expect(set.faces.regular[0]?.path).toBe(`${SYS_DIR}/files/tinos-latin-400-normal.woff`);
  });

  it("skips an incomplete system family, saying why, and falls back to the package", async () => {
    const sys = packageFiles(SYS_DIR);
    sys.delete(`${SYS_DIR}/files/tinos-vietnamese-700-normal.woff`);
    const set = await loadFontSet(memoryFontReader(merge(packageFiles(PKG), sys)), { packageDir: PKG, systemCandidates: [sysCandidate] });
    expect(set.source).toBe("package");
    expect(set.skipped).toHaveLength(1);
    expect(set.skipped[0]).toMatch(/Test system Tinos: incomplete, not found: .*tinos-vietnamese-700-normal\.woff/);
  });

  it("skips a family that cannot set Vietnamese, naming the first missing letters", async () => {
    // Latin files only: no ă, ệ, đ...
    const latinOnly: FamilyCandidate = {
      source: "system",
      label: "Latin only",
      files: { regular: [`${SYS_DIR}/files/tinos-latin-400-normal.woff`], bold: [`${SYS_DIR}/files/tinos-latin-700-normal.woff`], italic: [`${SYS_DIR}/files/tinos-latin-400-italic.woff`], boldItalic: [`${SYS_DIR}/files/tinos-latin-700-italic.woff`] },
    };
    const set = await loadFontSet(memoryFontReader(merge(packageFiles(PKG), packageFiles(SYS_DIR))), { packageDir: PKG, systemCandidates: [latinOnly, sysCandidate] });
    expect(set.label).toBe("Test system Tinos");
    expect(set.skipped[0]).toMatch(/^Latin only: the regular face lacks \d+ Vietnamese character\(s\): U\+[0-9A-F]{4} "/);
  });

  it("skips a file that is not a font", async () => {
    const sys = packageFiles(SYS_DIR);
    sys.set(`${SYS_DIR}/files/tinos-latin-400-normal.woff`, new TextEncoder().encode("not a font"));
    const set = await loadFontSet(memoryFontReader(merge(packageFiles(PKG), sys)), { packageDir: PKG, systemCandidates: [sysCandidate] });
    expect(set.source).toBe("package");
    expect(set.skipped[0]).toContain("tinos-latin-400-normal.woff: not a font file");
  });

  it("uses the font named in settings before anything else, and never falls back silently from it", async () => {
    const reader = memoryFontReader(merge(packageFiles(PKG), packageFiles(SYS_DIR)));
    // An "office font" that lacks Vietnamese: an error, although system and package fonts are there.
    const office = { regular: `${SYS_DIR}/files/tinos-latin-400-normal.woff`, bold: `${SYS_DIR}/files/tinos-latin-700-normal.woff`, italic: `${SYS_DIR}/files/tinos-latin-400-italic.woff`, boldItalic: `${SYS_DIR}/files/tinos-latin-700-italic.woff` };
    await expect(loadFontSet(reader, { settings: office, packageDir: PKG, systemCandidates: [sysCandidate] })).rejects.toThrow(/named in settings cannot be used: .*lacks \d+ Vietnamese/);
    const absent = { regular: "/office/times.ttf", bold: "/office/timesbd.ttf", italic: "/office/timesi.ttf", boldItalic: "/office/timesbi.ttf" };
    await expect(loadFontSet(reader, { settings: absent, packageDir: PKG })).rejects.toThrow("not found: /office/times.ttf, /office/timesbd.ttf");
  });

  it.skipIf(!LIBERATION_SERIF)("uses a complete font named in settings (Liberation Serif copied as the office's font)", async () => {
    const office = { regular: "/office/times.ttf", bold: "/office/timesbd.ttf", italic: "/office/timesi.ttf", boldItalic: "/office/timesbi.ttf" };
    const reader = memoryFontReader(merge(packageFiles(PKG), packageFiles(SYS_DIR), readFamily(LIBERATION_SERIF!, office)));
    const set = await loadFontSet(reader, { settings: office, packageDir: PKG, systemCandidates: [sysCandidate] });
    expect(set.source).toBe("settings");
    expect(set.fileNames).toEqual(["times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"]);
    expect(set.faces.bold[0]?.postscriptName).toBe("LiberationSerif-Bold");
  });

  it("says what to install when nothing is found", async () => {
    const err = await loadFontSet(memoryFontReader({}), { packageDir: PKG }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FontNotFoundError);
    expect((err as Error).message).toMatch(/fonts-liberation2.*@fontsource\/tinos.*settings/s);
  });

  it("ignores system fonts when told to", async () => {
    const reader = memoryFontReader(merge(packageFiles(PKG), packageFiles(SYS_DIR)));
    const set = await loadFontSet(reader, { packageDir: PKG, system: false, systemCandidates: [sysCandidate] });
    expect(set.source).toBe("package");
  });
});

describe("loadFontSet in one process", () => {
  it("gives the same font set for the same bytes at the same paths, and parses other bytes anew", async () => {
    const files = packageFiles("/once");
    const load = (f: Map<string, Uint8Array>) => loadFontSet(memoryFontReader(f), { packageDir: "/once", system: false });
    const a = await load(files);
    expect(await load(new Map(files))).toBe(a);
    // A font file changed in place (same path, other bytes) is read and parsed again.
    const [path, bytes] = [...files][0]!;
    const other = Uint8Array.from(bytes);
    other[other.length - 1] = other[other.length - 1]! ^ 0xff;
    const changed = new Map(files).set(path, other);
    const b = await load(changed).catch(() => undefined);
    expect(b).not.toBe(a);
  });
});

describe("systemCandidates", () => {
  it("tries Times New Roman itself, then Liberation Serif, then Tinos", () => {
    const list = systemCandidates({ windowsFontsDir: "D:\\Win\\Fonts" });
    expect(list.map((c) => c.files.regular[0])).toEqual([
      "D:\\Win\\Fonts\\times.ttf",
      "/Library/Fonts/Times New Roman.ttf",
      "/System/Library/Fonts/Supplemental/Times New Roman.ttf",
      "/usr/share/fonts/truetype/msttcorefonts/Times_New_Roman.ttf",
      "/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf",
      "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
      "/usr/share/fonts/truetype/croscore/Tinos-Regular.ttf",
    ]);
    expect(list[0]?.files.boldItalic).toEqual(["D:\\Win\\Fonts\\timesbi.ttf"]);
    expect(list.every((c) => c.source === "system")).toBe(true);
  });
});
