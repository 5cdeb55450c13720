/**
 * The quick reading of plain YAML (src/load/plain-yaml.ts) against the YAML library: wherever
 * it gives a reading, it is the library's (the same value, numbers to their sign, the same tree
 * of places, and nothing the library would have said); every other text is left to the library.
 * Held on every data file of the repository, on edits of them, and on made-up documents.
 * `PROPS_RUNS` (npm run test:props) multiplies the edits and documents; the seed is fixed.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { readPlainYaml } from "../../src/load/plain-yaml.ts";
import { parseWithLibrary, parseYamlWithTree } from "../../src/load/yaml-source.ts";
import { FIXTURES, REPO } from "../helpers/fixture-world.ts";

const RUNS = Number(process.env["PROPS_RUNS"] ?? 0);

/** The YAML of every data file and template under `dir`: a .yaml file whole, a Markdown file's front matter (one line down). */
function yamlTexts(dir: string, out: { file: string; text: string; offset: number }[] = []) {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yamlTexts(p, out);
    else if (f.endsWith(".yaml")) out.push({ file: relative(REPO, p), text: readFileSync(p, "utf8"), offset: 0 });
    else if (f.endsWith(".md")) {
      const m = /^---\n([\s\S]*?)\n---/.exec(readFileSync(p, "utf8"));
      if (m) out.push({ file: relative(REPO, p), text: m[1]!, offset: 1 });
    }
  }
  return out;
}

/** The library's reading when the quick one reads a text; "left" when it leaves it. */
function compare(text: string, offset = 0): "same" | "left" | string {
  const plain = readPlainYaml(text, offset);
  if (!plain) return "left";
  const said = new Diagnostics();
  const lib = parseWithLibrary("f.yaml", text, said, offset);
  if (said.items.length) return `the library said ${said.items.map((d) => d.code).join(", ")}`;
  if (!isDeepStrictEqual(plain.value, lib.source.value)) return `value ${JSON.stringify(plain.value)} against ${JSON.stringify(lib.source.value)}`;
  if (!isDeepStrictEqual(plain.tree, lib.tree)) return `tree ${JSON.stringify(plain.tree)} against ${JSON.stringify(lib.tree)}`;
  return "same";
}

function random(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
  return { next, pick: <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)]! };
}

/** Values that are read one way or another (numbers, keywords, quotes, flow, indicators, no-break spaces). */
const VALUES = [
  "x", "Sở Y tế", "1", "-1", "+1", "0", "-0", "012", "-012", "00", "1.5", "1.", ".5", "-.5", "1e3", "1E+3", "-.5e-3", "1e400", "12345678901234567890", "0.12345678901234567",
  "0x1F", "0o7", ".inf", "-.INF", ".NaN", "~", "null", "Null", "NULL", "nULL", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "yes", "On", "2020-06-15", "1,5", "1_000", "a:b", "a: b", "a:", "http://x:1",
  "x #c", "x#c", "x # y # z", "- x", "-x", "-", "? x", "?x", ":x", "[1, 2]", "[]", "[ ]", "{}", "{ }", "{a: 1}", "{ a: 1 }", "{a: 1, a: 2}", "{a:1}", "{a: }", "[a, ]",
  "[a, 'b', \"c\"]", "[a,b ,c]", "[a: b]", "[x # y]", "{a: x y}", "{a: 'x, y', b: \"}\"}", "['a]', \"b,\"]", "{a: {b: 1}}", "[[1]]",
  "'it''s'", "''", '""', '"a\\"b"', '"\\u00e9\\n\\t\\/\\\\"', '"\\x41"', '"\\ud83d"', '"\\e"', "'x' # c", '"y"z', "'open",
  "&a x", "*a", "!!str 1", "|", ">-", "%x", "@x", "`x", "x  ", "a  b", "x\u00a0", "\u00a0x", "x \u00a0", "a\u2003 b", "[a\u00a0, b]", "{a: x\u00a0}", "ThÞ", "Nguy\u00ean",
];
const KEYS = ["a", "b", "ten", "ma", "don_vi", "x-y", "_k", "k1", "K", "z9", "null", "True", "__proto__", "1", "a b", "'q'", '"d"', "<<", "a.b", "k".repeat(1000), "k".repeat(1030)];

