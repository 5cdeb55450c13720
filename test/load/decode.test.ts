import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { decodeText } from "../../src/load/decode.ts";
import { parseMarkdownSource } from "../../src/load/markdown-source.ts";
import { parseYamlSource } from "../../src/load/yaml-source.ts";

const enc = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("drops a BOM, turns CRLF into LF and NFD into NFC", () => {
    const d = new Diagnostics();
    const text = decodeText("a.yaml", new Uint8Array([0xef, 0xbb, 0xbf, ...enc("ten: Vie\u0302\u0323t\r\nb: 1\r\n")]), d);
    expect(text).toBe("ten: Việt\nb: 1\n");
    expect(d.items).toEqual([]);
  });
  it("refuses UTF-16 with a located error", () => {
    const d = new Diagnostics();
    expect(decodeText("a.yaml", new Uint8Array([0xff, 0xfe, 0x61, 0x00]), d)).toBeUndefined();
    expect(d.items.map((x) => x.code)).toEqual(["file/utf16"]);
  });
  it("names the line and column of the first byte that is not UTF-8", () => {
    const d = new Diagnostics();
    expect(decodeText("a.yaml", new Uint8Array([...enc("a: 1\nb: "), 0xc0, 0x41]), d)).toBeUndefined();
    expect(d.items[0]).toMatchObject({ code: "file/not-utf8", pos: { line: 2, column: 4 } });
  });
  it("names the encoding a non-UTF-8 file was saved in, with a line read in it: Windows-1258, TCVN3", () => {
    const ascii = (t: string) => [...t].map((c) => c.charCodeAt(0));
    // "ten: Sở Y tế" in Windows-1258: ơ (F5) + hook above (D2), ê (EA) + acute (EC).
    const cp1258 = new Uint8Array([...ascii("ma: so-y-te\nten: S"), 0xf5, 0xd2, ...ascii(" Y t"), 0xea, 0xec, 0x0a]);
    const d = new Diagnostics();
    expect(decodeText("a.yaml", cp1258, d)).toBeUndefined();
    expect(d.items[0]).toMatchObject({ code: "file/not-utf8", pos: { line: 2 }, params: { encoding: "Windows-1258", sample: "ten: Sở Y tế" } });
    expect(formatDiagnostic(d.items[0]!, "vi")).toMatch(/bảng mã Windows-1258 .*“ten: Sở Y tế”.*Reopen with Encoding/su);
    // "ten: Céng hßa" as TCVN3 bytes in a Windows-1252 file: "Cộng hòa".
    const tcvn3 = new Uint8Array([...ascii("ten: C"), 0xe9, ...ascii("ng h"), 0xdf, ...ascii("a x\u00e3 h\u00e9i\n")]);
    const t = new Diagnostics();
    expect(decodeText("a.yaml", tcvn3, t)).toBeUndefined();
    expect(t.items[0]?.params).toMatchObject({ encoding: "TCVN3" });
    expect(String(t.items[0]?.params.sample)).toContain("Cộng hòa");
  });
  it("refuses binary data", () => {
    const d = new Diagnostics();
    expect(decodeText("a.yaml", new Uint8Array([0x61, 0x00, 0x62]), d)).toBeUndefined();
    expect(d.items.map((x) => x.code)).toEqual(["file/binary"]);
  });
});

describe("parseYamlSource", () => {
  it("locates nested values, keys and missing paths at the nearest ancestor", () => {
    const src = parseYamlSource("x.yaml", "a:\n  b: [1, 2]\n  c: x\n", new Diagnostics());
    expect(src.locate(["a", "b", 1])).toMatchObject({ line: 2, column: 10 });
    expect(src.locate(["a", "c"], "key")).toMatchObject({ line: 3, column: 3 });
    expect(src.locate(["a", "zz"])).toMatchObject({ line: 2, column: 3 });
  });
  it("bounds alias expansion", () => {
    const d = new Diagnostics();
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill("*" + String.fromCharCode(97 + i)).join(", ")}]`)].join("\n");
    const src = parseYamlSource("bomb.yaml", bomb, d);
    expect(src.value).toBeUndefined();
    expect(d.items.map((x) => x.code)).toEqual(["yaml/alias-limit"]);
  });
  it("keeps __proto__ as a plain key without polluting prototypes", () => {
    const src = parseYamlSource("p.yaml", "__proto__: { polluted: 1 }\n", new Diagnostics());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(src.value as object)).toEqual(["__proto__"]);
  });
});

describe("parseMarkdownSource", () => {
  it("counts front matter lines from the first line of the file", () => {
    const d = new Diagnostics();
    const md = parseMarkdownSource("k.md", "---\nso: 1\nngay: x\n---\nBody line\n", d);
    expect(md.frontMatter.locate(["ngay"])).toMatchObject({ line: 3, column: 7 });
    expect(md.body).toBe("Body line\n");
    expect(md.bodyLine).toBe(5);
  });
  it("reports unclosed front matter", () => {
    const d = new Diagnostics();
    parseMarkdownSource("k.md", "---\nso: 1\nBody\n", d);
    expect(d.items.map((x) => x.code)).toEqual(["markdown/unclosed-front-matter"]);
  });
});
