/** Output formats as a list of renderers; the output paths come from it. */
import { bienBan } from "../../src/documents/bien-ban.ts";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ownedOutputs } from "../../src/write/owned-files.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { renderAll } from "../../src/render/render-all.ts";
import { OUTPUT_EXTENSIONS, outputPath } from "../../src/render/output-paths.ts";
import { RENDERERS, type Renderer } from "../../src/render/renderers.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { minutesDocument } from "./docx/fixtures.ts";

describe("renderers", () => {
  it("name the extensions the build owns, in order", () => {
    expect(RENDERERS.map((r) => r.extension)).toEqual([...OUTPUT_EXTENSIONS]);
    expect(ownedOutputs("out", "2020/ke-hoach")).toEqual(OUTPUT_EXTENSIONS.map((e) => outputPath("out", 2020, "ke-hoach", e)));
  });

  it("take a third format without a change to the render stage, each given the one arrangement", async () => {
    const shell = new Uint8Array(readFileSync(SHELL_PATH));
    const inputs = { shell, style: readShellStyle(shell), fonts: testFonts };
    const seen: unknown[] = [];
    const html: Renderer = {
      extension: "html",
      render: async ({ composed, arrangement }) => {
        seen.push(arrangement);
        return new TextEncoder().encode(`<h1>${arrangement.header.issuer.join(" ")}</h1><p>${composed.doc.stem}</p>`);
      },
    };
    const doc = minutesDocument();
    const files = await renderAll([{ year: 2020, type: bienBan.id, files: { data: "bien-ban.md", template: bienBan.template, dependsOn: bienBan.dependsOn }, doc, source: "data/2020/bien-ban.md", issue: { by: "bloc", number: 2, code: "BB", notation: "BB-K8", date: "2021-02-05", send: false } }], inputs, "out", new Diagnostics(), [...RENDERERS, html]);
    expect(files.map((f) => f.path)).toEqual([`out/2020/${doc.stem}.docx`, `out/2020/${doc.stem}.pdf`, `out/2020/${doc.stem}.ky-so.json`, `out/2020/${doc.stem}.html`]);
    expect(new TextDecoder().decode(files[3]!.bytes)).toContain(doc.header.issuer.join(" ")); // (the HTML, after the signing places)
    expect(seen).toHaveLength(1);
  });
});
