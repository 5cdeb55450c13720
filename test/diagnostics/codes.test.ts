/**
 * Diagnostic codes are the catalogue's keys: a code without a message is a type error
 * (checked by `npx tsc --noEmit`, which covers test/), and every code has its four texts.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE, isCode, messageOf, type Code } from "../../src/diagnostics/catalogue.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";

describe("diagnostic codes", () => {
  it("are keys of the catalogue: an unknown code does not compile", () => {
    const diags = new Diagnostics();
    const at = { file: "data/khoi.yaml", line: 1, column: 1 };
    // @ts-expect-error "no/such-code" is not a key of CATALOGUE
    diags.error("no/such-code", at);
    // @ts-expect-error nor for a warning
    diags.warning("file/typo", at);
    const known: Code = "file/missing";
    diags.error(known, at, { what: "x" });
    expect(diags.items.map((d) => d.code)).toEqual(["no/such-code", "file/typo", "file/missing"]);
  });

  it("tell a known code from any string, and each has its message in both languages", () => {
    expect(isCode("file/missing")).toBe(true);
    expect(isCode("no/such-code")).toBe(false);
    expect(isCode("constructor")).toBe(false);
    for (const code of Object.keys(CATALOGUE)) {
      expect(isCode(code)).toBe(true);
      expect(messageOf(code, {}, "vi").message.length).toBeGreaterThan(0);
      expect(messageOf(code, {}, "en").message.length).toBeGreaterThan(0);
    }
  });
});
