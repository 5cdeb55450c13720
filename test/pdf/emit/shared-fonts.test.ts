/**
 * Fonts once per build: one subset per font file covering what Vietnamese
 * administrative text uses, built and compressed once per font set, cached by
 * the font's hash, and copied byte for byte into every PDF; a document that
 * needs a glyph outside it gets its own subset of that file.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PDFDocument } from "@cantoo/pdf-lib";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { memoryWorld } from "../../../src/io/memory-world.ts";
import { emitPdf } from "../../../src/pdf/emit/emit-pdf.ts";
import { preparePdfFonts } from "../../../src/pdf/emit/prepared-fonts.ts";
import { memoryByteCache, worldByteCache, type ByteCache } from "../../../src/pdf/fonts/byte-cache.ts";
import type { FontSet } from "../../../src/pdf/fonts/font-set.ts";
import { PDF_REPERTOIRE } from "../../../src/pdf/fonts/repertoire.ts";
import { VIETNAMESE_REPERTOIRE } from "../../../src/pdf/fonts/vietnamese.ts";
import type { FaceKey, LaidOutDocument } from "../../../src/pdf/types.ts";
import { hasCommand } from "../../../src/tools/external.ts";
import { packageFontSet } from "./emit-helpers.ts";
import { fontPrograms } from "./pdf-objects.ts";
import { A4, FACES, META, fourFacesDocument, longDocument } from "./sample-document.ts";

let fonts: FontSet;
beforeAll(async () => {
  fonts = await packageFontSet();
});
afterEach(() => vi.restoreAllMocks());

const programsOf = async (bytes: Uint8Array) => fontPrograms(await PDFDocument.load(bytes, { updateMetadata: false }));
const createSubsetSpies = (set: FontSet) => Object.values(set.faces).flat().map((f) => vi.spyOn(f.font, "createSubset"));

/** A cache that counts what it is asked. */
function countingCache(): ByteCache & { gets: number; puts: string[]; store: Map<string, Uint8Array> } {
  const store = new Map<string, Uint8Array>();
  const c = {
    gets: 0,
    puts: [] as string[],
    store,
    async get(key: string) {
      c.gets++;
      return store.get(key);
    },
    async put(key: string, bytes: Uint8Array) {
      c.puts.push(key);
      store.set(key, bytes);
    },
  };
  return c;
}

