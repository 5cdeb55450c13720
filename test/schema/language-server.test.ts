/**
 * The editor knows the rules the validator knows: the real YAML language server (a dev
 * dependency, the server of VS Code's YAML extension) is given the project's schemas and its
 * .vscode/settings.json, as VS Code gives them, and opens data files with mistakes in them. Each
 * mistake gets one Vietnamese diagnostic at its place (a score over its criterion's maximum, a
 * negative number, a misspelt field, a missing one); a correct file gets none; hovering a field
 * shows its Vietnamese description.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOC_TYPES } from "../../src/documents/registry.ts";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { nodeWorld } from "../../src/io/node-world.ts";
import { loadProject } from "../../src/load/project.ts";
import { projectIds } from "../../src/schema/editor-schema.ts";
import { jsonSchemas } from "../../src/schema/json-schema.ts";
import { LanguageServer, type Diagnostic } from "../helpers/language-server.ts";

const REPO = fileURLToPath(new URL("../..", import.meta.url));
const read = (p: string) => readFileSync(join(REPO, p), "utf8");
const RESULTS = read("data/2020/ket-qua/so-y-te.yaml");
const REGISTRATION = read("data/2020/dang-ky/so-y-te.yaml");

/** The text the server shows, where: "line:from-to message" (lines and columns from 1). */
const shown = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${d.message}`);
/** Line (from 1) and column span of the first `find` in `text` after `after`. */
function place(text: string, find: string, after = ""): string {
  const at = text.indexOf(find, text.indexOf(after));
  const before = text.slice(0, at).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}-${before.at(-1)!.length + 1 + find.length}`;
}
/** No English sentence of the server's own ("Value is below…", "Property … is not allowed.", "Missing property…", "Incorrect type…"). */
const ENGLISH = /\b(Value|Property|Missing|Incorrect|Expected|String|Array|Object|allowed|minimum|maximum)\b/;

