/** A unit's name in its documents' header can be broken by hand in khoi.yaml (dong_ten); DOCX and PDF keep those lines. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { arrangeDocument } from "../../src/arrange/arrange.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import type { TextItem } from "../../src/pdf/types.ts";
import { checkProject } from "../../src/pipeline.ts";
import { renderDocx } from "../../src/render/docx/render.ts";
import { SHELL_PATH } from "../../src/render/docx/shell.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { exampleWorld } from "../helpers/example.ts";
import { testFonts } from "../helpers/render-docx.ts";
import { docxParts, part } from "../render/docx/docx-helpers.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const style = readShellStyle(shell);

describe("a unit's name broken by hand", () => {
  it("keeps the lines the data gives in the registration's header, in both outputs", async () => {
    const world = exampleWorld();
    const khoi = new TextDecoder().decode(world.files.get("data/khoi.yaml")!);
    const edited = khoi.replace(/(\n(\s*)ten: Sở Khoa học và Công nghệ\n)/, "$1$2dong_ten: [Sở Khoa học và, Công nghệ]\n");
    expect(edited).not.toBe(khoi);
    world.files.set("data/khoi.yaml", new TextEncoder().encode(edited));
    const checked = await checkProject(world);
    expect(checked.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const doc = checked.documents.find((d) => d.doc.stem === "dang-ky-so-khcn")!.doc;
    const a = arrangeDocument(doc, style, testFonts);
    expect(a.header.issuer).toEqual(["SỞ KHOA HỌC VÀ", "CÔNG NGHỆ"]);
    const xml = part(docxParts(renderDocx(doc, shell, a, style)), "word/document.xml");
    expect(xml).toContain("SỞ KHOA HỌC VÀ</w:t>");
    const page = layoutDocument(doc, style, testFonts, { arrangement: a }).pages[0]!;
    // Words of one line share a baseline: the header's first lines, top to bottom.
    const lines = new Map<number, string[]>();
    for (const t of page.items.filter((i): i is TextItem => i.kind === "text" && i.x < 200)) lines.set(t.y, [...(lines.get(t.y) ?? []), t.text]);
    const text = [...lines.entries()].sort((x, y) => x[0] - y[0]).map(([, w]) => w.join(" "));
    expect(text.slice(1, 3)).toEqual(["SỞ KHOA HỌC VÀ", "CÔNG NGHỆ"]);
  });
});
