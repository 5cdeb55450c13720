/** The tool's identity in the manifest (src/cli/tool-version.ts): the sources' hash, taken once per process for the code it loaded. */
import { describe, expect, it } from "vitest";
import { sourceIdentity, toolVersion } from "../../src/cli/tool-version.ts";
import { sourceIdentity as hashedNow } from "../../bin/source-hash.js";
import { REPO } from "../helpers/fixture-world.ts";

describe("the tool's identity", () => {
  it("is the sources' hash as bin/source-hash.js takes it, with the zlib version", () => {
    expect(sourceIdentity()).toBe(hashedNow(REPO).tool);
    expect(toolVersion()).toBe(`${hashedNow(REPO).tool} zlib ${process.versions.zlib}`);
  });

  it("is taken once per process: asking again hashes no source file", () => {
    sourceIdentity();
    const start = performance.now();
    for (let i = 0; i < 200; i++) sourceIdentity();
    // Hashing the sources takes 20–40 ms each time: 200 hashes would take seconds.
    expect(performance.now() - start).toBeLessThan(200);
  });
});
