/**
 * Issue 14 item 4: a member without a mid-year report is a warning naming the
 * unit and the file to write (the mid-year review says "Chưa báo cáo"), once
 * the year has a so-ket document; none for a ket-qua file that has errors
 * of its own (issue 15: no follow-on warnings).
 */
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";
import { fixtureWorld } from "../helpers/fixture-world.ts";

const dec = new TextDecoder();
const file = "data/2020/ket-qua/so-khcn.yaml";
const khcn = dec.decode(exampleWorld().files.get(file)!);
/** The file without its so_ket: section (the year-end part kept). */
const withoutMidYear = khcn.slice(0, khcn.indexOf("so_ket:")) + khcn.slice(khcn.indexOf("tong_ket:"));
const khoiLine = dec.decode(exampleWorld().files.get("data/khoi.yaml")!).split("\n").findIndex((l) => l.includes("ma: so-khcn")) + 1;
const noMidYear = (ds: Diagnostic[]) => ds.filter((d) => d.code === "results/no-mid-year");

describe("results/no-mid-year", () => {
  it("the example has none", async () => {
    const { diagnostics } = await checkProject(exampleWorld());
    expect(noMidYear(diagnostics)).toEqual([]);
  });

  it("a ket-qua file without so_ket: is a warning at the unit in khoi.yaml, naming the file, in both languages", async () => {
    const { diagnostics, documents } = await checkProject(exampleWorld({ [file]: withoutMidYear }));
    const found = noMidYear(diagnostics);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", pos: { file: "data/khoi.yaml", line: khoiLine } });
    expect(formatDiagnostic(found[0]!, "vi").replace(/^[^ ]+ /, "")).toBe(
      "cảnh báo [results/no-mid-year] Đơn vị so-khcn chưa có báo cáo sơ kết 6 tháng: báo cáo sơ kết của Khối sẽ ghi “Chưa báo cáo” cho đơn vị này\n    → Thêm phần so_ket: (ngay_gui, ket_qua) vào tệp data/2020/ket-qua/so-khcn.yaml (tạo tệp nếu chưa có).",
    );
    expect(formatDiagnostic(found[0]!, "en").replace(/^[^ ]+ /, "")).toBe(
      "warning [results/no-mid-year] Unit so-khcn has no mid-year report: the bloc's mid-year review will say “Chưa báo cáo” (not reported) for it\n    → Add a so_ket: section (ngay_gui, ket_qua) to data/2020/ket-qua/so-khcn.yaml (create the file if it does not exist).",
    );
    // not an error: the documents are still made
    expect(documents.length).toBeGreaterThan(0);
  });

  it("a unit with no ket-qua file at all is warned of too, with the file to create", async () => {
    const world = exampleWorld();
    world.files.delete(file);
    const found = noMidYear((await checkProject(world)).diagnostics);
    expect(found.map((d) => d.params)).toEqual([{ unit: "so-khcn", file }]);
  });

  it("no warning for a ket-qua file that has errors of its own", async () => {
    // so_ket is missing, but the file is invalid (an unknown field): its own error is enough
    const bad = withoutMidYear.replace("tong_ket:", "ghi_chu_la: x\ntong_ket:");
    const { diagnostics } = await checkProject(exampleWorld({ [file]: bad }));
    expect(diagnostics.filter((d) => d.severity === "error" && d.pos.file === file).length).toBeGreaterThan(0);
    expect(noMidYear(diagnostics)).toEqual([]);
    // nor for one that does not parse
    const broken = await checkProject(exampleWorld({ [file]: "tong_ket: [\n" }));
    expect(broken.diagnostics.some((d) => d.severity === "error" && d.pos.file === file)).toBe(true);
    expect(noMidYear(broken.diagnostics)).toEqual([]);
  });

  it("no warning in a year without a so-ket document (the mid-year deadline does not matter yet)", async () => {
    const world = exampleWorld({ [file]: withoutMidYear });
    world.files.delete("data/2020/so-ket.md");
    expect(noMidYear((await checkProject(world)).diagnostics)).toEqual([]);
    expect(noMidYear((await checkProject(fixtureWorld())).diagnostics)).toEqual([]);
  });
});
