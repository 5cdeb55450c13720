import { describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fontsourceTinosDir, loadNodeFontSet, nodeFontReader } from "../../../src/pdf/fonts/node-font-reader.ts";

describe("the Node font reader", () => {
  it("reads a file and gives undefined for one that does not exist", async () => {
    const dir = fontsourceTinosDir();
    expect(dir && existsSync(join(dir, "package.json"))).toBeTruthy();
    expect((await nodeFontReader(join(dir!, "files", "tinos-latin-400-normal.woff")))?.length).toBeGreaterThan(1000);
    expect(await nodeFontReader("/no/such/font.ttf")).toBeUndefined();
    expect(await nodeFontReader(join(dir!, "no-such-dir", "x.ttf"))).toBeUndefined();
  });

  it("always finds a font: the system's or the package's", async () => {
    const set = await loadNodeFontSet();
    expect(["system", "package"]).toContain(set.source);
    const pkg = await loadNodeFontSet({ system: false });
    expect(pkg.source).toBe("package");
    expect(pkg.fileNames).toHaveLength(12);
  });
});
