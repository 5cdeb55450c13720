/**
 * The corpus of hostile files: what people and machines really put in a data
 * folder. Each case overlays the minimal project (test/fixtures/minimal) and
 * lists the errors it must give (`severity file:line:column code`, as in the
 * expected.txt of the error fixtures). Text cases are committed fixtures under
 * test/fixtures/errors/<behaviour>/; binary, UTF-16, Latin-1 and huge ones
 * are generated here, so that the repository stays small.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES, readTree } from "./fixture-world.ts";

export interface HostileCase {
  /** The behaviour it pins down. */
  name: string;
  /** Files put into the project (paths from its root). */
  files: Record<string, Uint8Array>;
  /** The errors it must give, sorted; warnings are not compared here. */
  errors: string[];
  /** The file the messages must name. */
  names: string;
}

const enc = new TextEncoder();
const minimal = (path: string) => new TextDecoder().decode(readFileSync(join(FIXTURES, "minimal", path)));

/** Committed fixtures that are hostile input (the other error fixtures are ordinary mistakes). */
export const HOSTILE_FIXTURES = [
  "empty-file",
  "tabs-in-indentation",
  "duplicate-key",
  "proto-keys",
  "broken-front-matter",
  "syntax-error",
  "alias-bomb",
  "deep-nesting",
  "legacy-encoding",
  "legacy-encoding-vni",
  "template-unknown-helper",
  "template-unclosed-block",
  "template-missing-partial",
] as const;

function fixtureCase(name: string): HostileCase {
  const dir = join(FIXTURES, "errors", name);
  const files = readTree(dir);
  delete files["expected.txt"];
  const errors = readFileSync(join(dir, "expected.txt"), "utf8").trim().split("\n").filter((l) => l.startsWith("error ")).sort();
  return { name, files, errors, names: errors[0]!.split(" ")[1]!.replace(/:\d+:\d+$/, "") };
}

/** Bytes that look like what a mis-saved or mis-copied file holds: a PNG header, then noise with NULs. */
function garbage(length: number): Uint8Array {
  const out = new Uint8Array(length);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let x = 12345;
  for (let i = 8; i < length; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

function utf16le(text: string, bom: boolean): Uint8Array {
  const out = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  let i = 0;
  if (bom) (out[i++] = 0xff), (out[i++] = 0xfe);
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    out[i++] = c & 0xff;
    out[i++] = c >> 8;
  }
  return out;
}

/** Latin-1 bytes (what an old editor writes for "Hoàn thành"): one byte per character below 256. */
function latin1(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0) & 0xff));
}

const REG_A = "data/2020/dang-ky/don-vi-a.yaml";
const RES_B = "data/2020/ket-qua/don-vi-b.yaml";

export function generatedCases(): HostileCase[] {
  const khoi = minimal("data/khoi.yaml");
  const plan = minimal("data/2020/ke-hoach.md");
  // 3 units in the minimal project + 198 = one more than the limit.
  const more = Array.from({ length: 198 }, (_, i) => `  - { ma: dv-${i + 4}, ten: Đơn vị ${i + 4}, viet_tat: DV${i + 4}, thu_truong: { ho_ten: Nguyễn Văn ${i + 4}, chuc_vu: Giám đốc } }`);
  const cases: HostileCase[] = [
    {
      name: "binary-garbage",
      files: { [REG_A]: garbage(4096) },
      errors: [`error ${REG_A}:1:1 file/not-utf8`],
      names: REG_A,
    },
    {
      name: "nul-bytes-in-text",
      files: { [REG_A]: enc.encode("ngay: 2020-03-01\nchi_tieu: \u0000\u0000\u0000\n") },
      errors: [`error ${REG_A}:2:11 file/binary`],
      names: REG_A,
    },
    {
      name: "utf16-with-bom",
      files: { "data/2020/nam.yaml": utf16le(minimal("data/2020/nam.yaml"), true) },
      errors: ["error data/2020/nam.yaml:1:1 file/utf16"],
      names: "data/2020/nam.yaml",
    },
    {
      name: "utf16-without-bom",
      files: { "data/khoi.yaml": utf16le(khoi, false) },
      errors: ["error data/khoi.yaml:1:1 file/utf16"],
      names: "data/khoi.yaml",
    },
    {
      name: "latin1-not-utf8",
      files: { [REG_A]: latin1("ngay: 2020-03-01\nchi_tieu:\n  - { tieu_chi: tc01, chi_tieu: Hoàn thành }\n") },
      errors: [`error ${REG_A}:3:35 file/not-utf8`],
      names: REG_A,
    },
    {
      name: "huge-file",
      // Just over the limit: valid YAML all the way (a comment), refused before it is parsed.
      files: { [RES_B]: enc.encode("#".repeat(1024 * 1024) + "\n") },
      errors: [`error ${RES_B}:1:1 file/too-large`],
      names: RES_B,
    },
    {
      name: "deep-flow-nesting",
      files: { "data/khoi.yaml": enc.encode(`ten: ${"[".repeat(300)}${"]".repeat(300)}\n`) },
      // The file's mapping is level 1: the 32nd "[" (column 6 is the first) is level 33, one too deep.
      errors: ["error data/khoi.yaml:1:37 yaml/too-deep"],
      names: "data/khoi.yaml",
    },
    {
      name: "too-many-units",
      files: { "data/khoi.yaml": enc.encode(`${khoi.trimEnd()}\n${more.join("\n")}\n`) },
      errors: ["error data/khoi.yaml:9:3 limit/units"],
      names: "data/khoi.yaml",
    },
    {
      name: "very-long-text-value",
      files: { "data/khoi.yaml": enc.encode(khoi.replace("ten: Sở A", `ten: ${"Sở Giáo dục và Đào tạo ".repeat(200)}`)) },
      errors: ["error data/khoi.yaml:10:10 limit/text-length"],
      names: "data/khoi.yaml",
    },
    {
      name: "document-too-large",
      files: { "data/2020/ke-hoach.md": enc.encode(plan + `\n${"Khối thi đua tổ chức thực hiện kế hoạch năm 2020 với nhiều nội dung. ".repeat(10)}\n`.repeat(350)) },
      errors: ["error data/2020/ke-hoach.md:1:1 limit/document-size"],
      names: "data/2020/ke-hoach.md",
    },
  ];
  return cases;
}

/** Every hostile case: the committed fixtures and the generated files. */
export function hostileCases(): HostileCase[] {
  return [...HOSTILE_FIXTURES.map(fixtureCase), ...generatedCases()];
}
