/**
 * The PDF lexer of our parts reader (src/pdf/parts/syntax.ts): whole numbers are added up as
 * they are read, and only when that gives what Number() gives; hex strings are decoded byte by
 * byte; names are unescaped only when they hold a #. Each value keeps where it starts and ends.
 */
import { describe, expect, it } from "vitest";
import { latin1, PdfLexer, SyntaxError } from "../../../src/pdf/parts/syntax.ts";

const lex = (text: string) => new PdfLexer(Buffer.from(text, "latin1"));
const value = (text: string) => lex(text).value();

describe("numbers and references", () => {
  it("reads whole numbers, signed and decimal numbers as Number() does", () => {
    for (const t of ["0", "007", "42", "123456789012345", "-3", "+5", ".5", "-.25", "12.75", "1e3"]) expect(value(`${t} `)).toEqual({ k: "number", s: 0, e: t.length, value: Number(t) });
  });

  it("reads a whole number too long to add up exactly as Number() reads it", () => {
    for (const t of ["12345678901234567", "823067313711158665689", "813478380169992648442515"]) expect(value(`${t}]`)).toMatchObject({ k: "number", value: Number(t), e: t.length });
  });

  it("takes a number followed by letters as one token", () => {
    expect(() => value("12abc ")).toThrow(SyntaxError);
    expect(() => value("12.5.0 ")).toThrow(/is not a number/);
  });

  it("reads `n g R` as a reference, and records where it is", () => {
    const l = lex("[1 0 R 12 5 R 3 4 5]");
    const v = l.value();
    expect(v.k === "array" && v.items.map((i) => i.k)).toEqual(["ref", "ref", "number", "number", "number"]);
    expect(l.takeRefs()).toEqual([
      { pos: 1, len: 5, n: 1, g: 0 },
      { pos: 7, len: 6, n: 12, g: 5 },
    ]);
  });

  it("reads a long whole number before R as the reference's number", () => {
    const v = value("823067313711158665689 0 R");
    expect(v).toMatchObject({ k: "ref", n: Number("823067313711158665689"), g: 0 });
  });
});

describe("strings and names", () => {
  it("decodes hex strings, white space inside, an odd last digit followed by 0", () => {
    expect(value("<48 65\n6c6C\t6f>")).toMatchObject({ k: "string", bytes: Uint8Array.from(Buffer.from("Hello")), e: 15 });
    expect(value("<feff0041>")).toMatchObject({ bytes: Uint8Array.from([0xfe, 0xff, 0x00, 0x41]) });
    expect(value("<abc>")).toMatchObject({ bytes: Uint8Array.from([0xab, 0xc0]) });
    expect(value("<>")).toMatchObject({ bytes: new Uint8Array(0) });
  });

  it("refuses a hex string with another character, or without its end", () => {
    expect(() => value("<4g>")).toThrow(/not a hex string at byte 4/);
    expect(() => value("<4142")).toThrow(/unterminated hex string/);
  });

  it("unescapes #xx in names only", () => {
    expect(value("/A#20B ")).toMatchObject({ k: "name", name: "A B" });
    expect(value("/Plain ")).toMatchObject({ k: "name", name: "Plain" });
  });

  it("reads bytes as Latin-1, short and long, and past the end as the loop always did", () => {
    const bytes = Uint8Array.from(Array.from({ length: 300 }, (_, i) => i % 256));
    expect(latin1(bytes, 10, 250)).toBe(String.fromCharCode(...bytes.subarray(10, 250)));
    expect(latin1(bytes, 295, 305)).toBe(String.fromCharCode(...bytes.subarray(295), 0, 0, 0, 0, 0));
  });
});
