/**
 * `new-year` on data files saved with CR-only or CRLF line ends (or a BOM), which the
 * loader reads as it reads LF files: the new year is the same as from LF files (the
 * plan's number, date and signer blank; the criteria copied), written in the line
 * ends of the file each comes from. A file new-year cannot read as the mapping it
 * expects is an error naming it, never a year made from an empty document.
 */
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";
import { docFile, newYear, yearFile } from "../../src/year/new-year.ts";
import { exampleWorld } from "../helpers/example.ts";

const dec = new TextDecoder("utf-8", { ignoreBOM: true });
const enc = new TextEncoder();
const text = (w: MemoryWorld, p: string) => dec.decode(w.files.get(p)!);
const lf = (s: string) => s.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
const front = (md: string) => parse(/^---\n([\s\S]*?)\n---\n/.exec(lf(md))![1]!);
const shown = (r: Awaited<ReturnType<typeof newYear>>) => r.diagnostics.map((d) => formatDiagnostic(d, "en"));

/** The example with every YAML and Markdown file of data/ rewritten by `shape`. */
function exampleIn(shape: (s: string) => string): MemoryWorld {
  const w = exampleWorld();
  for (const k of [...w.files.keys()]) if (k.startsWith("data/") && /\.(ya?ml|md)$/.test(k)) w.files.set(k, enc.encode(shape(text(w, k))));
  return w;
}

describe("new-year 2021 from files with other line ends", async () => {
  const base = exampleWorld();
  const baseRun = await newYear(base, "data", 2021);

  it("from LF files (the reference): the plan's number, date and signer blank, the criteria copied", () => {
    expect(baseRun.created).toEqual(["data/2021/nam.yaml", "data/2021/ke-hoach.md"]);
    const plan = front(text(base, "data/2021/ke-hoach.md"));
    expect([plan.so, plan.ngay, plan.ky]).toEqual([null, null, undefined]);
    expect(parse(text(base, "data/2021/nam.yaml")).tieu_chi).toHaveLength(10);
  });

  const shapes: [string, string, string][] = [
    ["CR only", "\r", ""],
    ["CRLF", "\r\n", ""],
    ["CR only with a BOM", "\r", "\ufeff"],
    ["CRLF with a BOM", "\r\n", "\ufeff"],
  ];
  for (const [what, eol, bom] of shapes) {
    const shape = (s: string) => bom + s.replace(/\n/g, eol);
    it(`from ${what} files: the same year as from LF files, in the files' own line ends`, async () => {
      const w = exampleIn(shape);
      const r = await newYear(w, "data", 2021);
      expect(shown(r)).toEqual(shown(baseRun));
      expect(r.created).toEqual(baseRun.created);
      for (const f of r.created) expect(text(w, f), f).toBe(shape(text(base, f)));
      const plan = front(text(w, "data/2021/ke-hoach.md"));
      expect([plan.so, plan.ngay, plan.ky]).toEqual([null, null, undefined]);
      const year = parse(lf(text(w, "data/2021/nam.yaml")));
      expect(year.tieu_chi).toHaveLength(10);
      expect([year.nam, year.khoi_truong, year.khoi_pho]).toEqual([2021, "so-y-te", "so-gddt"]);
    }, 60_000);
  }

  it("from a plan whose first line is “--- ” (a space after the dashes, which the loader accepts): its number and signer blank too", async () => {
    const w = exampleWorld();
    w.files.set("data/2020/ke-hoach.md", enc.encode(text(w, "data/2020/ke-hoach.md").replace(/^---\n/, "--- \n")));
    const r = await newYear(w, "data", 2021);
    expect(shown(r)).toEqual(shown(baseRun));
    expect(text(w, "data/2021/ke-hoach.md")).toBe(text(base, "data/2021/ke-hoach.md"));
  }, 60_000);
});

describe("new-year's files that are not the mapping it expects", () => {
  const leaders = { leader: "so-y-te", deputy: "so-gddt", from: "" };
  it("a year file that is a list, a single value, a syntax error or comments only: where and what was found", () => {
    expect(yearFile("- nam: 2020\n", 2020, 2021, leaders)).toMatchObject({ line: 1, column: 1, foundEn: "a list" });
    expect(yearFile("# năm 2020\nnăm 2020\n", 2020, 2021, leaders)).toMatchObject({ line: 2, column: 1, foundEn: "a single value" });
    expect(yearFile("nam: 2020\ntieu_chi: [\n", 2020, 2021, leaders)).toMatchObject({ line: 3, foundEn: expect.stringMatching(/^a YAML syntax error/) });
    expect(yearFile("# nam: 2020\r# tieu_chi: []\r", 2020, 2021, leaders)).toMatchObject({ foundEn: "no data (comments only)" });
  });

  it("a plan without front matter or whose front matter is not a mapping: where (in the Markdown file) and what was found", () => {
    expect(docFile("# Kế hoạch năm 2020\n\nSố 1/KH-K8\n", 2020, 2021)).toMatchObject({ line: 1, foundEn: expect.stringMatching(/without front matter/) });
    expect(docFile("---\n- so: 1\n---\nNội dung\n", 2020, 2021)).toMatchObject({ line: 1, lineOffset: 1, foundEn: "a list" });
  });

  it("is an error naming the file, and no year is made", async () => {
    const w = exampleWorld();
    // The plan loses its front matter after the loader read it (edited while new-year ran): the previous
    // year was valid, the text new-year copies is not.
    const readFile = w.readFile.bind(w);
    let reads = 0;
    w.readFile = async (p: string) => (p === "data/2020/ke-hoach.md" && ++reads > 1 ? enc.encode("# Kế hoạch năm 2020\n\nSố 1/KH-K8\n") : readFile(p));
    const r = await newYear(w, "data", 2021);
    expect(r.created).toEqual([]);
    expect(shown(r).filter((s) => s.includes("[file/not-a-map]"))).toEqual([
      "data/2020/ke-hoach.md:1:1: error [file/not-a-map] new-year needs this file to hold fields (key: value), but found a text without front matter (between two --- lines): no file was written\n    → Fix the file (see a file of the same kind in the example data/; check with npm run validate), then run the command again.",
    ]);
    expect([...w.files.keys()].filter((k) => k.startsWith("data/2021") || k.includes(".tmp"))).toEqual([]);
  }, 60_000);
});
