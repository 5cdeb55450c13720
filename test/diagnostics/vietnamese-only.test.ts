/**
 * No English inside a Vietnamese message: every code of the catalogue, its message and its hint,
 * holds no English word and no parameter that carries a library's English text ({detail} and the
 * like stay in the English message), once the quoted parts (“…”, `…`), file names, option names
 * and codes are set aside.
 */
import { describe, expect, it } from "vitest";
import { CATALOGUE } from "../../src/diagnostics/catalogue.ts";

const ENGLISH = /\b(the|is|are|not|with|from|this|that|must|should|cannot|error|file|value|line|missing|invalid|found|expected|unknown|allowed|needs?|has|have|of|to|and|or|for|in|on|at|by|be|was|it|implicit|mapping|token|scalar|indentation)\b/iu;
/** Parameters whose text is English when it comes from a library; those localised where they are made are listed apart. */
const ENGLISH_PARAMS = /\{(detail|message|reason)\}/u;
/** Codes whose {detail} is made in the reader's language by the command itself (sign's usage errors). */
const LOCALISED_DETAIL = new Set(["sign/usage"]);

describe("the Vietnamese messages", () => {
  it("hold no English word and no English-bearing parameter", () => {
    const found: string[] = [];
    for (const [code, e] of Object.entries(CATALOGUE as Record<string, { vi: string; hintVi?: string }>)) {
      for (const text of [e.vi, e.hintVi]) {
        if (!text) continue;
        if (ENGLISH_PARAMS.test(text) && !LOCALISED_DETAIL.has(code)) found.push(`${code}: ${text}`);
        const bare = text
          .replace(/\{[^}]*\}/gu, "")
          .replace(/“[^”]*”|`[^`]*`/gu, "")
          .replace(/--[\w-]+/gu, "")
          .replace(/\b[\w-]+\/[\w-]+\b/gu, "")
          .replace(/\b[\w./-]+\.(yaml|md|docx|pdf|xlsx|json|p12|pfx|ts)\b/gu, "");
        const m = ENGLISH.exec(bare);
        if (m) found.push(`${code}: “${m[0]}” in ${text}`);
      }
    }
    expect(found).toEqual([]);
  });
});
