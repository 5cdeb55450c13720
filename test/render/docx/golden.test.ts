/**
 * Golden files of the rendered parts, pretty-printed (one element per line) so that a
 * change shows as a readable diff. Update them with UPDATE=true after checking the
 * change is wanted (and looking at the result in LibreOffice or Word).
 */
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";
import type { AdminDocument } from "../../../src/document/model.ts";
import { renderArranged } from "../../helpers/render-docx.ts";
import { SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { prettyXml } from "../../../src/render/docx/xml.ts";
import { expectGolden } from "../../helpers/golden.ts";
import { docxParts } from "./docx-helpers.ts";
import { minutesDocument, planDocument, proposalDocument } from "./fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));

const PARTS = ["word/document.xml", "word/styles.xml", "word/header1.xml", "word/header2.xml", "docProps/core.xml"];

function goldenParts(stem: string, doc: AdminDocument): void {
  const parts = docxParts(renderArranged(doc, shell));
  for (const name of PARTS) {
    const text = parts.get(name);
    if (text === undefined) throw new Error(`no ${name}`);
    expectGolden(`${stem}/${name.replace(/\//g, "-")}`, prettyXml(text));
  }
}

describe("golden DOCX parts", () => {
  it("plan", () => goldenParts("plan", planDocument()));
  it("minutes", () => goldenParts("minutes", minutesDocument()));
  it("proposal", () => goldenParts("proposal", proposalDocument()));
});
