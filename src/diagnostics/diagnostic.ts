/** Diagnostics are data: collected through a run, printed at the end. */
import type { Code } from "./catalogue.ts";

export type { Code } from "./catalogue.ts";
export type Severity = "error" | "warning";
export type Lang = "vi" | "en";

export interface SourcePos {
  /** POSIX path relative to the project root. */
  file: string;
  /** 1-based line and column. */
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export type Params = Record<string, string | number>;

export interface Diagnostic {
  /** Stable code from the catalogue, e.g. "yaml/duplicate-key". */
  code: Code;
  severity: Severity;
  pos: SourcePos;
  params: Params;
}

/** A diagnostic of its own (its place and parameters copied): for what a process keeps and says again in each run. */
export function copyOf(d: Diagnostic): Diagnostic {
  return { code: d.code, severity: d.severity, pos: { ...d.pos }, params: { ...d.params } };
}

export class Diagnostics {
  readonly items: Diagnostic[] = [];
  add(d: Diagnostic): void {
    this.items.push(d);
  }
  /** Says again what was said before and kept (a copy of each, in order). */
  repeat(said: readonly Diagnostic[]): void {
    for (const d of said) this.items.push(copyOf(d));
  }
  error(code: Code, pos: SourcePos, params: Params = {}): void {
    this.items.push({ code, severity: "error", pos, params });
  }
  warning(code: Code, pos: SourcePos, params: Params = {}): void {
    this.items.push({ code, severity: "warning", pos, params });
  }
  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }
  /** Sorted by file, line, column, code, without repeats: stable output for people and tests. */
  sorted(): Diagnostic[] {
    const seen = new Set<string>();
    const unique = this.items.filter((d) => {
      const key = JSON.stringify([d.code, d.severity, d.pos, d.params]);
      return seen.has(key) ? false : (seen.add(key), true);
    });
    return unique.sort(
      (a, b) =>
        cmp(a.pos.file, b.pos.file) ||
        a.pos.line - b.pos.line ||
        a.pos.column - b.pos.column ||
        cmp(a.code, b.code),
    );
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
