/** Liberation Serif and Tinos from the system, when installed: same advance widths (Times New Roman's), also as the package's Tinos. */
import { describe, expect, it } from "vitest";
import { memoryFontReader } from "../../../src/pdf/fonts/font-reader.ts";
import { loadFontSet } from "../../../src/pdf/fonts/load-font-set.ts";
import { settingsCandidate } from "../../../src/pdf/fonts/candidates.ts";
import { VIETNAMESE_REPERTOIRE } from "../../../src/pdf/fonts/vietnamese.ts";
import type { FaceKey } from "../../../src/pdf/types.ts";
import { LIBERATION_SERIF, TINOS, packageFiles, readFamily } from "./font-fixtures.ts";

const FACES: FaceKey[] = ["regular", "bold", "italic", "boldItalic"];
const both = LIBERATION_SERIF && TINOS;
if (!both) console.warn("Skipping the Liberation Serif / Tinos comparison: install fonts-liberation2 and fonts-croscore");

describe.skipIf(!both)("system Liberation Serif and Tinos", () => {
  it("have identical advance widths and vertical metrics for every Vietnamese character, in all four faces, and so does the package's Tinos", async () => {
    const systemSet = async (files: typeof LIBERATION_SERIF) => loadFontSet(memoryFontReader(readFamily(files!)), { system: true, systemCandidates: [{ ...settingsCandidate(files!), source: "system" }] });
    const lib = await systemSet(LIBERATION_SERIF);
    const tin = await systemSet(TINOS);
    const pkg = await loadFontSet(memoryFontReader(packageFiles("/pkg")), { packageDir: "/pkg", system: false });
    expect(lib.faces.regular[0]?.postscriptName).toBe("LiberationSerif");
    expect(tin.faces.regular[0]?.postscriptName).toBe("Tinos");
    for (const face of FACES) {
      expect(lib.vertical(face)).toEqual(tin.vertical(face));
      expect(pkg.vertical(face)).toEqual(tin.vertical(face));
      for (const ch of VIETNAMESE_REPERTOIRE) {
        expect([ch, lib.width(ch, face, 2048)]).toEqual([ch, tin.width(ch, face, 2048)]);
        expect([ch, pkg.width(ch, face, 2048)]).toEqual([ch, tin.width(ch, face, 2048)]);
      }
    }
  });
});
