/**
 * Writes never go through a link, nor follow one planted in their way:
 * - a whole-file write's draft (<file>.tmp-<pid>-<n>) is made new: a link put under that name,
 *   leading out of the project, is neither followed nor removed; another name is taken;
 * - a path under an output folder outside the project whose subfolder is a link back into the
 *   project (E/2024 → templates/) is refused for writing and removing, though its placing lands
 *   inside the project.
 */
import * as fsp from "node:fs/promises";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeWorld, type Fs } from "../../src/io/node-world.ts";

const tmp = realpathSync(mkdtempSync(join(tmpdir(), "ktd-write-links-")));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const bytes = (s: string) => new TextEncoder().encode(s);
const outcome = (p: Promise<unknown>) => p.then(() => "done", (err: NodeJS.ErrnoException) => `refused: ${err.code}`);

describe("a whole-file write's draft", () => {
  it("is made new: links planted under the next draft names are not followed nor removed", async () => {
    const base = join(tmp, "draft");
    mkdirSync(join(base, "proj", "out"), { recursive: true });
    mkdirSync(join(base, "outside"));
    writeFileSync(join(base, "outside", "victim.txt"), "NGOÀI");
    const opened: string[] = [];
    const fs = { ...fsp, open: (p: string, flags?: string, mode?: number) => (opened.push(p), fsp.open(p, flags, mode)) } as unknown as Fs;
    const w = nodeWorld(join(base, "proj"), { fs });
    await w.writeFileAtomic("out/.journal", bytes("first"));
    // The draft's name ends in a counter: the next three are planted as links out of the project.
    const m = /^(.*\.tmp-\d+-)(\d+)$/.exec(opened.at(-1)!)!;
    const planted = [1, 2, 3].map((k) => `${m[1]}${Number(m[2]) + k}`);
    for (const p of planted) symlinkSync(join(base, "outside", "victim.txt"), p);
    await w.writeFileAtomic("out/.journal", bytes("JOURNAL"));
    expect(readFileSync(join(base, "outside", "victim.txt"), "utf8")).toBe("NGOÀI");
    expect(readFileSync(join(base, "proj", "out", ".journal"), "utf8")).toBe("JOURNAL");
    expect(lstatSync(join(base, "proj", "out", ".journal")).isSymbolicLink()).toBe(false);
    for (const p of planted) expect(lstatSync(p).isSymbolicLink(), p).toBe(true);
  });
});

describe("an output folder outside the project", () => {
  it("whose subfolder is a link back into the project: writing and removing through it are refused", async () => {
    const base = join(tmp, "zone");
    mkdirSync(join(base, "proj", "templates"), { recursive: true });
    mkdirSync(join(base, "E"));
    writeFileSync(join(base, "proj", "templates", "mau.docx"), "MẪU");
    symlinkSync(join(base, "proj", "templates"), join(base, "E", "2024"));
    const w = nodeWorld(join(base, "proj"), { folders: [join(base, "E")] });
    expect(await outcome(w.writeNew(join(base, "E", "2024", "moi.pdf"), bytes("x")))).toBe("refused: ELINKWRITE");
    expect(await outcome(w.writeFileAtomic(join(base, "E", "2024", "moi.json"), bytes("x")))).toBe("refused: ELINKWRITE");
    expect(await outcome(w.removeFile(join(base, "E", "2024", "mau.docx")))).toBe("refused: ELINKWRITE");
    expect(existsSync(join(base, "proj", "templates", "moi.pdf"))).toBe(false);
    expect(existsSync(join(base, "proj", "templates", "moi.json"))).toBe(false);
    expect(readFileSync(join(base, "proj", "templates", "mau.docx"), "utf8")).toBe("MẪU");
  });

  it("with real folders is written as before", async () => {
    const base = join(tmp, "zone-ok");
    mkdirSync(join(base, "proj"), { recursive: true });
    mkdirSync(join(base, "E", "2024"), { recursive: true });
    const w = nodeWorld(join(base, "proj"), { folders: [join(base, "E")] });
    await w.writeNew(join(base, "E", "2024", "moi.pdf"), bytes("x"));
    await w.writeFileAtomic(join(base, "E", "2024", "moi.json"), bytes("y"));
    expect(readFileSync(join(base, "E", "2024", "moi.pdf"), "utf8")).toBe("x");
    expect(readFileSync(join(base, "E", "2024", "moi.json"), "utf8")).toBe("y");
  });
});