/** A made-up document: mappings and sequences nested a few deep, mostly well indented. */
function document(r: ReturnType<typeof random>): string {
  const out: string[] = [];
  const block = (depth: number, indent: number) => {
    const seq = r.next() < 0.35;
    const pad = " ".repeat(indent);
    for (let i = 0, n = 1 + Math.floor(r.next() * 4); i < n; i++) {
      const lead = seq ? pad + "-" + (r.next() < 0.9 ? " " : "  ") : pad;
      const key = seq ? "" : (r.next() < 0.95 ? r.pick(KEYS.slice(0, 10)) : r.pick(KEYS)) + (r.next() < 0.99 ? ":" : " :");
      const t = r.next();
      if (seq && t < 0.3 && depth < 4) {
        const at = out.length;
        block(depth + 1, indent + 2 + (r.next() < 0.1 ? 1 : 0));
        out[at] = lead + out[at]!.trimStart();
      } else if (t < 0.55 || depth >= 4) out.push(lead + key + (r.next() < 0.9 ? " " : "  ") + r.pick(VALUES) + (r.next() < 0.1 ? " # c" : ""));
      else if (t < 0.62) out.push(lead + key + (r.next() < 0.5 ? "" : "   "));
      else {
        out.push(lead + key);
        block(depth + 1, indent + (r.next() < 0.15 && !seq ? 0 : 2) + (r.next() < 0.1 ? 1 : 0));
      }
      if (r.next() < 0.05) out.push(r.next() < 0.5 ? "" : pad + "# ghi chú");
      if (r.next() < 0.01) out.push(pad + "  nối dòng");
    }
  };
  block(0, 0);
  return out.join("\n") + (r.next() < 0.5 ? "\n" : "");
}

const INSERTS = [" ", "-", ":", "#", "'", '"', "\\", "\n", "0", ".", "e", "ệ", "[", "{", "|", "&", "*", "!", "~", "?", ",", "\t", "\r", "\u00a0", "\u2028", "- ", ": ", " #"];

/** One to three edits of a text: a character put in or taken out, a line doubled, swapped, moved in or out, given another value or key, or removed. */
function edit(text: string, r: ReturnType<typeof random>): string {
  for (let k = 0, n = 1 + Math.floor(r.next() * 3); k < n; k++) {
    const lines = text.split("\n");
    const li = Math.floor(r.next() * lines.length);
    const line = lines[li]!;
    const c = Math.floor(r.next() * (line.length + 1));
    const pair = /^(\s*(?:- )?[A-Za-z_][\w-]*:)( .*)?$/.exec(line);
    switch (Math.floor(r.next() * 8)) {
      case 0: lines[li] = line.slice(0, c) + r.pick(INSERTS) + line.slice(c); break;
      case 1: lines[li] = line.slice(0, c) + line.slice(c + 1); break;
      case 2: lines.splice(li, 0, line); break;
      case 3: { const lj = Math.floor(r.next() * lines.length); [lines[li], lines[lj]] = [lines[lj]!, line]; break; }
      case 4: lines[li] = r.next() < 0.5 ? " " + line : line.replace(/^ {1,2}/, ""); break;
      case 5: if (pair) lines[li] = pair[1] + " " + r.pick(VALUES); break;
      case 6: if (pair) lines[li] = pair[1]!.replace(/[A-Za-z_][\w-]*:$/, r.pick(KEYS) + ":") + (pair[2] ?? ""); break;
      default: lines.splice(li, 1);
    }
    text = lines.join("\n");
  }
  return text;
}

const FILES = [...yamlTexts(join(REPO, "data")), ...yamlTexts(join(REPO, "templates")), ...yamlTexts(FIXTURES)];

