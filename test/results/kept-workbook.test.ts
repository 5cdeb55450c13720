/**
 * The results workbook shows no file's hash: a build whose documents changed but whose figures
 * did not is given the workbook it kept (out/.cache/year-outputs), without exceljs; a damaged
 * entry, or one for other figures, is made again.
 */
import { describe, expect, it } from "vitest";
import type { World } from "../../src/io/world.ts";
import { buildProject } from "../../src/write/build.ts";
import { builtExample, exampleOptions } from "../helpers/shared-example.ts";

const ENTRY = "out/.cache/year-outputs/2020-ket-qua-xlsx";
const BOOK = "out/2020/ket-qua-2020.xlsx";
const REGISTRATION = "data/2020/dang-ky/so-y-te.yaml";
const SCORES = "data/2020/ket-qua/so-y-te.yaml";

describe("the kept results workbook", async () => {
  const { world } = await builtExample();
  const text = (p: string) => new TextDecoder().decode(world.files.get(p)!);
  const set = (p: string, t: string) => world.files.set(p, new TextEncoder().encode(t));
  const registration = (n: number) => set(REGISTRATION, text(REGISTRATION).replace(/lao_dong_tien_tien: \d+/, `lao_dong_tien_tien: ${n}`));
  const book = world.files.get(BOOK)!;
  const entry = world.files.get(ENTRY)!;

  it("is kept by the first build, whole", () => {
    expect(entry).toBeDefined();
    expect(Buffer.from(entry.subarray(64)).equals(Buffer.from(book))).toBe(true);
  });

  it("is given back when a document changed but the figures did not: the entry is not written again", async () => {
    registration(311);
    const r = await buildProject(world, exampleOptions());
    expect(r.written).toContain("out/2020/ket-qua-2020.json");
    expect(r.written).not.toContain(BOOK);
    expect(world.files.get(ENTRY)).toBe(entry);
  });

  it("is made again when its entry is damaged, to the same bytes", async () => {
    const damaged = entry.slice();
    damaged[damaged.length - 1]! ^= 0xff;
    world.files.set(ENTRY, damaged);
    registration(312);
    const r = await buildProject(world, exampleOptions());
    expect(r.written).not.toContain(BOOK);
    expect(Buffer.from(world.files.get(BOOK)!).equals(Buffer.from(book))).toBe(true);
    expect(Buffer.from(world.files.get(ENTRY)!).equals(Buffer.from(entry))).toBe(true);
  });

  it("is made again, and replaced, when the figures change", async () => {
    const scores = text(SCORES);
    const changed = scores.replace(/(khoi_cham: )(\d+)/, (_m, k: string, n: string) => `${k}${Number(n) - 1}`);
    expect(changed).not.toBe(scores);
    set(SCORES, changed);
    const r = await buildProject(world, exampleOptions());
    expect(r.written).toContain(BOOK);
    const now = world.files.get(ENTRY)!;
    expect(Buffer.from(now).equals(Buffer.from(entry))).toBe(false);
    expect(Buffer.from(now.subarray(64)).equals(Buffer.from(world.files.get(BOOK)!))).toBe(true);
    expect([...world.files.keys()].filter((k) => k.startsWith("out/.cache/year-outputs/"))).toEqual([ENTRY]);
  });

  it("is not kept from a build that threw (--watch goes on in the same process with the same World)", async () => {
    const kept = world.files.get(ENTRY)!;
    const parts = () => [...world.files.keys()].filter((k) => k.startsWith("out/.cache/pdf-parts/")).sort();
    const partsBefore = parts();
    let bug = true;
    const same: World = {
      ...world,
      writeNew: async (path, bytes) => {
        if (bug) throw new TypeError("a bug while staging");
        return world.writeNew(path, bytes);
      },
    };
    const scores = text(SCORES);
    set(SCORES, scores.replace(/(khoi_cham: )(\d+)/, (_m, k: string, n: string) => `${k}${Number(n) - 2}`));
    await expect(buildProject(same, exampleOptions())).rejects.toThrow("a bug while staging");
    // The data as it was: the next build in the same World has nothing to make, and keeps nothing of the failed one's.
    set(SCORES, scores);
    bug = false;
    const r = await buildProject(same, exampleOptions());
    expect(r.written).toEqual([]);
    expect(world.files.get(ENTRY)).toBe(kept);
    expect(parts()).toEqual(partsBefore);
  });
});
