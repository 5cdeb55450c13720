/**
 * One document's edXML input (envelope.ts) from the data: the bloc's leader's agency sends it
 * (the bloc issues through it) with its electronic id; the addressees (Kính gửi) must each be a
 * known agency with an id (a member unit, or khoi.yaml's co_quan_nhan); the recipients (Nơi
 * nhận) that are known agencies with an id get it too, "… các đơn vị thành viên …" being every
 * member and "Khối trưởng …" the leader's agency. A package that would go to no one is refused. A document without a number or date, or an agency without an id, is refused with a
 * located error: the records office must have issued it, and the ids are data.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { YearModel } from "../model/types.ts";
import { typeAndSummary } from "../register/register.ts";
import type { EdxmlInput, Organ } from "./envelope.ts";

export interface PackSource {
  doc: ComposedDocument;
  model: YearModel;
  /** The data file's text and khoi.yaml's, to say where a missing value goes. */
  dataText: string;
  blocFile: string;
  blocText: string;
  pdf: { name: string; bytes: Uint8Array; pages: number };
  /** The number and date given on the command line (edxml --so/--ngay) for a document whose data leaves them blank. */
  issued?: Issued;
}

export interface Issued {
  number?: number;
  date?: string;
}

const item = (s: string) => s.replace(/^[-–]\s*/u, "").replace(/[;.,:]+$/u, "").trim();
/** An agency's name as compared: case, spacing and a closing purpose ("(để báo cáo)") aside. */
const key = (s: string) => s.normalize("NFC").toLocaleLowerCase("vi").replace(/\s*\([^()]*\)\s*$/u, "").replace(/\s+/g, " ").trim();
const AUTHORITY = /^(TM|KT|TL|TUQ|Q)\.\s/u;

function lineOf(text: string, re: RegExp): number {
  const i = text.search(re);
  return i < 0 ? 1 : text.slice(0, i).split("\n").length;
}

export function edxmlInput(src: PackSource, diags: Diagnostics): EdxmlInput | undefined {
  const { doc: c, model: m } = src;
  const document = `${c.doc.stem}.pdf`;
  const before = diags.items.filter((d) => d.severity === "error").length;
  const at = (re: RegExp) => ({ file: c.source, line: lineOf(src.dataText, re), column: 1 });
  const given = src.issued ?? {};
  const number = c.issue.number ?? given.number ?? null;
  const date = c.issue.date ?? given.date ?? null;
  if (number === null) diags.error("edxml/no-number", at(/^so:/m), { document, code: c.issue.code || c.issue.notation });
  if (date === null) diags.error("edxml/no-date", at(/^ngay:/m), { document });
  // The data is the record: a number or date on the command line may fill a blank, never contradict it.
  if (c.issue.number !== null && given.number !== undefined && given.number !== c.issue.number)
    diags.error("edxml/issued-conflict", at(/^so:/m), { document, field: "so", data: String(c.issue.number), given: String(given.number), option: "--so" });
  if (c.issue.date !== null && given.date !== undefined && given.date !== c.issue.date)
    diags.error("edxml/issued-conflict", at(/^ngay:/m), { document, field: "ngay", data: c.issue.date, given: given.date, option: "--ngay" });

  const issuer = c.issue.by === "bloc" ? m.leader : m.unitById.get(c.unit ?? "");
  const unitAt = (id: string) => ({ file: src.blocFile, line: lineOf(src.blocText, new RegExp(`^\\s*-?\\s*ma:\\s*${id}\\s*$`, "m")), column: 1 });
  if (issuer && !issuer.organId) diags.error("edxml/no-organ-id", unitAt(issuer.id), { organ: issuer.name, document });

  const known = new Map<string, Organ | { name: string; unit: string }>();
  for (const u of m.units) known.set(key(u.name), u.organId ? { organId: u.organId, organName: u.name } : { name: u.name, unit: u.id });
  for (const r of m.bloc.receivers) known.set(key(r.name), { organId: r.organId, organName: r.name });
  const to: Organ[] = [];
  const add = (o: Organ) => {
    if (!to.some((t) => t.organId === o.organId) && o.organId !== issuer?.organId) to.push(o);
  };
  // The members as a group ("Các đơn vị thành viên Khối 8", "Thủ trưởng các đơn vị thành viên …"), the leader by its title ("Khối trưởng …").
  const members = (s: string) => /các đơn vị thành viên/iu.test(s);
  const leaderTitle = (s: string) => /^khối trưởng\b/iu.test(s);
  const group = (s: string) => {
    if (members(s)) for (const u of m.units) if (u.organId) add({ organId: u.organId, organName: u.name });
    if (leaderTitle(s) && m.leader.organId) add({ organId: m.leader.organId, organName: m.leader.name });
    return members(s) || leaderTitle(s);
  };
  for (const k of (c.doc.kinhGui ?? []).map(item)) {
    if (group(k)) continue;
    const o = known.get(key(k));
    if (!o) diags.error("edxml/unknown-recipient", at(new RegExp(k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))), { recipient: k, document });
    else if ("unit" in o) diags.error("edxml/no-organ-id", unitAt(o.unit), { organ: o.name, document });
    else add(o);
  }
  const places = (c.doc.recipients ?? []).map(item).filter((x) => x && !/^Lưu\s*:/u.test(x));
  for (const p of places) {
    if (group(p)) continue;
    const o = known.get(key(p));
    if (o && !("unit" in o)) add(o);
  }
  if (!to.length) diags.error("edxml/no-recipient", { file: c.source, line: 1, column: 1 }, { document });
  if (diags.items.filter((d) => d.severity === "error").length > before || !issuer?.organId) return undefined;

  const signer = c.doc.signatures.at(-1)!;
  const competence = AUTHORITY.test(signer.lines[0] ?? "") ? signer.lines[0]! : "";
  const title = c.doc.title;
  return {
    from: { organId: issuer.organId, organName: issuer.name, ...(issuer.parentBody.length ? { inCharge: issuer.parentBody.join(" ") } : {}) },
    to,
    number: String(number).padStart(2, "0"),
    notation: c.issue.notation,
    date: date!,
    place: m.bloc.place,
    type: { type: "1", detail: "0", name: title ? title.type.charAt(0) + title.type.slice(1).toLocaleLowerCase("vi") : "Công văn" },
    subject: title ? title.summary.join(" ").replace(/\s+/g, " ").trim() : typeAndSummary(c),
    signer: { competence, position: signer.lines.slice(competence ? 1 : 0).join(" "), fullName: signer.name },
    pages: src.pdf.pages,
    toPlaces: places.flatMap((p) => (/^Như trên$/iu.test(p) && c.doc.kinhGui?.length ? c.doc.kinhGui.map(item) : [p])),
    attachments: [{ name: src.pdf.name, description: typeAndSummary(c), contentType: "application/pdf", bytes: src.pdf.bytes }],
  };
}
