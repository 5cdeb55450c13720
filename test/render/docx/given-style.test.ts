/** renderDocx uses the style the build read from the shell once, not a second reading of the shell per document. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderDocx } from "../../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { readShellStyle } from "../../../src/render/docx/style.ts";
import { arrangeDocument } from "../../../src/arrange/arrange.ts";
import type { ShellStyle } from "../../../src/document/style.ts";
import { testFonts } from "../../helpers/render-docx.ts";
import { docxParts, part } from "./docx-helpers.ts";
import { proposalDocument } from "./fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const render = (style?: ShellStyle) => {
  const s = style ?? readShellStyle(shell);
  const arrangement = arrangeDocument(proposalDocument(), s, testFonts);
  return style ? renderDocx(proposalDocument(), shell, arrangement, style) : renderDocx(proposalDocument(), shell, arrangement);
};

describe("renderDocx with the build's style", () => {
  it("gives the same bytes as reading the style from the shell", () => {
    expect(render(readShellStyle(shell))).toEqual(render());
  });

  it("sizes the tables from the style it is given", () => {
    const style = readShellStyle(shell);
    const narrower = { ...style, page: { ...style.page, marginRightMm: style.page.marginRightMm + 20 } };
    const width = (bytes: Uint8Array) => /<w:tblW w:w="(\d+)"/.exec(part(docxParts(bytes), "word/document.xml"))?.[1];
    const own = width(render(style));
    const given = width(render(narrower));
    expect(own).toBeDefined();
    expect(Number(given)).toBeLessThan(Number(own));
  });
});
