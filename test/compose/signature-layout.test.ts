/** The template's chu_ky field (single, pair) is the signature layout of its documents, checked against the type's signers. */
import { describe, expect, it } from "vitest";
import { checkProject } from "../../src/pipeline.ts";
import { exampleWorld } from "../helpers/example.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("the template's chu_ky drives the signature layout", () => {
  const withTemplate = (name: string, edit: (s: string) => string) => {
    const world = exampleWorld();
    const path = `templates/${name}.md`;
    world.files.set(path, enc(edit(text(world.files.get(path)!))));
    return world;
  };

  it("gives the minutes the pair layout and the others the single layout, as their templates say", async () => {
    const r = await checkProject(exampleWorld());
    const layout = Object.fromEntries(r.documents.map((d) => [d.doc.stem, `${d.doc.signatureLayout}:${d.doc.signatures.map((s) => s.role).join(",")}`]));
    expect(layout["bien-ban-binh-bau"]).toBe("pair:secretary,chair");
    expect(layout["ke-hoach"]).toBe("single:signer");
    expect(layout["dang-ky-so-y-te"]).toBe("single:signer");
  });

  it("is an error on the template when its layout does not hold the type's signers", async () => {
    const r = await checkProject(withTemplate("bien-ban-binh-bau", (s) => s.replace("chu_ky: pair", "chu_ky: single")));
    const errs = r.diagnostics.filter((d) => d.severity === "error");
    expect(errs.map((d) => `${d.pos.file}:${d.pos.line} ${d.code}`)).toEqual(["templates/bien-ban-binh-bau.md:6 template/signature-count"]);
    expect(errs[0]!.params).toMatchObject({ layout: "single", want: 1, count: 2, type: "bien-ban", data: "data/2020/bien-ban.md" });
    expect(r.documents.map((d) => d.doc.stem)).not.toContain("bien-ban-binh-bau");
  });

  it("a single-signer type under a pair template is refused the same way", async () => {
    const r = await checkProject(withTemplate("ke-hoach", (s) => s.replace("chu_ky: single", "chu_ky: pair")));
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.pos.file} ${d.code} ${d.params.count}/${d.params.want}`)).toEqual([
      "templates/ke-hoach.md template/signature-count 1/2",
    ]);
  });
});
