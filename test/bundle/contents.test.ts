/** What goes into the bundle, in which order, under which bookmark; and the manifest's checks of a year output. */
import { describe, expect, it } from "vitest";
import { bookmarkTitle } from "../../src/bundle/contents.ts";
import type { ComposedDocument } from "../../src/compose/compose-all.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import type { Manifest } from "../../src/write/manifest.ts";
import { sanitizeManifest } from "../../src/write/owned-files.ts";
import { ownedYearOutput } from "../../src/write/year-output-paths.ts";

const doc = (title: string, number: string) => ({ year: 2020, source: "x", doc: { stem: "ke-hoach", meta: { title }, header: { number } } }) as unknown as ComposedDocument;

describe("the bundle's contents", () => {
  it("the registry lists the types in the workflow's order (workflow.md), which the bundle follows", () => {
    // Plan, registrations, mid-year review, invitation, year-end report, minutes, proposal; a type added keeps them in this order.
    const WORKFLOW = ["ke-hoach", "dang-ky", "so-ket", "giay-moi", "tong-ket", "bien-ban", "to-trinh"];
    expect(DOC_TYPES.map((t) => t.id).filter((id) => WORKFLOW.includes(id))).toEqual(WORKFLOW);
  });

  it("puts the number after the title, and leaves out a number line left blank", () => {
    expect(bookmarkTitle(doc("Kế hoạch: Tổ chức", "Số: 01/KH-K8"))).toBe("Kế hoạch: Tổ chức (Số: 01/KH-K8)");
    expect(bookmarkTitle(doc("Kế hoạch: Tổ chức", "Số:      /KH-K8"))).toBe("Kế hoạch: Tổ chức");
  });

  it("owns out/<year>/ho-so-thi-dua-<year>.pdf only, and drops any other path a manifest names", () => {
    expect(ownedYearOutput("out", "2020/ho-so")).toBe("out/2020/ho-so-thi-dua-2020.pdf");
    expect(ownedYearOutput("out", "2020/../x")).toBeUndefined();
    expect(ownedYearOutput("out", "2020/khac")).toBeUndefined();
    const entry = (outputs: Record<string, string>) => ({ key: "2020/ho-so", content: "c", inputs: {}, outputs, tool: "t" });
    const m: Manifest = { version: 1, tool: "t", fonts: "f", shell: "s", documents: {}, yearOutputs: { "2020/ho-so": entry({ "out/2020/ho-so-thi-dua-2020.pdf": "h", "data/khoi.yaml": "h" }), "../x": { ...entry({}), key: "../x" } } };
    const diags = new Diagnostics();
    const clean = sanitizeManifest(m, "out", "out/.manifest.json", diags);
    expect(clean?.yearOutputs).toEqual({ "2020/ho-so": entry({ "out/2020/ho-so-thi-dua-2020.pdf": "h" }) });
    expect(diags.sorted().map((d) => [d.code, d.params.path])).toEqual([
      ["manifest/foreign-path", "data/khoi.yaml"],
      ["manifest/foreign-path", "../x"],
    ]);
  });
});
