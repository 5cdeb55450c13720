/**
 * new-year says which copied căn cứ lines cite a legal document that ends before or during the
 * new year (khoi.yaml's van_ban_phap_ly), at the line of the new plan to look at.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { newYear } from "../../src/year/new-year.ts";
import { exampleWorld } from "../helpers/example.ts";

describe("new-year and the legal bases", () => {
  it("warns at each copied line citing a document that ends by the end of the new year, not at one that runs on", async () => {
    const plan = readFileSync("data/2020/ke-hoach.md", "utf8").replace(
      /^trich_yeu: .*$/m,
      "$&\ncan_cu:\n  - Căn cứ Nghị định số 152/2025/NĐ-CP của Chính phủ\n  - Căn cứ Nghị định số 98/2023/NĐ-CP của Chính phủ",
    );
    const world = exampleWorld({
      "data/khoi.yaml": readFileSync("data/khoi.yaml", "utf8") + "van_ban_phap_ly:\n  - so_hieu: 152/2025/NĐ-CP\n    het_hieu_luc: 2021-03-01\n  - so_hieu: 98/2023/NĐ-CP\n    het_hieu_luc: 2030-01-01\n",
      "data/2020/ke-hoach.md": plan,
    });
    const { diagnostics } = await newYear(world, "data", 2021);
    const said = diagnostics.filter((d) => d.code === "new-year/basis-ending");
    expect(said.map((d) => formatDiagnostic(d, "vi").split("\n")[0])).toEqual([
      expect.stringMatching(/^data\/2021\/ke-hoach\.md:\d+:1: cảnh báo \[new-year\/basis-ending\] Dòng căn cứ chép từ năm trước dẫn 152\/2025\/NĐ-CP, văn bản này hết hiệu lực từ ngày 1\/3\/2021: cần xem lại cho năm 2021$/),
    ]);
    const made = new TextDecoder().decode(world.files.get("data/2021/ke-hoach.md")!).split("\n");
    expect(made[said[0]!.pos.line - 1]).toContain("152/2025/NĐ-CP");
  });
});
