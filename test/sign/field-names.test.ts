/** The field names: the documented table, the mapping from signature roles, and unique names when a role repeats. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { layoutDocument } from "../../src/pdf/layout/document.ts";
import { checkProject } from "../../src/pipeline.ts";
import { readShellStyle } from "../../src/render/docx/style.ts";
import { FIELD, signatureFieldName, uniqueFieldName } from "../../src/sign/field-names.ts";
import { exampleWorld } from "../helpers/example.ts";
import { REPO } from "../helpers/fixture-world.ts";

describe("signature field names", () => {
  it("are the documented ones (docs/ky-so.md)", () => {
    expect(FIELD).toEqual({ signer: "ky.nguoi-ky", secretary: "ky.thu-ky", chair: "ky.chu-toa", seal: "ky.co-quan", appendixSeal: "ky.co-quan-phu-luc" });
    const readme = readFileSync(join(REPO, "docs", "ky-so.md"), "utf8");
    for (const name of Object.values(FIELD)) expect(readme).toContain(`\`${name}\``);
  });

  it("come from the signature roles; another role gets ky.<role> in ASCII", () => {
    expect(signatureFieldName("signer")).toBe("ky.nguoi-ky");
    expect(signatureFieldName("secretary")).toBe("ky.thu-ky");
    expect(signatureFieldName("chair")).toBe("ky.chu-toa");
    expect(signatureFieldName("seal")).toBe("ky.seal");
    expect(signatureFieldName("Phó Khối trưởng")).toBe("ky.pho-khoi-truong");
    const taken = new Set<string>();
    expect([uniqueFieldName("ky.nguoi-ky", taken), uniqueFieldName("ky.nguoi-ky", taken), uniqueFieldName("ky.nguoi-ky", taken)]).toEqual(["ky.nguoi-ky", "ky.nguoi-ky-2", "ky.nguoi-ky-3"]);
  });

  it("stay unique in a document with two signers, each with the organisation's field", async () => {
    const checked = await checkProject(exampleWorld());
    const style = readShellStyle(new Uint8Array(readFileSync(join(REPO, "templates", "shell.docx"))));
    const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
    const doc = checked.documents.find((d) => d.doc.stem === "ke-hoach")!.doc;
    const two = { ...doc, signatures: [...doc.signatures, { ...doc.signatures[0]!, name: "Nguyễn Văn A" }] };
    const names = layoutDocument(two, style, fonts).pages.flatMap((p) => p.anchors.map((a) => a.name));
    expect(names).toEqual(["ky.nguoi-ky", "ky.co-quan", "ky.nguoi-ky-2", "ky.co-quan-2"]);
  });
});
