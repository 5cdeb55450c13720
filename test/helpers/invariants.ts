import { expect } from "vitest";
import { CATALOGUE, type Entry } from "../../src/diagnostics/catalogue.ts";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";

/** Placeholders a catalogue entry fills, beyond its params ({kindVi} and {kindEn} come from {kind}, {expectedVi}... from {expected} and {got}). */
const DERIVED = new Set(["kindVi", "kindEn", "expectedVi", "expectedEn", "gotVi", "gotEn"]);

/**
 * What every diagnostic must be, whatever the input: a known code, a file of
 * the project, a 1-based line and column, and every placeholder of its
 * messages (vi and en) given; its formatted text names the file and has no
 * stack trace.
 */
export function expectLocated(diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    const where = `${d.code} at ${JSON.stringify(d.pos)}`;
    const entry: Entry | undefined = CATALOGUE[d.code];
    expect(entry, `unknown code ${where}`).toBeDefined();
    expect(d.pos.file, where).toMatch(/^(data|templates|out)\/[^\s]+$/);
    expect(Number.isInteger(d.pos.line) && d.pos.line >= 1, `line of ${where}`).toBe(true);
    expect(Number.isInteger(d.pos.column) && d.pos.column >= 1, `column of ${where}`).toBe(true);
    for (const text of [entry!.vi, entry!.en, entry!.hintVi ?? "", entry!.hintEn ?? ""]) {
      for (const [, name] of text.matchAll(/\{(\w+)\}/g)) {
        if (DERIVED.has(name!)) continue;
        expect(d.params[name!], `param {${name}} of ${where}`).toBeDefined();
      }
    }
    for (const lang of ["vi", "en"] as const) {
      const text = formatDiagnostic(d, lang);
      expect(text.startsWith(`${d.pos.file}:${d.pos.line}:${d.pos.column}: `)).toBe(true);
      expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);
    }
  }
}

export const errorsOf = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((d) => d.severity === "error");