describe("the quick reading of plain YAML", () => {
  it("reads every data file of the repository as the library does, and leaves every file of the error fixtures to it", () => {
    const verdicts = FILES.map((f) => ({ file: f.file, verdict: compare(f.text, f.offset) }));
    expect(verdicts.filter((v) => v.verdict !== "same" && v.verdict !== "left")).toEqual([]);
    // The example's data is all read quickly: the reading is the one builds take.
    expect(verdicts.filter((v) => v.file.startsWith("data/") && v.verdict !== "same")).toEqual([]);
    expect(verdicts.filter((v) => v.verdict === "same").length).toBeGreaterThan(100);
    const errorFixtures = verdicts.filter((v) => v.file.startsWith("test/fixtures/errors/") && !v.file.includes("/templates/"));
    const libSays = errorFixtures.filter((v) => {
      const f = FILES.find((x) => x.file === v.file)!;
      const said = new Diagnostics();
      parseWithLibrary(f.file, f.text, said, f.offset);
      return said.items.length > 0;
    });
    expect(libSays.length).toBeGreaterThan(5);
    for (const v of libSays) expect(v.verdict, v.file).toBe("left");
  });

  it("reads edits of them as the library does, or leaves them to it", () => {
    const r = random(2026);
    const tally = { same: 0, left: 0 };
    const differ: string[] = [];
    for (const f of FILES.filter((x) => !x.file.startsWith("test/fixtures/errors/"))) {
      for (let k = 0; k < (RUNS ? Math.ceil(RUNS / 50) : 6); k++) {
        const text = edit(f.text, r);
        const v = compare(text, f.offset);
        if (v === "same" || v === "left") tally[v]++;
        else differ.push(`${f.file}: ${JSON.stringify(text)}\n  ${v}`);
      }
    }
    expect(differ.slice(0, 3)).toEqual([]);
    expect(tally.same).toBeGreaterThan(100);
  });

  it("reads made-up documents as the library does, or leaves them to it", () => {
    const r = random(7);
    const tally = { same: 0, left: 0 };
    const differ: string[] = [];
    for (let k = 0; k < (RUNS || 3000); k++) {
      const text = document(r);
      const offset = r.next() < 0.3 ? 1 : 0;
      const v = compare(text, offset);
      if (v === "same" || v === "left") tally[v]++;
      else differ.push(`${JSON.stringify(text)}\n  ${v}`);
    }
    expect(differ.slice(0, 3)).toEqual([]);
    expect(tally.same).toBeGreaterThan((RUNS || 3000) / 8);
  });

  it.each([
    ["a no-break space ends no plain scalar", "ten: Sở Y tế\u00a0\nds: [a\u00a0, b]\n"],
    ["numbers to their sign and base", "a: -0\nb: 012\nc: 1e3\nd: +7\ne: 1.50\nf: .5\ng: 5.\nh: 1_000\ni: 2020-06-15\n"],
    ["empty values placed where the library places them", "a:   \n  # c\nb:\n- x\n-\n- y: 1\n  z:\n"],
    ["flow collections on one line", "luu: { don_vi_soan_thao: VP, so_ban: 2 }\nk: [k8, tong-hop , 3]\ne: {}\ng: [ ]\n"],
    ["quotes and their escapes", "a: 'it''s'\nb: \"qé\\u00e9\\n\\t\\\\\\/\\\"\" # c\nc: ''\n"],
    ["a sequence at its key's indent, and items that are mappings", "don_vi:\n- ma: a\n  ten: A\n-   ma: b\n    ten:\n    - x\n"],
  ])("%s", (_what, text) => {
    expect(compare(text)).toBe("same");
    expect(compare(text, 1)).toBe("same");
  });

  it.each([
    ["a key of over 1024 characters (the library refuses it)", `${"k".repeat(1030)}: 1\n`],
    ["hexadecimal, octal, infinity", "a: 0x1F\n"],
    ["anchors and aliases", "a: &x 1\nb: *x\n"],
    ["a plain scalar on two lines", "a: một\n  hai\n"],
    ["block scalars", "a: |\n  x\n"],
    ["a duplicate key", "a: 1\na: 2\n"],
    ["tabs", "a:\t1\n"],
    ["a legacy-encoded text (the library's checks say it)", "ten: Nguy\u00d6n V\u00a8n A\n"],
    ["a number past 15 significant digits", "diem: 0.1234567890123456789\n"],
  ])("leaves to the library: %s", (_what, text) => {
    expect(compare(text)).toBe("left");
  });

  it("is what parseYamlWithTree gives for a plain text, places included", () => {
    const text = "don_vi:\n  - ma: a\n    diem: [1, 2]\n";
    const said = new Diagnostics();
    const { source, tree } = parseYamlWithTree("x.yaml", text, said);
    expect(tree).toStrictEqual(readPlainYaml(text)!.tree);
    expect(source.locate(["don_vi", 0, "diem", 1])).toEqual({ file: "x.yaml", line: 3, column: 15 });
    expect(said.items).toEqual([]);
  });
});
