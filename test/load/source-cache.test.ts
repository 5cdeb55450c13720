/**
 * The data cache (src/load/source-cache.ts): a data file whose bytes did not change is not parsed
 * again, in a new process too (the cache is a file in out/.cache, read back through the World),
 * and a hit gives exactly what a fresh parse gives. Parses are counted where every parse starts.
 */
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { runValidate } from "../../src/cli/commands.ts";
import { parseArgs } from "../../src/cli/args.ts";
import { toolVersion } from "../../src/cli/tool-version.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import type { MemoryWorld } from "../../src/io/memory-world.ts";
import { loadProject, type RawProject } from "../../src/load/project.ts";
import { SourceCache } from "../../src/load/source-cache.ts";
import type { YamlSource } from "../../src/load/yaml-source.ts";
import { checkProject } from "../../src/pipeline.ts";
import { validateProject } from "../../src/validate/project.ts";
import { buildProject } from "../../src/write/build.ts";
import { fontsourceTinosDir } from "../../src/pdf/fonts/node-font-reader.ts";
import { sha256 } from "../../src/write/hash.ts";
import { readDataCache, writeDataCache } from "../helpers/data-cache.ts";
import { fixtureWorld, minimalWorld } from "../helpers/fixture-world.ts";

/**
 * The texts the loader parsed. Every parse starts with the quick reading of plain YAML
 * (plain-yaml.ts), which hands what it does not read to the YAML library: counted there, a text
 * is counted once, whoever reads it.
 */
const parses = vi.hoisted(() => ({ texts: [] as string[] }));
vi.mock("../../src/load/plain-yaml.ts", async (importOriginal) => {
  const plain = await importOriginal<typeof import("../../src/load/plain-yaml.ts")>();
  const readPlainYaml: typeof plain.readPlainYaml = (text, lineOffset) => {
    parses.texts.push(text);
    return plain.readPlainYaml(text, lineOffset);
  };
  return { ...plain, readPlainYaml };
});

/** The files checked by a schema (zod), each time one is. */
const checks = vi.hoisted(() => ({ files: [] as string[], silent: undefined as string | undefined }));
vi.mock("../../src/validate/zod-issues.ts", async (importOriginal) => {
  const zi = await importOriginal<typeof import("../../src/validate/zod-issues.ts")>();
  const validateWith: typeof zi.validateWith = (schema, src, diags) => {
    checks.files.push(src.file);
    // A check that fails without saying why (checks.silent): what no check of the tool does.
    if (src.file === checks.silent) return undefined;
    return zi.validateWith(schema, src, diags);
  };
  return { ...zi, validateWith };
});

const CACHE = "out/.cache/data-sources.json";
const TOOL = "tool-1";
const open = (world: MemoryWorld, tool = TOOL) => SourceCache.open(world, CACHE, tool);

/** The minimal project with files that give warnings and errors of every per-file kind, and cross-file ones. */
function troubledWorld(): MemoryWorld {
  return fixtureWorld(undefined, {
    // Duplicate key, a number beyond 15 digits, TCVN3 text, an unknown key, .nan, an alias, a key "__proto__", -0 and .inf.
    "data/2020/dang-ky/don-vi-b.yaml": [
      "ngay: 2020-03-01",
      "ngay: 2020-03-02",
      "chi_tieu:",
      "  - &ct { tieu_chi: tc01, chi_tieu: Së Y tÕ hoµn thµnh }",
      "  - *ct",
      "danh_hieu_tap_the: [Tập thể lao động xuất sắc]",
      "ca_nhan: { lao_dong_tien_tien: 12345678901234567890, chien_si_thi_dua_co_so: .nan }",
      "thua: { __proto__: 1, am: -0, vo_han: .inf }",
      "",
    ].join("\n"),
    // A syntax error: unusable, so not kept in the cache (made again each time, the same).
    "data/2020/dang-ky/don-vi-c.yaml": "ngay: [2020-03-01\nchi_tieu: x\n",
    // An unexpected file (a warning of the loader, not of a file's parse).
    "data/2020/ghi-chu.txt": "x",
  });
}

