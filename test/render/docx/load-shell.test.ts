import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../../src/diagnostics/format.ts";
import { memoryWorld } from "../../../src/io/memory-world.ts";
import type { World } from "../../../src/io/world.ts";
import { checkShell, loadShell, SHELL_MAX_BYTES } from "../../../src/render/docx/load-shell.ts";
import { renderArranged } from "../../helpers/render-docx.ts";
import { shellParts, SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { readShellStyle } from "../../../src/render/docx/style.ts";
import { packZip } from "../../../src/render/docx/zip.ts";
import { planDocument } from "./fixtures.ts";

const shell = new Uint8Array(readFileSync(SHELL_PATH));
const enc = new TextEncoder();

/** The repository's shell with its parts changed. */
function variant(change: (parts: Map<string, string>) => void): Uint8Array {
  const parts = shellParts();
  change(parts);
  return packZip(parts);
}
const editDocument = (from: string, to: string) =>
  variant((p) => {
    const text = p.get("word/document.xml")!;
    if (!text.includes(from)) throw new Error(`no ${from} in document.xml`);
    p.set("word/document.xml", text.replace(from, to));
  });

const LFS_POINTER = "version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";

/** Runs loadShell on a world holding `bytes` as the shell; the diagnostics as "file:line:col code". */
async function load(bytes: Uint8Array | undefined, world?: World) {
  const diags = new Diagnostics();
  const w = world ?? memoryWorld(bytes ? { [SHELL_PATH]: bytes } : {});
  const loaded = await loadShell(w, diags);
  const items = diags.sorted();
  for (const d of items)
    for (const lang of ["vi", "en"] as const) {
      const text = formatDiagnostic(d, lang);
      expect(text).not.toMatch(/undefined|\{\w+\}/);
      expect(text).toContain("→"); // every shell problem says what to do
    }
  return { loaded, lines: items.map((d) => `${d.severity} ${d.pos.file}:${d.pos.line}:${d.pos.column} ${d.code}`), items };
}

describe("loadShell: a usable shell", () => {
  it("gives the shell's bytes and its style, with no diagnostic", async () => {
    const { loaded, lines } = await load(shell);
    expect(lines).toEqual([]);
    expect(loaded?.shell).toBe(shell);
    expect(loaded?.style).toEqual(readShellStyle(shell));
  });

  it("accepts {@body} split over two runs, as Word saves it", async () => {
    const split = editDocument("<w:r><w:t>{@body}</w:t></w:r>", "<w:r><w:t>{@bo</w:t></w:r><w:r><w:t>dy}</w:t></w:r>");
    expect(checkShell(split).ok).toBe(true);
  });
});

describe("loadShell: a shell that would stop the build with a program error or an empty document", () => {
  const cases: [string, Uint8Array, string, RegExp][] = [
    ["a Git LFS pointer", enc.encode(LFS_POINTER), "shell/lfs-pointer", /git lfs pull/],
    ["text, not a ZIP", enc.encode("hello, not a docx\n"), "shell/not-docx", /git checkout -- templates\/shell\.docx/],
    ["an empty file", new Uint8Array(0), "shell/not-docx", /git checkout/],
    ["a ZIP without word/styles.xml", variant((p) => p.delete("word/styles.xml")), "shell/missing-part", /git checkout/],
    ["a ZIP without word/document.xml", variant((p) => p.delete("word/document.xml")), "shell/missing-part", /git checkout/],
    ["a broken word/styles.xml", variant((p) => p.set("word/styles.xml", "<w:styles><w:style")), "shell/broken-part", /git checkout/],
    [
      "a styles.xml without a style the documents use",
      variant((p) => p.set("word/styles.xml", p.get("word/styles.xml")!.replace(/<w:style w:type="paragraph" w:styleId="Issuer">.*?<\/w:style>/, ""))),
      "shell/broken-part",
      /git checkout/,
    ],
    ["a document.xml without section properties", editDocument(/<w:sectPr>.*<\/w:sectPr>/.exec(shellParts().get("word/document.xml")!)![0], ""), "shell/broken-part", /git checkout/],
    ["no {@body} placeholder", editDocument("{@body}", ""), "shell/no-body", /\{@body\}/],
    ["{@body} sharing its paragraph with text", editDocument("<w:t>{@body}</w:t>", "<w:t>Nội dung: {@body}</w:t>"), "shell/template", /\{@body\}/],
    ["another tag besides {@body}", editDocument("<w:body>", "<w:body><w:p><w:r><w:t>{ho-ten}</w:t></w:r></w:p>"), "shell/unknown-tag", /\{ho-ten\}/],
    [
      "a tag in a page header",
      variant((p) => p.set("word/header1.xml", p.get("word/header1.xml")!.replace("<w:t>2</w:t>", "<w:t>{so-trang}</w:t>"))),
      "shell/unknown-tag",
      /\{so-trang\}/,
    ],
    ["{@body} twice", editDocument("<w:body>", "<w:body><w:p><w:r><w:t>{@body}</w:t></w:r></w:p>"), "shell/body-twice", /\{@body\}/],
  ];
  for (const [name, bytes, code, hint] of cases) {
    it(`${name}: ${code} at templates/shell.docx, with a hint`, async () => {
      const { loaded, lines, items } = await load(bytes);
      expect(loaded).toBeUndefined();
      expect(lines).toEqual([`error ${SHELL_PATH}:1:1 ${code}`]);
      expect(formatDiagnostic(items[0]!, "vi")).toMatch(hint);
      expect(formatDiagnostic(items[0]!, "vi")).toContain(SHELL_PATH);
      expect(formatDiagnostic(items[0]!, "en")).toContain(SHELL_PATH);
    });
  }

  it("the shell without {@body} rendered an empty document before: the check is what stops it", () => {
    const bytes = editDocument("{@body}", "");
    const out = renderArranged(planDocument(), bytes);
    expect(out.length).toBeGreaterThan(0); // no error from the renderer itself
    expect(checkShell(bytes)).toMatchObject({ ok: false, problem: { code: "shell/no-body" } });
  });
});

describe("loadShell: size and reading", () => {
  it(`a shell over ${SHELL_MAX_BYTES} bytes is refused from its size, before it is read`, async () => {
    let reads = 0;
    const world: World = {
      ...memoryWorld(),
      async fileSize(path) {
        return path === SHELL_PATH ? 19 * 1024 ** 3 : undefined; // a link to /dev/zero, say
      },
      async readFile() {
        reads++;
        throw new Error("must not read");
      },
    };
    const { loaded, lines } = await load(undefined, world);
    expect(loaded).toBeUndefined();
    expect(lines).toEqual([`error ${SHELL_PATH}:1:1 shell/too-large`]);
    expect(reads).toBe(0);
  });

  it("a shell that grew past the limit between the size check and the read is refused too", async () => {
    const big = new Uint8Array(SHELL_MAX_BYTES + 1);
    const world: World = { ...memoryWorld({ [SHELL_PATH]: big }), fileSize: async () => 10 };
    expect((await load(undefined, world)).lines).toEqual([`error ${SHELL_PATH}:1:1 shell/too-large`]);
  });

  it("a missing shell is file/missing, an unreadable one file/unreadable", async () => {
    expect((await load(undefined)).lines).toEqual([`error ${SHELL_PATH}:1:1 file/missing`]);
    const denied = Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    const world: World = {
      ...memoryWorld({ [SHELL_PATH]: shell }),
      async readFile() {
        throw denied;
      },
    };
    expect((await load(undefined, world)).lines).toEqual([`error ${SHELL_PATH}:1:1 file/unreadable`]);
  });
});
