/**
 * A file from another agency is read within a limit (src/sign/signature-state.ts readForeignPdf):
 * its size is checked first, and the read itself stops past the limit, so a file that grew
 * between the check and the read (or a world whose size said less) is refused, never held whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { MAX_FOREIGN_PDF_BYTES, readForeignPdf } from "../../src/sign/signature-state.ts";
import { FAILED } from "../../src/write/guard.ts";

const root = mkdtempSync(join(tmpdir(), "read-limit-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("reading within a limit", () => {
  it("the real world reads at most limit + 1 bytes, and the whole of a smaller file", async () => {
    writeFileSync(join(root, "f.bin"), Buffer.alloc(3_000_000, 7));
    const w = nodeWorld(root);
    expect((await w.readFile("f.bin", 1000))!.byteLength).toBe(1001);
    expect((await w.readFile("f.bin", 5_000_000))!.byteLength).toBe(3_000_000);
    expect((await w.readFile("f.bin"))!.byteLength).toBe(3_000_000);
    expect(await w.readFile("none.bin", 10)).toBeUndefined();
  });

  it("a PDF that is larger when read than its size said is refused as too large", async () => {
    const big = new Uint8Array(MAX_FOREIGN_PDF_BYTES + 10);
    const world = { ...memoryWorld({ "out/2020/to-trinh.signed.pdf": big }), fileSize: async () => 1000 };
    const diags = new Diagnostics();
    const r = await readForeignPdf(world, "out/2020/to-trinh.signed.pdf", diags);
    expect(r === FAILED, "refused").toBe(true);
    expect(diags.items.map((d) => d.code)).toEqual(["pdf/too-large"]);
  });
});

describe("a folder where a PDF is expected", () => {
  it("is said to be a folder, not a missing file", async () => {
    const world = memoryWorld({ "data/2020/bao-cao-thanh-tich/so-y-te.pdf/x.txt": "x" });
    const diags = new Diagnostics();
    const r = await readForeignPdf(world, "data/2020/bao-cao-thanh-tich/so-y-te.pdf", diags);
    expect(r === FAILED, "refused").toBe(true);
    expect(diags.items.map((d) => d.code)).toEqual(["pdf/is-folder"]);
    expect(await readForeignPdf(world, "data/2020/bao-cao-thanh-tich/so-gddt.pdf", new Diagnostics())).toBeUndefined();
  });
});