describe("the font subsets shared by a build", () => {
  it("cover ASCII, the whole Vietnamese repertoire and the usual typography", async () => {
    const cps = new Set(PDF_REPERTOIRE);
    for (const ch of VIETNAMESE_REPERTOIRE + "“”‘’–—…•№§°×«»\u00a0") expect(cps.has(ch.codePointAt(0)!), ch).toBe(true);
    for (let c = 0x20; c < 0x7f; c++) expect(cps.has(c)).toBe(true);
    const prepared = await preparePdfFonts(fonts);
    for (const face of FACES as FaceKey[]) {
      for (const cp of PDF_REPERTOIRE) {
        const file = fonts.fileFor(cp, face);
        if (file) expect(prepared.embedding(file)?.codes.has(cp), `${face} U+${cp.toString(16)}`).toBe(true);
      }
    }
  });

  it("are copied byte for byte into every document, under the same names", async () => {
    const a = await programsOf(await emitPdf(fourFacesDocument(fonts), fonts));
    const b = await programsOf(await emitPdf(longDocument(fonts, 2, 200), fonts));
    expect(a.length).toBe(8);
    expect(b.map((f) => f.baseFont)).toEqual(a.map((f) => f.baseFont));
    b.forEach((f, i) => expect(Buffer.from(f.program).equals(Buffer.from(a[i]!.program)), f.baseFont).toBe(true));
  });

  it("are built once per font set: emitting more documents builds no subset", async () => {
    await emitPdf(fourFacesDocument(fonts), fonts);
    const spies = createSubsetSpies(fonts);
    for (let i = 1; i <= 3; i++) await emitPdf(longDocument(fonts, i, 150), fonts);
    for (const s of spies) expect(s).not.toHaveBeenCalled();
  });

  it("come from the cache by the font's hash in the next build, giving the same bytes", async () => {
    const cache = countingCache();
    const first = await packageFontSet("/build-1");
    await preparePdfFonts(first, { cache });
    expect(cache.puts.length).toBeGreaterThanOrEqual(8);
    expect(new Set(cache.puts).size).toBe(cache.puts.length);
    const bytes = await emitPdf(fourFacesDocument(first), first);

    const second = await packageFontSet("/build-2");
    const spies = createSubsetSpies(second);
    const puts = cache.puts.length;
    await preparePdfFonts(second, { cache });
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    expect(cache.puts.length).toBe(puts);
    expect(Buffer.from(await emitPdf(fourFacesDocument(second), second)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("are given to every build's cache, even when the process prepared the font set before (with no cache, or another)", async () => {
    const set = await packageFontSet("/build-5");
    await preparePdfFonts(set); // say, emitPdf in another test, or another bloc's build
    const a = countingCache();
    const spies = createSubsetSpies(set);
    await preparePdfFonts(set, { cache: a });
    for (const s of spies) expect(s).not.toHaveBeenCalled();
    expect(a.puts.length).toBeGreaterThanOrEqual(8);
    const b = countingCache();
    await preparePdfFonts(set, { cache: b });
    expect([...b.store.keys()].sort()).toEqual([...a.store.keys()].sort());
    // and a cache that has them is not written again
    const puts = a.puts.length;
    await preparePdfFonts(set, { cache: a });
    expect(a.puts.length).toBe(puts);
    // the entries are the ones a fresh preparation reads back
    const fresh = await packageFontSet("/build-6");
    const fresher = createSubsetSpies(fresh);
    await preparePdfFonts(fresh, { cache: b });
    for (const s of fresher) expect(s).not.toHaveBeenCalled();
    // and a build of another tool gets them under its own keys, the ones it would read
    const c = countingCache();
    await preparePdfFonts(set, { cache: c, identity: "another tool" });
    expect(c.puts.length).toBe(a.puts.length);
    expect(c.puts.filter((k) => a.store.has(k))).toEqual([]);
    const other = await packageFontSet("/build-7");
    const others = createSubsetSpies(other);
    const before = c.puts.length;
    await preparePdfFonts(other, { cache: c, identity: "another tool" });
    for (const s of others) expect(s).not.toHaveBeenCalled();
    expect(c.puts.length).toBe(before);
  });

  it("are rebuilt, not embedded, when a cache entry is damaged", async () => {
    const cache = countingCache();
    const first = await packageFontSet("/build-3");
    await preparePdfFonts(first, { cache });
    const bytes = await emitPdf(fourFacesDocument(first), first);
    for (const [k, v] of cache.store) cache.store.set(k, v.map((b, i) => (i === v.length - 1 ? b ^ 0xff : b)));
    const second = await packageFontSet("/build-4");
    const spies = createSubsetSpies(second);
    await preparePdfFonts(second, { cache });
    expect(spies.some((s) => s.mock.calls.length > 0)).toBe(true);
    expect(Buffer.from(await emitPdf(fourFacesDocument(second), second)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("can be kept in a World folder or in memory", async () => {
    const world = memoryWorld();
    const cache = worldByteCache(world, "out/.cache/pdf-fonts");
    expect(await cache.get("abc")).toBeUndefined();
    await cache.put("abc", new Uint8Array([1, 2, 3]));
    expect([...(await cache.get("abc"))!]).toEqual([1, 2, 3]);
    expect([...world.files.keys()]).toEqual(["out/.cache/pdf-fonts/abc"]);
    expect([await cache.has!("abc"), await cache.has!("abd")]).toEqual([true, false]);
    // a file-system error makes the cache forget, not the build fail
    const eacces = () => Promise.reject(Object.assign(new Error("denied"), { code: "EACCES" }));
    const broken = worldByteCache({ ...world, readFile: eacces, writeFileAtomic: eacces }, "cache");
    expect(await broken.get("abc")).toBeUndefined();
    await expect(broken.put("abc", new Uint8Array([1]))).resolves.toBeUndefined();
    const bug = worldByteCache({ ...world, readFile: () => Promise.reject(new TypeError("a bug")) }, "cache");
    await expect(bug.get("abc")).rejects.toThrow("a bug");
    const mem = memoryByteCache();
    await mem.put("k", new Uint8Array([9]));
    expect([...(await mem.get("k"))!]).toEqual([9]);
    expect(await mem.get("other")).toBeUndefined();
  });
});

describe("a character outside the shared subsets", () => {
  const dir = mkdtempSync(join(tmpdir(), "ktd-shared-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const doc = (): LaidOutDocument => ({
    meta: META,
    pages: [{ ...A4, anchors: [], items: [{ kind: "text", x: 85, y: 100, text: "Łódź Việt", face: "regular", size: 13 }] }],
  });

  it("gives that file the document's own subset; the other files stay shared", async () => {
    const prepared = await preparePdfFonts(fonts);
    const [latin, vietnamese, latinExt] = fonts.faces.regular;
    expect(prepared.embedding(latinExt!)?.codes.has(0x141)).toBeFalsy();
    const programs = await programsOf(await emitPdf(doc(), fonts));
    const names = programs.map((p) => p.baseFont);
    expect(names).toContain(prepared.embedding(latin!)!.baseFont);
    expect(names).toContain(prepared.embedding(vietnamese!)!.baseFont);
    const own = names.filter((n) => n.endsWith("+Tinos-Regular") && n !== prepared.embedding(latin!)!.baseFont && n !== prepared.embedding(vietnamese!)!.baseFont);
    expect(own).toHaveLength(1);
    if (prepared.embedding(latinExt!)) expect(own[0]).not.toBe(prepared.embedding(latinExt!)!.baseFont);
  });

  it.skipIf(!hasCommand("pdftotext"))("is still read back by pdftotext", async () => {
    const file = join(dir, "fallback.pdf");
    writeFileSync(file, await emitPdf(doc(), fonts));
    expect(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).trim()).toBe("Łódź Việt");
  });
});
