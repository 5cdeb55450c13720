/**
 * out/.cache/pdf-parts holds the parts of the PDFs the manifest names, no more: the copy a
 * rebuilt document replaced is removed once the build is committed, so the cache does not grow
 * with every edit; a file there that is no entry of the tool's stays.
 */
import { describe, expect, it } from "vitest";
import { buildProject } from "../../src/write/build.ts";
import { sha256 } from "../../src/write/hash.ts";
import { builtExample, exampleOptions } from "../helpers/shared-example.ts";

const DIR = "out/.cache/pdf-parts/";
const PDF = "out/2020/dang-ky-so-y-te.pdf";
const REGISTRATION = "data/2020/dang-ky/so-y-te.yaml";

describe("the PDF parts cache", async () => {
  const { world } = await builtExample();
  const entries = () => [...world.files.keys()].filter((k) => k.startsWith(DIR)).map((k) => k.slice(DIR.length)).sort();
  const pdfs = () => [...world.files.keys()].filter((k) => /^out\/2020\/[^/]+\.pdf$/.test(k) && !k.includes("ho-so-thi-dua"));

  it("holds an entry for each document's PDF after the first build", () => {
    expect(entries()).toEqual(pdfs().map((p) => sha256(world.files.get(p)!)).sort());
  });

  it("drops the entry of the PDF a rebuilt document replaced, keeps the new one and a file that is not its own", async () => {
    const old = sha256(world.files.get(PDF)!);
    world.files.set(`${DIR}notes.txt`, new Uint8Array([1]));
    const text = new TextDecoder().decode(world.files.get(REGISTRATION)!);
    world.files.set(REGISTRATION, new TextEncoder().encode(text.replace(/lao_dong_tien_tien: \d+/, "lao_dong_tien_tien: 654")));
    const r = await buildProject(world, exampleOptions());
    expect(r.written).toContain(PDF);
    const now = sha256(world.files.get(PDF)!);
    expect(now).not.toBe(old);
    expect(entries()).toContain(now);
    expect(entries()).not.toContain(old);
    expect(entries().filter((e) => e !== "notes.txt")).toEqual(pdfs().map((p) => sha256(world.files.get(p)!)).sort());
    expect(entries()).toContain("notes.txt");
  });
});
