/**
 * A template's front matter is obeyed the same for every type: its tieu_de (trích yếu) and
 * kinh_gui are used when the data does not say them, the data's win when it does, and a key the
 * type does not use (Kính gửi of a plan or of minutes) is an error naming it, at the key.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import type { AdminDocument } from "../../src/document/model.ts";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

const read = (path: string) => readFileSync(`${REPO}${path}`, "utf8");

async function check(files: Record<string, string>): Promise<{ docs: Map<string, AdminDocument>; errors: Diagnostic[] }> {
  const checked = await checkProject(exampleWorld(files));
  return { docs: new Map(checked.documents.map(({ doc }) => [doc.stem, doc])), errors: checked.diagnostics.filter((d) => d.severity === "error") };
}

/** The file with the front matter lines starting with `key:` (and their indented items) removed. */
function without(text: string, ...keys: string[]): string {
  const out: string[] = [];
  let skipping = false;
  for (const line of text.split("\n")) {
    if (keys.some((k) => line.startsWith(`${k}:`))) skipping = true;
    else if (skipping && !/^\s+-|^\s+\S/.test(line)) skipping = false;
    if (!skipping) out.push(line);
  }
  return out.join("\n");
}

/** The template with `lines` added after its `loai:` line. */
function withFront(template: string, lines: string): string {
  return template.replace(/^(loai: .*\n)/m, `$1${lines}`);
}

const data = {
  "to-trinh": read("data/2020/to-trinh.md"),
  "so-ket": read("data/2020/so-ket.md"),
  "giay-moi": read("data/2020/giay-moi.md"),
};
const templates = {
  "to-trinh": read("templates/to-trinh.md"),
  "bao-cao-so-ket": read("templates/bao-cao-so-ket.md"),
  "ke-hoach": read("templates/ke-hoach.md"),
  "bien-ban-binh-bau": read("templates/bien-ban-binh-bau.md"),
};
const TEMPLATE_FRONT = 'tieu_de: "Đề nghị khen thưởng năm {{nam}} của {{khoi.ten_ngan}}"\nkinh_gui: ["Ủy ban nhân dân tỉnh"]\n';

describe("the template's tieu_de and kinh_gui, for the types built through the bloc's document", () => {
  it("are used when the data does not say them (the proposal)", async () => {
    const { docs, errors } = await check({
      "data/2020/to-trinh.md": without(data["to-trinh"], "trich_yeu", "kinh_gui"),
      "templates/to-trinh.md": withFront(templates["to-trinh"], TEMPLATE_FRONT),
    });
    expect(errors.map((e) => formatDiagnostic(e, "vi"))).toEqual([]);
    const doc = docs.get("to-trinh")!;
    expect(doc.title?.summary).toEqual(["Đề nghị khen thưởng năm 2020 của Khối 8"]);
    expect(doc.kinhGui).toEqual(["Ủy ban nhân dân tỉnh"]);
    expect(doc.meta.subject).toBe("Đề nghị khen thưởng năm 2020 của Khối 8");
  });

  it("give way to the data's", async () => {
    const { docs, errors } = await check({ "templates/to-trinh.md": withFront(templates["to-trinh"], TEMPLATE_FRONT) });
    expect(errors).toEqual([]);
    const doc = docs.get("to-trinh")!;
    expect(doc.title?.summary[0]).toMatch(/^Đề nghị tặng Cờ thi đua/u);
    expect(doc.kinhGui).toEqual(["Hội đồng Thi đua, Khen thưởng tỉnh Trà Vinh"]);
  });

  it("reach the report and the invitation the same way", async () => {
    const { docs, errors } = await check({
      "data/2020/so-ket.md": without(data["so-ket"], "trich_yeu", "kinh_gui"),
      "templates/bao-cao-so-ket.md": withFront(templates["bao-cao-so-ket"], 'tieu_de: "Sơ kết 6 tháng năm {{nam}}"\nkinh_gui: ["Hội đồng Thi đua, Khen thưởng tỉnh"]\n'),
      "data/2020/giay-moi.md": without(data["giay-moi"], "trich_yeu"),
      "templates/giay-moi.md": withFront(read("templates/giay-moi.md"), 'tieu_de: "Họp tổng kết năm {{nam}}"\n'),
    });
    expect(errors.map((e) => formatDiagnostic(e, "vi"))).toEqual([]);
    expect(docs.get("bao-cao-so-ket")!.title?.summary).toEqual(["Sơ kết 6 tháng năm 2020"]);
    expect(docs.get("bao-cao-so-ket")!.kinhGui).toEqual(["Hội đồng Thi đua, Khen thưởng tỉnh"]);
    expect(docs.get("giay-moi")!.title?.summary).toEqual(["Họp tổng kết năm 2020"]);
  });
});

describe("a part no one gives, a key no one uses", () => {
  it("a trích yếu neither the data nor the template gives is an error on the data file", async () => {
    const { docs, errors } = await check({ "data/2020/so-ket.md": without(data["so-ket"], "trich_yeu") });
    expect(docs.has("bao-cao-so-ket")).toBe(false);
    expect(errors.map((e) => [e.code, e.pos.file])).toEqual([["document/missing-part", "data/2020/so-ket.md"]]);
    expect(formatDiagnostic(errors[0]!, "vi")).toMatch(/thiếu trich_yeu.*tieu_de trong mẫu templates\/bao-cao-so-ket\.md/su);
  });

  it("a proposal without a Kính gửi from either is an error", async () => {
    const { errors } = await check({ "data/2020/to-trinh.md": without(data["to-trinh"], "kinh_gui") });
    expect(errors.map((e) => [e.code, e.pos.file])).toEqual([["document/missing-part", "data/2020/to-trinh.md"]]);
  });

  it("a Kính gửi in the plan's or the minutes' template is an error naming the key, at its line", async () => {
    const plan = withFront(templates["ke-hoach"], 'kinh_gui: ["Các đơn vị"]\n');
    const minutes = withFront(templates["bien-ban-binh-bau"], 'kinh_gui: ["Các đơn vị"]\n');
    const { errors } = await check({ "templates/ke-hoach.md": plan, "templates/bien-ban-binh-bau.md": minutes });
    const line = (text: string) => text.split("\n").indexOf('kinh_gui: ["Các đơn vị"]') + 1;
    expect(errors.map((e) => [e.code, e.pos.file, e.pos.line]).sort()).toEqual(
      [
        ["template/unused-key", "templates/bien-ban-binh-bau.md", line(minutes)],
        ["template/unused-key", "templates/ke-hoach.md", line(plan)],
      ].sort(),
    );
    expect(formatDiagnostic(errors[0]!, "vi")).toMatch(/“kinh_gui”/u);
    expect(formatDiagnostic(errors[0]!, "en")).toMatch(/does not use/u);
  });

  it("every type's template in the example uses only keys its type obeys", async () => {
    const { errors } = await check({});
    expect(errors).toEqual([]);
    expect(DOC_TYPES.length).toBeGreaterThan(0);
  });
});
