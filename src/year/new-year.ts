/**
 * `new-year <year>`: data/<year>/ made from data/<year-1>/ in one step.
 *
 * Copied: the criteria and rules (nam.yaml), the timeline moved one year (day of
 * month kept, 29 February becomes the 28th), the leader and deputy the previous
 * minutes agreed on (leaders.ts), and the plan (ke-hoach.md) with its number and
 * date blank, its signer left to the default and the years in its text moved. Not
 * made: the documents that report the year (mid-year and year-end reports, the
 * invitation, the minutes, the proposal: written when due), the units'
 * registrations and results.
 *
 * Never overwrites: an existing data/<year> (even empty) is refused. The files are
 * committed together through the project transaction (all or none; a run cut off is
 * finished or undone by the next command). All file access goes through World.
 */
import { checkBases, dmy, type Basis } from "../validate/legal-bases.ts";
import { isDocument, isMap, isPair, isScalar, visit, type Document } from "yaml";
import { Diagnostics, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { reportIoError } from "../diagnostics/io-diagnostic.ts";
import { MINUTES, PLAN, dataFileOf, docOf } from "../documents/keys.ts";
import type { World } from "../io/world.ts";
import { inTransaction, type Staging } from "../write/transaction.ts";
import { editableText, inStyle, type TextShape } from "../load/line-ends.ts";
import { readProject } from "../pipeline.ts";
import { parseYamlMap, reportNotAMap, type NotAMap } from "../load/yaml-map.ts";
import { nextLeaders } from "./leaders.ts";
import { clampFeb29, moveYears } from "./move-years.ts";

export interface NewYearResult {
  diagnostics: Diagnostic[];
  /** The files written, under data/<year>/ (empty when refused). */
  created: string[];
}

const YAML_OUT = { nullStr: "", lineWidth: 0 } as const;

/**
 * Runs in the project transaction: the check that the year is not there yet, the reading of the
 * year before and the writing of the new files happen with no other command in between, and the
 * files are committed together.
 */
export async function newYear(world: World, dataDir: string, year: number): Promise<NewYearResult> {
  const diags = new Diagnostics();
  const tx = await inTransaction(world, { command: "new-year" }, diags, async (staging) => {
    const work = new Diagnostics();
    try {
      await makeYear(world, dataDir, year, work, staging);
    } catch (err) {
      // A link leading out of the project or nowhere, an unreadable file...: a located error, nothing written
      // (warnings about the files not made are dropped).
      work.items.splice(0, work.items.length, ...work.items.filter((d) => d.severity === "error"));
      reportIoError(work, err, `${dataDir}/${year}`, "write");
    }
    for (const d of work.items) diags.add(d);
  });
  // Files not made: the warnings about their text are of no use.
  if (!tx.committed) diags.items.splice(0, diags.items.length, ...diags.items.filter((d) => d.severity === "error" || d.code.startsWith("project/")));
  return { diagnostics: diags.sorted(), created: tx.committed ? tx.written : [] };
}

async function makeYear(world: World, dataDir: string, year: number, diags: Diagnostics, staging: Staging): Promise<void> {
  const target = `${dataDir}/${year}`;
  const prev = year - 1;
  const here = { file: target, line: 1, column: 1 };

  if ((await world.realPath(target)) !== undefined) {
    diags.error("new-year/exists", here, { year, folder: target });
    return;
  }
  const years = ((await world.listDir(dataDir)) ?? []).filter((e) => e.kind === "dir" && /^\d{4}$/.test(e.name)).map((e) => e.name);
  if (!years.includes(String(prev))) {
    diags.error("new-year/no-previous", here, { year, prev, folder: `${dataDir}/${prev}`, existing: years.length ? years.join(", ") : "(không có)", existingEn: years.length ? years.join(", ") : "(none)", next: years.length ? Number(years[years.length - 1]) + 1 : year });
    return;
  }

  // The previous year must be readable and valid: its data is what the new year is made of.
  const { valid } = await readProject(world, diags, dataDir);
  const prevDir = `${dataDir}/${prev}`;
  const prevErrors = diags.items.filter((d) => d.severity === "error" && (d.pos.file.startsWith(`${prevDir}/`) || d.pos.file === `${dataDir}/khoi.yaml`));
  const vy = valid?.years.find((y) => y.folder === String(prev));
  if (prevErrors.length || !valid || !vy) {
    const errors = prevErrors;
    diags.items.length = 0;
    for (const e of errors) diags.add(e);
    diags.error("new-year/previous-invalid", here, { year, prev, folder: prevDir });
    return;
  }
  diags.items.length = 0; // warnings of the previous year are not this command's business

  const files = new Map<string, string>();
  const minutes = docOf(vy.docs, MINUTES);
  const leaders = nextLeaders(valid.bloc.data, vy.year.data, minutes, year, diags, `${prevDir}/nam.yaml`);
  // Edited as the loader reads them (LF line ends), written in the line ends and BOM of the file they come from.
  // A file that is not the mapping expected is an error: never a year made from an empty document.
  const yearSource = (await readText(world, `${prevDir}/nam.yaml`))!;
  const madeYear = yearFile(yearSource.text, prev, year, leaders);
  if (typeof madeYear !== "string") {
    reportNotAMap(diags, `${prevDir}/nam.yaml`, madeYear, "new-year");
    return;
  }
  files.set("nam.yaml", inStyle(madeYear, yearSource.shape));
  // Only the plan: the other documents tell what happened in the year and are written when due
  // (a copy of last year's report with the years changed would read as done and say last year's facts).
  const planFile = dataFileOf(PLAN);
  const plan = await readText(world, `${prevDir}/${planFile}`);
  if (plan !== undefined) {
    const made = docFile(plan.text, prev, year);
    if (typeof made !== "string") {
      reportNotAMap(diags, `${prevDir}/${planFile}`, made, "new-year", made.lineOffset);
      return;
    }
    files.set(planFile, inStyle(made, plan.shape));
    warnOldRoles(made, `${target}/${planFile}`, valid.bloc.data.don_vi, vy.year.data, leaders, year, diags);
    warnEndingBases(made, `${target}/${planFile}`, valid.bloc.data.van_ban_phap_ly ?? [], year, diags);
  }

  // Staged: the files appear together when the transaction commits, or none of them.
  for (const [name, text] of files) staging.write(`${target}/${name}`, new TextEncoder().encode(text));
}

/**
 * The copied text still naming last year's leader or deputy unit where the roles changed
 * ("gửi về Sở Văn hóa, Thể thao và Du lịch (Khối trưởng …)"): a warning at each line, since
 * only the secretary knows whether the sentence is about the role or about the unit.
 */
function warnOldRoles(
  text: string,
  file: string,
  units: readonly { ma: string; ten: string }[],
  prevYear: { khoi_truong: string; khoi_pho: string },
  next: { leader: string; deputy: string },
  year: number,
  diags: Diagnostics,
): void {
  const name = (id: string) => units.find((u) => u.ma === id)?.ten;
  const roles = [
    { id: prevYear.khoi_truong, now: next.leader, role: "Khối trưởng", roleEn: "leader" },
    { id: prevYear.khoi_pho, now: next.deputy, role: "Khối phó", roleEn: "deputy" },
  ].filter((r) => r.id !== r.now);
  const lines = text.split("\n");
  for (const r of roles) {
    const old = name(r.id);
    if (!old) continue;
    lines.forEach((line, i) => {
      const column = line.indexOf(old);
      if (column < 0 || line.trimStart().startsWith("#")) return;
      diags.warning("new-year/old-role-named", { file, line: i + 1, column: column + 1 }, { unit: old, role: r.role, roleEn: r.roleEn, now: name(r.now) ?? r.now, year });
    });
  }
}

/** The copied căn cứ lines citing a legal document that ends before or during the new year: a warning at each, to look at. */
function warnEndingBases(text: string, file: string, bases: readonly Basis[], year: number, diags: Diagnostics): void {
  const ending = bases.filter((b) => b.het_hieu_luc && b.het_hieu_luc <= `${year}-12-31`);
  text.split("\n").forEach((line, i) => {
    if (line.trimStart().startsWith("#")) return;
    for (const b of ending) {
      if (!checkBases([line], `${year}-12-31`, [b]).length) continue;
      diags.warning("new-year/basis-ending", { file, line: i + 1, column: 1 }, { basis: b.so_hieu, end: dmy(b.het_hieu_luc!), year });
    }
  });
}

/** A file's text with LF line ends, and its shape (line ends, BOM) for the file made from it. */
async function readText(world: World, path: string): Promise<{ text: string; shape: TextShape } | undefined> {
  const bytes = await world.readFile(path);
  return bytes === undefined ? undefined : editableText(bytes);
}

/** nam.yaml of the new year: leader and deputy set, timeline and texts moved a year, criteria and rules kept. */
export function yearFile(text: string, prev: number, year: number, leaders: { leader: string; deputy: string; from: string }): string | NotAMap {
  const doc = parseYamlMap(text);
  if (!isDocument(doc)) return doc;
  moveTexts(doc, prev, new Set(["quyet_dinh_thanh_lap"]));
  doc.set("nam", year);
  doc.set("khoi_truong", leaders.leader);
  doc.set("khoi_pho", leaders.deputy);
  note(doc, ["khoi_truong"], ` Khối trưởng, Khối phó năm ${year}: ${leaders.from}. Kiểm tra lại.`);
  note(doc, ["moc_thoi_gian"], ` Các mốc thời gian lùi một năm so với năm ${prev} (giữ ngày trong tháng): sửa theo hướng dẫn năm ${year}.`);
  note(doc, ["tieu_chi"], ` Tiêu chí, thang điểm, quy tắc bình bầu chép từ năm ${prev}: sửa nếu Kế hoạch năm ${year} thay đổi.`);
  doc.commentBefore = ` Năm thi đua ${year}, tạo bằng lệnh new-year từ data/${prev}/.\n Còn phải điền: bản đăng ký (dang-ky/<mã đơn vị>.yaml), kết quả (ket-qua/<mã đơn vị>.yaml);\n báo cáo sơ kết (so-ket.md), giấy mời (giay-moi.md), báo cáo tổng kết (tong-ket.md), biên bản (bien-ban.md)\n và tờ trình (to-trinh.md) khi đến hạn: có thể chép từ data/${prev}/ rồi viết lại theo thực tế năm ${year}.`;
  return clampFeb29(doc.toString(YAML_OUT));
}

/**
 * A document's data file: number and date blank, the default signer, years moved in the front matter and the body.
 * The front matter is found as the loader finds it (markdown-source.ts); a file without one, or whose front
 * matter is not a mapping, is not copied (its number and signer would be last year's).
 */
export function docFile(text: string, prev: number, year: number): string | (NotAMap & { lineOffset: number }) {
  const m = /^---[ \t]*\n(?:([\s\S]*?)\n)?---[ \t]*(?:\n|$)([\s\S]*)$/.exec(text);
  if (!m) return { line: 1, column: 1, lineOffset: 0, found: "văn bản không có phần đầu (giữa hai dòng ---)", foundEn: "a text without front matter (between two --- lines)" };
  const front = m[1] ?? "";
  const doc = parseYamlMap(front.trim() === "" ? "{}" : front);
  if (!isDocument(doc)) return { ...doc, lineOffset: 1 };
  moveTexts(doc, prev, new Set());
  doc.set("so", null);
  doc.set("ngay", null);
  doc.delete("ky");
  note(doc, ["so"], ` Số và ngày: để trống đến khi ban hành (văn bản in chỗ trống để văn thư cấp số khi ký số).\n Người ký: mặc định thủ trưởng đơn vị Khối trưởng (Khối phó với báo cáo sơ kết) năm ${year}; thêm "ky:" nếu khác.\n Nội dung dưới đây chép từ năm ${prev}, năm đã đổi sang ${year}: viết lại theo thực tế năm ${year}.`);
  return `---\n${clampFeb29(doc.toString(YAML_OUT))}---\n${clampFeb29(moveYears(m[2]!, prev))}`;
}

/** Moves the years in every text and comment of a YAML document, except under the keys given. */
function moveTexts(doc: Document, prev: number, keep: ReadonlySet<string>): void {
  const mv = (s: string | null | undefined) => (s == null ? s : moveYears(s, prev));
  doc.commentBefore = mv(doc.commentBefore) ?? null;
  doc.comment = mv(doc.comment) ?? null;
  visit(doc, {
    Node(_, node, path) {
      node.commentBefore = mv(node.commentBefore) ?? null;
      node.comment = mv(node.comment) ?? null;
      const pair = path[path.length - 1];
      const under = isPair(pair) && isScalar(pair.key) && keep.has(String(pair.key.value)) && pair.value === node;
      if (isScalar(node) && typeof node.value === "string" && !under) node.value = moveYears(node.value, prev);
    },
  });
}

/** Adds a comment line above a top-level key (after any comment already there). */
function note(doc: Document, path: [string], text: string): void {
  if (!isMap(doc.contents)) return;
  const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === path[0]);
  if (!pair || !isScalar(pair.key)) return;
  pair.key.commentBefore = pair.key.commentBefore ? `${pair.key.commentBefore}\n${text}` : text;
}
