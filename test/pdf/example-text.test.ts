/**
 * What pdftotext reads from every example PDF, in reading order and with
 * -layout, compared with golden files captured from the PDFs of the pdf-lib
 * drawText emitter (the committed out/2020/*.pdf before the emitter wrote its
 * own page content): the emitter may change how pages are written, never
 * what they say or where the words stand. Skips without poppler-utils.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { hasCommand } from "../../src/tools/external.ts";
import { exampleCounts } from "../helpers/example.ts";
import { expectGolden } from "../helpers/golden.ts";
import { builtExample, documentOutputs } from "../helpers/shared-example.ts";

const poppler = hasCommand("pdftotext");
const tmp = mkdtempSync(join(tmpdir(), "ktd-text-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.skipIf(!poppler)("the example's PDFs as pdftotext reads them", () => {
  it("give the same text as the golden files, with and without -layout", async () => {
    // The example's build, shared with the other files of this test process.
    const outputs = documentOutputs((await builtExample()).world);
    const pdfs = [...outputs].filter(([p]) => p.endsWith(".pdf")).sort(([a], [b]) => (a < b ? -1 : 1));
    expect(pdfs.length).toBe(exampleCounts().documents);
    const plain: string[] = [];
    const layout: string[] = [];
    for (const [path, bytes] of pdfs) {
      const name = path.split("/").pop()!;
      const file = join(tmp, name);
      writeFileSync(file, bytes);
      plain.push(`=== ${name}\n${execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" })}`);
      layout.push(`=== ${name}\n${execFileSync("pdftotext", ["-layout", "-enc", "UTF-8", file, "-"], { encoding: "utf8" })}`);
    }
    expectGolden("example.pdftotext.txt", plain.join("\n"));
    expectGolden("example.pdftotext-layout.txt", layout.join("\n"));
  }, 120_000);
});
