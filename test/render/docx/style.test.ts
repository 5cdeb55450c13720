import { readFileSync } from "node:fs";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { buildShell, SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { STYLE_ROLES } from "../../../src/document/style-roles.ts";
import { readShellStyle, textWidthMm } from "../../../src/render/docx/style.ts";
import { repackZip } from "../../helpers/repack-zip.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));

describe("the shell", () => {
  it("is what make-shell writes (run `npx tsx src/render/docx/make-shell.ts` after changing it)", () => {
    expect(Buffer.from(buildShell()).equals(Buffer.from(shell))).toBe(true);
  });

  it("has one paragraph {@body} and Times New Roman, vi-VN", () => {
    const zip = new PizZip(shell);
    const document = zip.file("word/document.xml")?.asText() ?? "";
    expect(document).toContain("<w:body><w:p><w:r><w:t>{@body}</w:t></w:r></w:p><w:sectPr>");
    const styles = zip.file("word/styles.xml")?.asText() ?? "";
    expect(styles).toContain('<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/>');
    expect(styles).toContain('<w:lang w:val="vi-VN"');
    expect(zip.file("word/header1.xml")?.asText()).toContain(" PAGE ");
    expect(zip.file("word/header2.xml")?.asText()).not.toContain("PAGE");
  });
});

describe("readShellStyle", () => {
  it("reads the Decree 30 page and styles", () => {
    const s = readShellStyle(shell);
    expect(s.page).toEqual({
      widthMm: 210,
      heightMm: 297,
      marginTopMm: 20,
      marginBottomMm: 20,
      marginLeftMm: 30,
      marginRightMm: 15,
      headerMm: 10,
      footerMm: 10,
      landscape: false,
      titlePage: true,
    });
    expect(textWidthMm(s.page)).toBe(165);
    expect(textWidthMm(s.page, true)).toBe(252);
    expect(Object.keys(s.styles).sort()).toEqual([...STYLE_ROLES].sort());
    expect(s.styles.body).toMatchObject({
      id: "Normal",
      font: "Times New Roman",
      sizePt: 14,
      bold: false,
      align: "justify",
      firstLinePt: 36,
      spaceAfterPt: 6,
      line: { rule: "auto", multiple: 1 },
    });
    expect(s.styles.nationalTitle).toMatchObject({ sizePt: 12, bold: true, align: "center", firstLinePt: 0 });
    expect(s.styles.motto).toMatchObject({ sizePt: 13, bold: true });
    expect(s.styles.placeDate).toMatchObject({ sizePt: 13, italic: true });
    expect(s.styles.recipientsLabel).toMatchObject({ sizePt: 12, bold: true, italic: true, align: "left" });
    expect(s.styles.recipientsItem).toMatchObject({ sizePt: 11, bold: false });
    expect(s.styles.tableText).toMatchObject({ sizePt: 13, firstLinePt: 0, spaceAfterPt: 0 });
    expect(s.styles.heading1).toMatchObject({ name: "heading 1", bold: true, keepNext: true });
    expect(s.styles.rule.borderBottomPt).toBe(0.75);
    expect(s.styles.signatureSpace.line).toEqual({ rule: "exact", pt: 21.25 });
    // Inherited from Normal through basedOn.
    expect(s.styles.issuer.font).toBe("Times New Roman");
  });

  it("reads back a changed margin and size", () => {
    const zip = new PizZip(shell);
    const doc = zip.file("word/document.xml")?.asText() ?? "";
    zip.file("word/document.xml", doc.replace(/w:top="\d+"/, 'w:top="1417"'));
    const styles = zip.file("word/styles.xml")?.asText() ?? "";
    // Normal: 13 pt, first-line indent 1 cm; Motto: hanging indent.
    const normal = styles.indexOf('w:styleId="Normal"');
    const changed =
      styles.slice(0, normal) +
      styles
        .slice(normal)
        .replace('<w:sz w:val="28"/>', '<w:sz w:val="26"/>')
        .replace('w:firstLine="720"', 'w:firstLine="567"');
    zip.file("word/styles.xml", changed.replace(/(w:styleId="Motto">[\s\S]*?)<w:ind [^>]*\/>/, '$1<w:ind w:left="100" w:hanging="200"/>'));
    const s = readShellStyle(repackZip(zip));
    expect(s.page.marginTopMm).toBe(25);
    expect(s.styles.body.sizePt).toBe(13);
    expect(s.styles.body.firstLinePt).toBe(28.35);
    expect(s.styles.motto).toMatchObject({ indentLeftPt: 5, firstLinePt: -10 });
    // Styles that state their own size keep it.
    expect(s.styles.heading1.sizePt).toBe(14);
  });

  it("names a missing style", () => {
    const zip = new PizZip(shell);
    const styles = zip.file("word/styles.xml")?.asText() ?? "";
    zip.file("word/styles.xml", styles.replace('w:styleId="Motto"', 'w:styleId="Gone"'));
    expect(() => readShellStyle(repackZip(zip))).toThrow('no paragraph style "Motto"');
  });
});
