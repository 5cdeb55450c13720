/** The suite's byte equality (test/helpers/bytes-equality.ts): the same verdicts as Vitest's own, reached by comparing bytes. */
import { describe, expect, it } from "vitest";
import { sameBytes } from "../helpers/bytes-equality.ts";

describe("byte arrays compared as bytes", () => {
  const pdf = Buffer.from("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n", "latin1");

  it("equal when the bytes are, whole or as views", () => {
    expect(Buffer.from(pdf)).toEqual(Buffer.from(pdf));
    const big = new Uint8Array(64 + pdf.length);
    big.set(pdf, 64);
    expect(big.subarray(64)).toEqual(new Uint8Array(pdf));
    expect({ files: new Map([["a.pdf", Buffer.from(pdf)]]) }).toEqual({ files: new Map([["a.pdf", Buffer.from(pdf)]]) });
  });

  it("unequal on one byte or one length, said the same way", () => {
    const other = Buffer.from(pdf);
    other[pdf.length - 2] = other[pdf.length - 2]! ^ 1;
    expect(other).not.toEqual(pdf);
    expect(pdf.subarray(1)).not.toEqual(pdf);
    expect(() => expect(other).toEqual(pdf)).toThrow(/deeply equal/);
  });

  it("leaves arrays of different kinds to Vitest's own rules", () => {
    expect(sameBytes(Buffer.from(pdf), new Uint8Array(pdf))).toBeUndefined();
    expect(sameBytes(Buffer.from(pdf), [...pdf])).toBeUndefined();
    expect(Buffer.from(pdf)).not.toEqual(new Uint8Array(pdf));
  });

  it("is the rule the suite's toEqual follows (an own property beside the bytes does not count)", () => {
    const marked = Object.assign(Buffer.from(pdf), { note: "đã ký" });
    expect(marked).toEqual(Buffer.from(pdf));
  });
});
