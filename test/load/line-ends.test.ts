import { describe, expect, it } from "vitest";
import { editableText, inShape, inStyle, toLf } from "../../src/load/line-ends.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("a text file's shape", () => {
  it("is read as LF text, its BOM and most used line end kept aside", () => {
    expect(editableText(bytes("\ufeffa: 1\r\nb: 2\r\n"))).toMatchObject({ text: "a: 1\nb: 2\n", shape: { bom: true, eol: "\r\n" } });
    expect(editableText(bytes("a: 1\rb: 2\r"))).toMatchObject({ text: "a: 1\nb: 2\n", shape: { bom: false, eol: "\r" } });
    expect(editableText(bytes("a: 1\nb: 2\r\nc: 3\r\n"))).toMatchObject({ text: "a: 1\nb: 2\nc: 3\n", shape: { eol: "\r\n" } });
    expect(editableText(bytes("a: 1"))).toMatchObject({ text: "a: 1", shape: { bom: false, eol: "\n" } });
    expect(toLf("a\r\rb\r\n")).toBe("a\n\nb\n");
  });

  it("is put back on an edited text: lines changed, added or removed take the file's line end, the others keep theirs", () => {
    const shape = (s: string) => editableText(bytes(s)).shape;
    expect(inShape("a: 1\nb: 3\n", shape("a: 1\rb: 2\r"))).toBe("a: 1\rb: 3\r");
    expect(inShape("a: 1\nb: 2\nc: 3\n", shape("\ufeffa: 1\r\nb: 2\r\n"))).toBe("\ufeffa: 1\r\nb: 2\r\nc: 3\r\n");
    expect(inShape("a: 1\n", shape("a: 1\r\nb: 2\r\n"))).toBe("a: 1\r\n");
    // Mixed: the first line's LF and the last line's CR are kept, the changed line takes the most used (CRLF).
    expect(inShape("a: 1\nb: 9\nc: 3\nd: 4\n", shape("a: 1\nb: 2\r\nc: 3\r\nd: 4\r"))).toBe("a: 1\nb: 9\r\nc: 3\r\nd: 4\r");
    // A last line without a line end, then one added after it.
    expect(inShape("a: 1\nb: 2", shape("a: 1\r\nb: 1"))).toBe("a: 1\r\nb: 2");
    expect(inShape("a: 1\nb: 2\n", shape("a: 1\r\n"))).toBe("a: 1\r\nb: 2\r\n");
    expect(inShape("x: 1\n", undefined)).toBe("x: 1\n");
    expect(inStyle("a\nb\n", { bom: true, eol: "\r" })).toBe("\ufeffa\rb\r");
  });
});
