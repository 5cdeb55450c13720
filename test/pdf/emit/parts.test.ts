/** The emitter's small parts: subset tags, PDF dates, and drawn widths equal to measured widths. */
import { PDFDocument } from "@cantoo/pdf-lib";
import { describe, expect, it } from "vitest";
import { NO_FEATURES, fontkitFor } from "../../../src/pdf/emit/fontkit-bridge.ts";
import { dateEpochVn, pdfDateVn } from "../../../src/pdf/emit/metadata.ts";
import { safeFontName, subsetTag } from "../../../src/pdf/emit/subset-tag.ts";
import { VIETNAMESE_REPERTOIRE } from "../../../src/pdf/fonts/vietnamese.ts";
import type { FaceKey } from "../../../src/pdf/types.ts";
import { packageFontSet, systemFontSet } from "./emit-helpers.ts";

describe("subsetTag", () => {
  it("is six upper-case letters from the file and the set of glyphs", () => {
    const t = subsetTag("ab".repeat(32), [3, 1, 2]);
    expect(t).toMatch(/^[A-Z]{6}$/);
    expect(subsetTag("ab".repeat(32), [2, 3, 1, 1])).toBe(t);
    expect(subsetTag("ab".repeat(32), [1, 2])).not.toBe(t);
    expect(subsetTag("cd".repeat(32), [1, 2, 3])).not.toBe(t);
  });

  it("keeps PostScript names to what a PDF name allows", () => {
    expect(safeFontName("Times New Roman/Bold(1)")).toBe("TimesNewRomanBold1");
  });
});

describe("PDF dates", () => {
  it("writes Vietnam time with its offset", () => {
    expect(pdfDateVn(dateEpochVn("2020-02-05"))).toBe("D:20200205000000+07'00'");
    expect(pdfDateVn(0)).toBe("D:19700101070000+07'00'");
    expect(() => dateEpochVn("05/02/2020")).toThrow("YYYY-MM-DD");
  });
});

describe("drawn widths", () => {
  it("equal the widths the layout measured (no ligatures, no kerning, cmap glyphs), for every Vietnamese character and face", async () => {
    const sets = [await packageFontSet(), await systemFontSet()].filter((s) => s !== undefined);
    let checked = 0;
    for (const fonts of sets) {
      const pdf = await PDFDocument.create({ updateMetadata: false });
      pdf.registerFontkit(fontkitFor(fonts));
      for (const face of ["regular", "bold", "italic", "boldItalic"] as FaceKey[]) {
        for (const file of fonts.faces[face]) {
          const font = await pdf.embedFont(file.bytes, { subset: true, features: NO_FEATURES });
          // Each file with the characters it draws; "office", "fi", "AV", "To" would take ligatures or kerning if features were on.
          const text = [...VIETNAMESE_REPERTOIRE, ..."office fi fl AV To Tr"].filter((ch) => fonts.fileFor(ch.codePointAt(0)!, face) === file).join("");
          if (!text) continue; // the package's latin-ext files: every character here comes from latin or vietnamese first
          checked++;
          expect(font.widthOfTextAtSize(text, 14)).toBeCloseTo(fonts.width(text, face, 14), 6);
          expect(font.encodeText(text).toString().length).toBe(2 + 4 * [...text].length);
        }
      }
    }
    expect(checked).toBe(8 + (sets.length - 1) * 4);
  });
});
