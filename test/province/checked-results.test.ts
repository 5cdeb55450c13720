/**
 * The results files checked before (src/province/checked-results.ts): a file whose bytes were
 * checked against the schema by this tool is parsed without checking again, and recorded as
 * passed; a file whose bytes changed is checked again (an error if it no longer fits), and is not
 * recorded; the province and year are checked every time; another tool's list is not believed.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import { CHECKED_FILE, readChecked, saveChecked } from "../../src/province/checked-results.ts";
import { gatherResults } from "../../src/province/received.ts";
import { sha256 } from "../../src/write/hash.ts";

const k8 = readFileSync("out/2020/ket-qua-2020.json");
const FILE = "ket-qua/2020/k8.json";
const settings = { tinh: "Trà Vinh", nam: 2020 };
/** The same results with a field the schema refuses (a score as text). */
const broken = new TextEncoder().encode(new TextDecoder().decode(k8).replace(/"tong": ([0-9.]+)/, '"tong": "$1"'));

async function gather(bytes: Uint8Array, known: string[], tool = "t1", s = settings) {
  const world = memoryWorld({ [FILE]: bytes, [CHECKED_FILE]: JSON.stringify({ tool: "t1", hashes: known }) });
  const checked = await readChecked(world, tool);
  const diags = new Diagnostics();
  const got = await gatherResults(world, [], { ...s, khoi: [] } as never, diags, checked);
  await saveChecked(world, tool, checked);
  const saved = JSON.parse(new TextDecoder().decode(world.files.get(CHECKED_FILE)!)) as { hashes: string[] };
  return { ids: got.map((b) => b.id), codes: diags.items.map((d) => d.code), saved: saved.hashes };
}

describe("results files checked before", () => {
  it("are checked once, by their bytes", async () => {
    expect(broken).not.toEqual(k8);
    // Never seen: checked, and recorded.
    expect(await gather(k8, [])).toEqual({ ids: ["k8"], codes: [], saved: [sha256(k8)] });
    // Changed since (other bytes): checked again, refused, and not recorded.
    expect(await gather(broken, [sha256(k8)])).toEqual({ ids: [], codes: ["tinh/results-schema"], saved: [] });
    // The same bytes as a file checked: taken as checked (the list is the tool's own, in out/.cache).
    expect((await gather(broken, [sha256(broken)])).codes).toEqual([]);
    // Another tool's list is not believed.
    expect((await gather(broken, [sha256(broken)], "t2")).codes).toEqual(["tinh/results-schema"]);
    // The province and the year are checked every time.
    expect((await gather(k8, [sha256(k8)], "t1", { tinh: "Sóc Trăng", nam: 2020 })).codes).toEqual(["tinh/other-province"]);
  });
});
