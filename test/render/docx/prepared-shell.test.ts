import { readdirSync, readFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join } from "node:path";
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/diagnostics/diagnostic.ts";
import { readZipEntries } from "../../../src/import/zip-entries.ts";
import { memoryWorld } from "../../../src/io/memory-world.ts";
import { checkProject } from "../../../src/pipeline.ts";
import { forgetContentMemos } from "../../../src/write/content-memo.ts";
import { loadShell } from "../../../src/render/docx/load-shell.ts";
import { prepareShell, shellPreparations } from "../../../src/render/docx/prepared-shell.ts";
import { putBody } from "../../../src/render/docx/render.ts";
import { shellParts, SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { packZip } from "../../../src/render/docx/zip.ts";
import { exampleWorld } from "../../helpers/example.ts";
import { REPO } from "../../helpers/fixture-world.ts";
import { renderArranged } from "../../helpers/render-docx.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const LIMITS = { maxInflated: 1 << 26, maxEntries: 1000 };

function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  const read = readZipEntries(bytes, () => true, LIMITS);
  if (!("entries" in read)) throw new Error(JSON.stringify(read));
  return read.entries;
}
/** A DOCX as the hash of its entry names, order and uncompressed bytes: two DOCX with the same key are the same document. */
function partsKey(bytes: Uint8Array): string {
  const h = createHash("sha256");
  for (const [name, data] of parts(bytes)) h.update(name).update("\0").update(data).update("\0");
  return h.digest("hex");
}

describe("the shell prepared once", () => {
  it("loading the shell and rendering N documents fills and deflates the shell once, whatever Uint8Array holds its bytes", async () => {
    const checked = await checkProject(exampleWorld());
    const docs = checked.documents.slice(0, 5);
    expect(docs.length).toBe(5);
    // Checked afresh: a process that checked the same shell before keeps its verdict (load-shell.ts).
    forgetContentMemos();
    const before = shellPreparations();
    const loaded = await loadShell(memoryWorld({ [SHELL_PATH]: shell }), new Diagnostics());
    expect(loaded).toBeDefined();
    for (const d of docs) renderArranged(d.doc, new Uint8Array(shell));
    expect(shellPreparations() - before).toBe(1);
    // Another shell is prepared once more, and the first one is still known.
    const other = packZip(new Map([...shellParts()].map(([k, v]) => [k, k === "word/settings.xml" ? v.replace("</w:settings>", "<w:evenAndOddHeaders w:val=\"0\"/></w:settings>") : v])));
    for (const d of docs) renderArranged(d.doc, other);
    renderArranged(docs[0]!.doc, shell);
    expect(shellPreparations() - before).toBe(2);
  });
});

describe("the example's DOCX: the same documents as the committed out/", () => {
  it("every rendered DOCX has the uncompressed parts (names, order, bytes) of one committed out/2020/*.docx", async () => {
    const checked = await checkProject(exampleWorld());
    const rendered = checked.documents.map((d) => partsKey(renderArranged(d.doc, shell))).sort();
    const dir = join(REPO, "out/2020");
    const committed = readdirSync(dir).filter((f) => f.endsWith(".docx")).map((f) => partsKey(new Uint8Array(readFileSync(join(dir, f))))).sort();
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered).toEqual(committed);
  });
});

describe("putBody: as docxtemplater put a {@body} value", () => {
  /** The old way, per document: docxtemplater over a PizZip of the shell. */
  function docxtemplaterBody(shellBytes: Uint8Array, body: string): string {
    const t = new Docxtemplater(new PizZip(shellBytes), { paragraphLoop: true, linebreaks: false, errorLogging: false });
    t.render({ body });
    return t.getZip().file("word/document.xml")!.asText();
  }
  const table = "<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>";
  const variants: [string, string][] = [
    ["the repository's shell", "<w:p>{@body}</w:p>"],
    ["a shell with a split tag and a bookmark end and a structured block after the body", "<w:p><w:r><w:t>{@bo</w:t></w:r><w:r><w:t>dy}</w:t></w:r></w:p><w:bookmarkEnd w:id=\"0\"/><w:sdt><w:sdtContent><w:p/></w:sdtContent></w:sdt>"],
    ["a shell with a table before and after the body", `${table}<w:p><w:r><w:t>{@body}</w:t></w:r></w:p>${table}`],
  ];
  for (const [name, around] of variants) {
    for (const body of ["<w:p><w:r><w:t>a</w:t></w:r></w:p>", `<w:p/>${table}`, table]) {
      it(`${name}, a body ending ${body.endsWith("</w:tbl>") ? "with a table" : "with a paragraph"}`, () => {
        const bytes = packZip(new Map([...shellParts()].map(([k, v]) => [k, k === "word/document.xml" ? v.replace(/<w:p>.*?\{@body\}.*?<\/w:p>/, around) : v])));
        expect(putBody(prepareShell(bytes).documentXml, body)).toBe(docxtemplaterBody(bytes, body));
      });
    }
  }
});