describe("the YAML language server with the project's schemas and .vscode/settings.json", () => {
  const root = mkdtempSync(join(tmpdir(), "ktd-yls-"));
  let server: LanguageServer;
  let n = 0;
  /** Opens `text` as a new file of data/2020/<folder>/ and gives the server's diagnostics. */
  const check = (folder: string, text: string) => {
    const path = join(root, "data", "2020", folder, `tep-${++n}.yaml`);
    writeFileSync(path, text);
    return server.open(path, text).then((ds) => ({ path, ds }));
  };

  beforeAll(async () => {
    const ids = projectIds(await loadProject(nodeWorld(REPO), DOC_TYPES, new Diagnostics()));
    mkdirSync(join(root, "data", ".schema"), { recursive: true });
    for (const [name, s] of Object.entries(jsonSchemas(DOC_TYPES, ids))) writeFileSync(join(root, "data", ".schema", `${name}.schema.json`), JSON.stringify(s));
    for (const f of ["ket-qua", "dang-ky"]) mkdirSync(join(root, "data", "2020", f), { recursive: true });
    const vscode = JSON.parse(read(".vscode/settings.json")) as Record<string, unknown>;
    server = new LanguageServer(root, { yaml: { validate: true, hover: true, completion: true, schemas: vscode["yaml.schemas"] } });
    await server.start();
  });
  afterAll(() => {
    server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it("finds nothing in the example's files", async () => {
    expect(shown((await check("ket-qua", RESULTS)).ds)).toEqual([]);
    expect(shown((await check("dang-ky", REGISTRATION)).ds)).toEqual([]);
  });

  it("says in Vietnamese, at the value, that a score passes its criterion's maximum (tu_cham: 22 where tc01's diem_toi_da is 20)", async () => {
    const text = RESULTS.replace(/(tong_ket:[\s\S]*?tieu_chi: tc01\n\s+tu_cham: )[\d.]+/, "$122");
    expect(text).not.toBe(RESULTS);
    expect(shown((await check("ket-qua", text)).ds)).toEqual([`${place(text, "22", "tu_cham: 22")} Vượt điểm tối đa: tiêu chí tc01 có điểm tối đa 20 (diem_toi_da trong nam.yaml)`]);
  });

  it("says in Vietnamese, at the value, that a number may not be negative", async () => {
    const text = RESULTS.replace(/ty_le: \d+/, "ty_le: -5");
    expect(shown((await check("ket-qua", text)).ds)).toEqual([`${place(text, "-5")} Không được là số âm`]);
  });

  it("says in Vietnamese, at the key, that a field is not one of the file's, and names those that are", async () => {
    const text = RESULTS.replace("khoi_cham:", "khoi_chm:");
    const ds = shown((await check("ket-qua", text)).ds);
    expect(ds).toContain(`${place(text, "khoi_chm")} Trường này không có ở đây (sai chính tả, thụt lề sai?). Các trường dùng được: tieu_chi, tu_cham, khoi_cham, minh_chung`);
    // …and that khoi_cham is then missing from the item, at the item's first character (where the server puts its own).
    expect(ds).toContain(`${place(text, "t", "tieu_chi: tc01\n      tu_cham")} Cần đủ các trường bắt buộc: tieu_chi, tu_cham, khoi_cham (thiếu trường nào thì thêm dòng đó; mục này là một nhóm trường, không phải một giá trị)`);
    expect(ds).toHaveLength(2);
  });

  it("never writes one of its English sentences for the mistakes above, a wrong type, a misspelt id or an empty text", async () => {
    const texts = [
      RESULTS.replace(/(tong_ket:[\s\S]*?tu_cham: )[\d.]+/, "$1mười"),
      RESULTS.replace("tieu_chi: tc02", "tieu_chi: tc2"),
      REGISTRATION.replace(/chi_tieu: .+/, 'chi_tieu: ""'),
      REGISTRATION.replace(/\nngay: .+/, "\nngay: 2020-02-30x"),
    ];
    for (const [i, t] of texts.entries()) {
      const ds = (await check(i < 2 ? "ket-qua" : "dang-ky", t)).ds;
      expect(ds.length, t.slice(0, 80)).toBeGreaterThan(0);
      for (const d of ds) expect(d.message).not.toMatch(ENGLISH);
    }
  });

  it("completes a score with a number and a new item with every required field (the Vietnamese rewording keeps the editor's completion)", async () => {
    const text = "tong_ket:\n  ngay_gui: 2021-01-20\n  diem:\n    - tieu_chi: tc01\n      \n    - \n";
    const { path } = await check("ket-qua", text);
    const inItem = await server.complete(path, 4, 6);
    expect(inItem).toContainEqual({ label: "tu_cham", insertText: "tu_cham: ${1:0}" });
    expect(inItem).toContainEqual({ label: "khoi_cham", insertText: "khoi_cham: ${1:0}" });
    const newItem = await server.complete(path, 5, 6);
    expect(newItem).toContainEqual({ label: "object", insertText: "tieu_chi: $1\n  tu_cham: ${2:0}\n  khoi_cham: ${3:0}" });
  });

  it("shows each field's Vietnamese description on hover (chi_tieu, tu_cham, diem_cong)", async () => {
    const reg = await check("dang-ky", REGISTRATION);
    const line = REGISTRATION.split("\n").findIndex((l) => l.startsWith("chi_tieu:"));
    expect(await server.hover(reg.path, line, 2)).toContain("Chỉ tiêu đơn vị đăng ký cho từng tiêu chí");
    const res = await check("ket-qua", RESULTS);
    const lines = RESULTS.split("\n");
    const tu = lines.findIndex((l) => l.trim().startsWith("tu_cham:"));
    expect(await server.hover(res.path, tu, lines[tu]!.indexOf("tu_cham") + 2)).toContain("Điểm đơn vị tự chấm cho tiêu chí");
    const bonus = lines.findIndex((l) => l.trim().startsWith("diem_cong:"));
    if (bonus >= 0) expect(await server.hover(res.path, bonus, lines[bonus]!.indexOf("diem_cong") + 2)).toContain("Điểm cộng");
  });
});
