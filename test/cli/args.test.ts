/** The build's command line: every documented option parses; folder options are never empty. */
import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.ts";

describe("build options", () => {
  it("--replace-signed, as the hint of build/signed-output and the README give it", () => {
    const o = parseArgs(["build", "--only", "ke-hoach", "--replace-signed"]);
    expect(o.errors).toEqual([]);
    expect(o.replaceSigned).toBe(true);
    expect(o.only).toBe("ke-hoach");
  });

  it("a second -- (npm run forms -- --unit x -- --lang en) is passed over, not an unknown option", () => {
    const o = parseArgs(["forms", "--unit", "so-y-te", "--", "--lang", "en"]);
    expect(o.errors).toEqual([]);
    expect(o.lang).toBe("en");
    expect(o.unit).toBe("so-y-te");
  });

  it("an empty folder (an unset variable) is a usage error, not the file system's root", () => {
    for (const opt of ["--out", "--data", "--root"]) {
      expect(parseArgs(["build", opt, ""]).errors, opt).toEqual([`${opt} needs a folder, not an empty value`]);
      expect(parseArgs(["build", `${opt}=`]).errors, opt).toHaveLength(1);
    }
  });

  it("an empty --only is a usage error, not every document", () => {
    expect(parseArgs(["build", "--only", "", "--replace-signed"]).errors).toEqual(["--only needs a document or a unit id, not an empty value"]);
    expect(parseArgs(["build", "--only="]).errors).toHaveLength(1);
  });

  it("a trailing slash names the same folder", () => {
    expect(parseArgs(["build", "--out", "out/"]).outDir).toBe("out");
    expect(parseArgs(["build", "--data", "data//"]).dataDir).toBe("data");
    expect(parseArgs(["build", "--out", "/"]).outDir).toBe("/");
  });
});
