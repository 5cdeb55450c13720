/**
 * `--help` tells the truth: every command is listed (sign and textconv too), the schema goes to
 * data/.schema/, every option the parser takes is there, and `<command> --help` gives that
 * command's own options, in Vietnamese and in English.
 */
import { describe, expect, it } from "vitest";
import { helpText, parseArgs } from "../../src/cli/args.ts";
import { cliInProcess } from "../helpers/cli-in-process.ts";

const COMMANDS = ["build-docs", "validate", "schema", "new-year", "forms", "import", "sign", "textconv"];

describe("the help", () => {
  it("lists every command, in both languages, and names where the schema goes", () => {
    for (const lang of ["vi", "en"] as const) {
      const text = helpText(lang);
      for (const c of COMMANDS) expect(text, `${lang}: ${c}`).toMatch(new RegExp(`^  (npm run|khoi-thi-dua) ${c}\\b`, "mu"));
      expect(text).toContain("data/.schema/");
      expect(text).not.toMatch(/ schema\/$/mu);
    }
  });

  it("lists every option the command line takes", () => {
    const text = helpText("vi");
    for (const opt of ["--check", "--watch", "--only", "--replace-signed", "--replace-edited", "--year", "--unit", "--stage", "--khoi-cham", "--xac-nhan-don-vi", "--data", "--out", "--root", "--pdf-fonts", "--lang", "--verbose", "--help"]) {
      expect(text, opt).toContain(opt);
      // Taken by the parser (no "unknown option").
      const withValue = ["--check", "--watch", "--replace-signed", "--replace-edited", "--khoi-cham", "--verbose", "--help"].includes(opt) ? [opt] : [opt, opt === "--lang" ? "en" : opt === "--year" ? "2020" : opt === "--stage" ? "so-ket" : opt === "--pdf-fonts" ? "auto" : "so-y-te"];
      expect(parseArgs(["build", ...withValue]).errors.filter((e) => e.startsWith("unknown option")), opt).toEqual([]);
    }
  });

  it("<command> --help gives that command's options only", async () => {
    const forms = await cliInProcess(["forms", "--help"]);
    expect(forms.code).toBe(0);
    expect(forms.out).toMatch(/^khoi-thi-dua forms: /u);
    expect(forms.out).toContain("--stage");
    expect(forms.out).not.toContain("--replace-signed");
    const build = await cliInProcess(["build", "--help", "--lang", "en"]);
    expect(build.out).toMatch(/^khoi-thi-dua build: build every document/u);
    expect(build.out).toContain("--replace-signed");
    expect(build.out).not.toContain("--stage");
    // A command's help is its own, whatever else the line says (no "needs a year" for new-year).
    const newYear = await cliInProcess(["new-year", "--help"]);
    expect(newYear.code).toBe(0);
    expect(newYear.out).toContain("npm run new-year -- <năm>");
  });
});
