/**
 * A file a command rewrites keeps its permission bits: a unit's data file kept private
 * (0600) stays 0600 after `import`, and a PDF signed in place stays as it was (0640), on
 * the real file system. A new file gets the usual bits.
 */
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeForms } from "../../src/forms/make-forms.ts";
import { importForms } from "../../src/import/import-forms.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { runSign } from "../../src/sign/command.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { buildExample } from "../helpers/example.ts";
import { minimalWorld } from "../helpers/fixture-world.ts";
import { REPO } from "../helpers/fixture-world.ts";
import { openXmlBook } from "../helpers/xlsx-xml.ts";
import { testIdentity } from "../sign/identity.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-modes-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const mode = (p: string) => statSync(p).mode & 0o777;

describe("permission bits of a rewritten file", () => {
  it("import keeps a 0600 data file 0600", async () => {
    const dir = join(tmp, "import");
    cpSync(join(REPO, "data"), join(dir, "data"), { recursive: true });
    cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
    const made = await makeForms(nodeWorld(dir), { dataDir: "data", outDir: "out", unit: "so-y-te", stage: "tong-ket" });
    expect(made.written).toHaveLength(1);
    const book = openXmlBook(new Uint8Array(readFileSync(join(dir, made.written[0]!))));
    book.set("Tự chấm", `D${book.keys("Tự chấm").find((k) => k.key === "tc05")!.row}`, "9,5", "text");
    writeFileSync(join(tmp, "so-y-te-tong-ket.xlsx"), book.bytes());
    const data = join(dir, "data/2020/ket-qua/so-y-te.yaml");
    chmodSync(data, 0o600);
    const r = await importForms(nodeWorld(dir), { dataDir: "data", check: false, files: [{ path: join(tmp, "so-y-te-tong-ket.xlsx"), name: "so-y-te-tong-ket.xlsx" }] });
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.written).toEqual(["data/2020/ket-qua/so-y-te.yaml"]);
    expect(readFileSync(data, "utf8")).toContain("tu_cham: 9.5");
    expect(mode(data)).toBe(0o600);
  }, 60_000);

  it("sign in place keeps a 0640 PDF 0640; a new signed copy gets the usual bits", async () => {
    const dir = join(tmp, "sign");
    const { outputs } = await buildExample(minimalWorld());
    cpSync(join(REPO, "templates"), join(dir, "templates"), { recursive: true });
    const pdf = join(dir, "ke-hoach.pdf");
    writeFileSync(pdf, outputs.get("out/2020/ke-hoach.pdf")!);
    chmodSync(pdf, 0o640);
    const key = testIdentity();
    writeFileSync(join(dir, "k.p12"), key.p12);
    const fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
    const lines: string[] = [];
    const deps = { world: { ...nodeWorld(dir), env: (n: string) => (n === "SIGN_P12_PASSWORD" ? key.password : undefined) }, clock: () => new Date("2021-02-05T02:30:00Z"), fonts: async () => fonts, print: (s: string) => lines.push(s), printErr: (s: string) => lines.push(s) };
    expect(await runSign(["ke-hoach.pdf", "--p12", "k.p12", "--field", FIELD.signer, "--out", "ke-hoach.pdf"], deps), lines.join("\n")).toBe(0);
    expect(mode(pdf)).toBe(0o640);
    expect(await runSign(["ke-hoach.pdf", "--p12", "k.p12", "--field", FIELD.seal], deps), lines.join("\n")).toBe(0);
    expect(mode(join(dir, "ke-hoach.signed.pdf"))).toBe(0o644 & ~process.umask());
  }, 60_000);
});