/** Every place locate gives for every path of a value (key and value), and for paths that are not there. */
function places(src: YamlSource): unknown[] {
  const out: unknown[] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    out.push(src.locate(path), src.locate(path, "key"), src.locate([...path, "khong-co"]), src.locate([...path, 99]));
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === "object") for (const k of Object.keys(v)) walk((v as Record<string, unknown>)[k], [...path, k]);
  };
  walk(src.value, []);
  return out;
}

function sources(raw: RawProject): YamlSource[] {
  const out: YamlSource[] = raw.bloc ? [raw.bloc] : [];
  for (const y of raw.years) {
    if (y.nam) out.push(y.nam);
    for (const d of y.docs.values()) out.push(d.frontMatter);
    for (const list of y.unitDocs.values()) out.push(...list.map((f) => f.src));
    out.push(...y.results.map((f) => f.src));
  }
  return out;
}

/** The loader's and the validation's results and diagnostics in the order said (before sorting), with every place. */
async function loadAndValidate(world: MemoryWorld, cache?: SourceCache) {
  const diags = new Diagnostics();
  const raw = await loadProject(world, DOC_TYPES, diags, "data", cache);
  const valid = validateProject(raw, DOC_TYPES, diags, { documents: true });
  const docs = raw.years.flatMap((y) => [...y.docs.values()].map((d) => ({ file: d.file, body: d.body, bodyLine: d.bodyLine })));
  const data = <T,>(m: Map<string, { data: T }>) => [...m].map(([k, l]) => [k, l.data]);
  const years = valid?.years.map((y) => ({
    ...y,
    year: y.year.data,
    docs: [...y.docs].map(([k, d]) => [k, d.data, d.body, d.bodyLine, d.file]),
    unitDocs: [...y.unitDocs].map(([k, m]) => [k, data(m)]),
    results: data(y.results),
  }));
  return { said: diags.items, values: sources(raw).map((s) => [s.file, s.value]), places: sources(raw).map(places), docs, valid: valid && { bloc: valid.bloc.data, years } };
}

beforeEach(() => {
  parses.texts.length = 0;
});

describe("data cache", () => {
  it("a hit gives the values, places and diagnostics (in their order) a fresh parse gives, warnings and errors alike", async () => {
    const world = troubledWorld();
    const fresh = await loadAndValidate(world);
    const freshCount = parses.texts.length;
    expect(fresh.said.some((d) => d.severity === "error") && fresh.said.some((d) => d.severity === "warning")).toBe(true);
    expect(fresh.said.map((d) => d.code)).toEqual(expect.arrayContaining(["yaml/duplicate-key", "number/precision", "text/legacy-encoding", "yaml/unclosed", "file/unexpected"]));

    const first = await open(world);
    const missed = await loadAndValidate(world, first);
    await first.save(world);
    expect(world.files.has(CACHE)).toBe(true);

    parses.texts.length = 0;
    const second = await open(world);
    const hit = await loadAndValidate(world, second);
    // Only the file with a syntax error is parsed again: everything else came from the cache.
    expect(parses.texts).toEqual(["ngay: [2020-03-01\nchi_tieu: x\n"]);
    expect(second.parsed).toEqual(["data/2020/dang-ky/don-vi-c.yaml"]);
    expect(freshCount).toBeGreaterThan(5);

    for (const run of [missed, hit]) {
      expect(run.said).toStrictEqual(fresh.said);
      expect(run.values).toStrictEqual(fresh.values);
      expect(run.places).toStrictEqual(fresh.places);
      expect(run.docs).toStrictEqual(fresh.docs);
      expect(run.valid).toStrictEqual(fresh.valid);
    }
    // The numbers JSON cannot write and a key named __proto__ come back as they were.
    const b = hit.values.find(([f]) => f === "data/2020/dang-ky/don-vi-b.yaml")![1] as Record<string, Record<string, unknown>>;
    expect(Object.is(b.thua!.am, -0) && b.thua!.vo_han === Infinity && Number.isNaN(b.ca_nhan!.chien_si_thi_dua_co_so)).toBe(true);
    expect(Object.keys(b.thua!)).toEqual(["__proto__", "am", "vo_han"]);
    expect(Object.getPrototypeOf(b.thua)).toBe(Object.prototype);
    // And the whole check (sorted diagnostics, models, documents) of a valid project is the same.
    const valid = fixtureWorld();
    const plain = await checkProject(valid);
    const c = await open(valid);
    await checkProject(valid, "data", c);
    await c.save(valid);
    const again = await open(valid);
    expect(await checkProject(valid, "data", again)).toStrictEqual(plain);
    expect(again.parsed).toEqual([]);
  });

  it("a file that did not change is not checked again, in a new process too: its check comes back as zod made it, errors and all", async () => {
    const world = troubledWorld();
    checks.files.length = 0;
    const fresh = await loadAndValidate(world);
    const checkedFresh = [...checks.files];
    expect(fresh.said.some((d) => d.code.startsWith("schema/"))).toBe(true);
    expect(checkedFresh.length).toBeGreaterThan(5);
    const first = await open(world);
    await loadAndValidate(world, first);
    await first.save(world);
    const entries = readDataCache(world.files.get(CACHE)!).entries;
    // A check that failed is kept too, with its diagnostics; zod's data is kept as made, or said to be the value as read.
    const kept = Object.values(entries).flatMap((e) => Object.values(e.checked as Record<string, { ok: boolean; same?: boolean; data?: unknown }>));
    expect(kept.some((c) => !c.ok) && kept.some((c) => c.ok && c.same) && kept.some((c) => c.ok && c.data !== undefined)).toBe(true);

    checks.files.length = 0;
    const hit = await loadAndValidate(world, await open(world));
    expect(checks.files).toEqual([]);
    expect(hit.said).toStrictEqual(fresh.said);
    expect(hit.valid).toStrictEqual(fresh.valid);
    // The same keys in the same order: what iterates the data (tables, lists) sees it as zod made it.
    expect(JSON.stringify(hit.valid)).toBe(JSON.stringify(fresh.valid));

    /** The kept checks of khoi.yaml and nam.yaml changed by `change`: both files are checked again, and give what zod gives. */
    const checkedAgainWith = async (change: (entryOf: (file: string) => Record<string, unknown>) => void) => {
      const { header, entries } = readDataCache(world.files.get(CACHE)!);
      change((file) => Object.values(entries).find((e) => e.file === file)!);
      world.files.set(CACHE, writeDataCache(header, entries));
      checks.files.length = 0;
      const again = await loadAndValidate(world, await open(world));
      expect(checks.files.sort()).toEqual(["data/2020/nam.yaml", "data/khoi.yaml"]);
      expect(again.said).toStrictEqual(fresh.said);
      expect(JSON.stringify(again.valid)).toBe(JSON.stringify(fresh.valid));
    };
    // A kept check that is damaged, or kept under another schema's name, is not used.
    await checkedAgainWith((entryOf) => {
      (entryOf("data/2020/nam.yaml").checked as Record<string, { data: unknown }>).year!.data = ["z", 1];
      entryOf("data/khoi.yaml").checked = { year: (entryOf("data/khoi.yaml").checked as Record<string, unknown>).bloc };
    });
    // Nor one that says it failed without an error, or that it passed with one: not a check the tool keeps.
    const error = { code: "schema/type", severity: "error", pos: { file: "data/2020/nam.yaml", line: 1, column: 1 }, params: {} };
    await checkedAgainWith((entryOf) => {
      entryOf("data/khoi.yaml").checked = { bloc: { ok: false, diagnostics: [] } };
      entryOf("data/2020/nam.yaml").checked = { year: { ok: true, same: true, diagnostics: [error] } };
    });
  });

  it("data whose check failed without an error is a program error, never a build that finds no documents", async () => {
    checks.silent = "data/khoi.yaml";
    try {
      await expect(checkProject(minimalWorld())).rejects.toThrow(/no error says why/);
    } finally {
      checks.silent = undefined;
    }
  });

  it("a build after an edit of one file parses that file only, and validate reads the cache without writing it", async () => {
    const world = minimalWorld();
    const opts = { dataDir: "data", outDir: "out", fontSource: "package" as const, fontPackageDir: fontsourceTinosDir()!, toolVersion: toolVersion() };
    const dataTexts = [...world.files].filter(([k]) => k.startsWith("data/")).map(([, v]) => new TextDecoder().decode(v));
    /** The parses of data files (the templates' front matter is parsed by the compose stage, not cached). */
    const dataParses = () => parses.texts.filter((t) => dataTexts.some((d) => d.includes(t)));
    const built = await buildProject(world, opts);
    expect(built.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(dataParses().length).toBeGreaterThan(5);
    expect(world.files.has(CACHE)).toBe(true);

    // A new build (a new process would read the same file): nothing parsed.
    parses.texts.length = 0;
    const same = await buildProject(world, opts);
    expect(dataParses()).toEqual([]);
    expect(same.diagnostics).toStrictEqual(built.diagnostics);

    // One file edited: that file, and it alone, is parsed; the results are those of a build without any cache.
    const file = "data/2020/ket-qua/don-vi-b.yaml";
    const edited = new TextDecoder().decode(world.files.get(file)) + "# sửa lần 1\n";
    world.files.set(file, new TextEncoder().encode(edited));
    parses.texts.length = 0;
    dataTexts.push(edited, edited + "# sửa lần 2\n");
    const after = await buildProject(world, opts);
    expect(dataParses()).toEqual([edited]);
    const uncached = await checkProject(world);
    expect(after.diagnostics).toStrictEqual(uncached.diagnostics);

    // validate (the tool's own identity, as the build's here): reads the cache, never writes it (another edit stays out of it).
    const cacheBytes = world.files.get(CACHE);
    world.files.set(file, new TextEncoder().encode(edited + "# sửa lần 2\n"));
    parses.texts.length = 0;
    const out: string[] = [];
    const args = parseArgs(["validate", "--lang", "en"]);
    expect(await runValidate(world, args, (s) => out.push(s))).toBe(0);
    expect(dataParses()).toEqual([edited + "# sửa lần 2\n"]);
    expect(world.files.get(CACHE)).toBe(cacheBytes);
  }, 120_000);

  it("a damaged, truncated or foreign cache, or one damaged entry, is ignored and made again, never trusted", async () => {
    const world = troubledWorld();
    const fresh = await checkProject(world);
    const c = await open(world);
    await checkProject(world, "data", c);
    await c.save(world);
    const good = world.files.get(CACHE)!;
    const { header, entries: body } = readDataCache(good);
    const all = c.parsed.length;
    /** A cache whose header is right (its hash too) but one entry of another shape. */
    const withEntry = (file: string, change: (e: Record<string, unknown>) => void) => {
      const copy = structuredClone(body);
      const entry = Object.values(copy).find((e) => e.file === file)!;
      change(entry);
      return writeDataCache(header, copy);
    };
    /** The same, with one entry's line as given. */
    const withLine = (file: string, line: (key: string) => string) => {
      const text = new TextDecoder().decode(writeDataCache(header, body));
      const key = Object.keys(body).find((k) => body[k]!.file === file)!;
      const b = text.slice(text.indexOf("\n") + 1).replace(new RegExp(`^${key}\t.*$`, "m"), line(key));
      return `${JSON.stringify({ ...header, sha256: sha256(new TextEncoder().encode(b)) })}\n${b}`;
    };
    const flipped = new Uint8Array(good);
    flipped[flipped.length - 40]! ^= 0x01;
    const damaged: [string, string | Uint8Array, number][] = [
      ["truncated", good.slice(0, good.length >> 1), all],
      ["one byte changed", flipped, all],
      ["empty", "", all],
      ["not JSON", "\u0000\u0001garbage\n{", all],
      ["foreign JSON", '{"format":"x"}\n{}', all],
      ["a list for a header", "[]\n[]", all],
      ["bad tree", withEntry("data/khoi.yaml", (e) => (e.tree = { o: [1, 1], r: { a: "x" } })), 2],
      ["bad value", withEntry("data/khoi.yaml", (e) => (e.value = ["z", 1])), 2],
      ["bad diagnostic", withEntry("data/khoi.yaml", (e) => (e.diagnostics = [{ code: "no/such-code", severity: "error", pos: { file: "x", line: 1, column: 1 }, params: {} }])), 2],
      ["another file's entry", withEntry("data/khoi.yaml", (e) => (e.file = "data/2020/nam.yaml")), 2],
      ["an entry that is not JSON", withLine("data/khoi.yaml", (key) => `${key}\t{"file":`), 2],
      ["a line without its key", withLine("data/khoi.yaml", () => "\t{}"), all],
      // Not as JSON.stringify writes it: made again, never carried on as it came.
      ["an entry ending in CR (CRLF lines)", withLine("data/khoi.yaml", (key) => `${key}\t${JSON.stringify(body[key])}\r`), 2],
      ["an entry with white space around it", withLine("data/khoi.yaml", (key) => `${key}\t ${JSON.stringify(body[key])}`), 2],
      ["an entry with a tab inside", withLine("data/khoi.yaml", (key) => `${key}\t${JSON.stringify(body[key]).replace(",", ",\t")}`), 2],
    ];
    for (const [what, bytes, parsed] of damaged) {
      world.files.set(CACHE, typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes);
      const cache = await open(world);
      const result = await checkProject(world, "data", cache);
      expect(result, what).toStrictEqual(fresh);
      // The whole cache ignored: every file parsed; one entry ignored: that file (and the file with a syntax error, never kept).
      expect(cache.parsed.length, what).toBe(parsed);
      // Saved again, the cache is sound.
      await cache.save(world);
      const next = await open(world);
      expect(await checkProject(world, "data", next), what).toStrictEqual(fresh);
      expect(next.parsed, what).toEqual(["data/2020/dang-ky/don-vi-c.yaml"]);
    }
  });

  it("another tool version reads none of the cache; the cache keeps only the files of the last run", async () => {
    const world = troubledWorld();
    const a = await open(world, "tool-A");
    await checkProject(world, "data", a);
    await a.save(world);
    const all = a.parsed.length;
    const b = await open(world, "tool-B");
    await checkProject(world, "data", b);
    expect(b.parsed).toHaveLength(all);
    await b.save(world);
    const b2 = await open(world, "tool-B");
    await checkProject(world, "data", b2);
    expect(b2.parsed).toEqual(["data/2020/dang-ky/don-vi-c.yaml"]);
    // tool-A's cache was replaced, not added to.
    const a2 = await open(world, "tool-A");
    await checkProject(world, "data", a2);
    expect(a2.parsed).toHaveLength(all);

    // A file removed (or changed) leaves the cache at the next save: it holds the files read, no more.
    const entries = () => Object.values(readDataCache(world.files.get(CACHE)!).entries).map((e) => e.file);
    await a2.save(world);
    expect(entries()).toContain("data/2020/ket-qua/don-vi-a.yaml");
    world.files.delete("data/2020/ket-qua/don-vi-a.yaml");
    world.files.set("data/2020/ket-qua/don-vi-b.yaml", new TextEncoder().encode(new TextDecoder().decode(world.files.get("data/2020/ket-qua/don-vi-b.yaml")) + "# x\n"));
    const a3 = await open(world, "tool-A");
    await checkProject(world, "data", a3);
    await a3.save(world);
    const files = entries();
    expect(files).not.toContain("data/2020/ket-qua/don-vi-a.yaml");
    expect(files.filter((f) => f === "data/2020/ket-qua/don-vi-b.yaml")).toHaveLength(1);
    expect(files.length).toBe(new Set(files).size);
  });
});
