/**
 * The edXML package of one document for the national document exchange (Trục liên thông văn
 * bản quốc gia): QCVN 102:2016/BTTTT with its Sửa đổi 1:2022. The root `edXML` in the
 * standard's namespace holds the envelope (header: who sends it to whom, the document's
 * identity, number, date, type, subject, signer, pages, recipients; trace: the sender's first
 * step) and the body's manifest of attachments; the attachments follow, base64. Every value
 * comes from the data; everything is escaped; the same input gives the same bytes (the trace's
 * time is the date of issuance, not a clock). Pure.
 */

export const EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

export interface Organ {
  organId: string;
  organName: string;
  /** The body in charge (cơ quan chủ quản), when there is one. */
  inCharge?: string;
}

export interface EdxmlAttachment {
  name: string;
  description: string;
  contentType: string;
  bytes: Uint8Array;
}

export interface EdxmlInput {
  from: Organ;
  to: Organ[];
  /** As printed: "04". */
  number: string;
  /** "TTr-K8". */
  notation: string;
  /** ISO date of issuance. */
  date: string;
  place: string;
  type: { type: string; detail: string; name: string };
  subject: string;
  signer: { competence: string; position: string; fullName: string };
  pages: number;
  /** Nơi nhận, as the document lists them (the "Lưu" line left out). */
  toPlaces: string[];
  attachments: EdxmlAttachment[];
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
/** Characters XML 1.0 cannot carry at all are dropped (the data's text never has them; a hostile value may). */
const clean = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");

/** yyyy/MM/dd, as the standard writes dates. */
export const slashDate = (iso: string) => iso.replace(/-/g, "/");

class Xml {
  private lines: string[] = [];
  constructor(private readonly prefix: string) {}
  open(name: string, depth: number, attrs = ""): void {
    this.lines.push(`${"  ".repeat(depth)}<${this.prefix}${name}${attrs}>`);
  }
  close(name: string, depth: number): void {
    this.lines.push(`${"  ".repeat(depth)}</${this.prefix}${name}>`);
  }
  leaf(name: string, value: string, depth: number): void {
    this.lines.push(`${"  ".repeat(depth)}<${this.prefix}${name}>${esc(clean(value))}</${this.prefix}${name}>`);
  }
  raw(line: string): void {
    this.lines.push(line);
  }
  text(): string {
    return this.lines.join("\n") + "\n";
  }
}

function organ(x: Xml, tag: "From" | "To", o: Organ, depth: number): void {
  x.open(tag, depth);
  x.leaf("OrganId", o.organId, depth + 1);
  x.leaf("OrganizationInCharge", o.inCharge ?? o.organName, depth + 1);
  x.leaf("OrganName", o.organName, depth + 1);
  x.close(tag, depth);
}

/** "000.00.31.H59,2021/02/09,04/TTr-K8": the document's id on the exchange. */
export function documentId(e: Pick<EdxmlInput, "from" | "date" | "number" | "notation">): string {
  return `${e.from.organId},${slashDate(e.date)},${e.number}/${e.notation}`;
}

export function edxmlEnvelope(e: EdxmlInput): string {
  const x = new Xml("edXML:");
  x.raw('<?xml version="1.0" encoding="UTF-8"?>');
  x.raw(`<edXML xmlns="${EDXML_NS}" xmlns:edXML="${EDXML_NS}">`);
  x.open("edXMLEnvelope", 1);
  x.open("edXMLHeader", 2);
  x.open("MessageHeader", 3);
  organ(x, "From", e.from, 4);
  for (const t of e.to) organ(x, "To", t, 4);
  x.leaf("DocumentId", documentId(e), 4);
  x.open("Code", 4);
  x.leaf("CodeNumber", e.number, 5);
  x.leaf("CodeNotation", e.notation, 5);
  x.close("Code", 4);
  x.open("PromulgationInfo", 4);
  x.leaf("Place", e.place, 5);
  x.leaf("PromulgationDate", slashDate(e.date), 5);
  x.close("PromulgationInfo", 4);
  x.open("DocumentType", 4);
  x.leaf("Type", e.type.type, 5);
  x.leaf("TypeDetail", e.type.detail, 5);
  x.leaf("TypeName", e.type.name, 5);
  x.close("DocumentType", 4);
  x.leaf("Subject", e.subject, 4);
  x.leaf("Content", e.subject, 4);
  x.open("SignerInfo", 4);
  x.leaf("Competence", e.signer.competence, 5);
  x.leaf("Position", e.signer.position, 5);
  x.leaf("FullName", e.signer.fullName, 5);
  x.close("SignerInfo", 4);
  x.open("OtherInfo", 4);
  x.leaf("Priority", "0", 5);
  x.leaf("SphereOfPromulgation", "Liên thông văn bản quốc gia", 5);
  x.leaf("PageAmount", String(e.pages), 5);
  x.leaf("Direction", "false", 5);
  x.close("OtherInfo", 4);
  x.open("ToPlaces", 4);
  for (const p of e.toPlaces) x.leaf("Place", p, 5);
  x.close("ToPlaces", 4);
  x.close("MessageHeader", 3);
  x.open("TraceHeaderList", 3);
  x.open("TraceHeader", 4);
  x.leaf("OrganId", e.from.organId, 5);
  x.leaf("Timestamp", `${slashDate(e.date)} 00:00:00`, 5);
  x.close("TraceHeader", 4);
  x.open("Bussiness", 4);
  x.leaf("DocumentId", documentId(e), 5);
  x.leaf("BussinessDocType", "0", 5);
  x.leaf("BussinessDocReason", "Văn bản điện tử mới", 5);
  x.leaf("Paper", "0", 5);
  x.close("Bussiness", 4);
  x.close("TraceHeaderList", 3);
  x.close("edXMLHeader", 2);
  x.open("edXMLBody", 2);
  x.open("edXMLManifest", 3, ' version="1.0"');
  e.attachments.forEach((a, i) => {
    x.open("Reference", 4);
    x.leaf("ContentId", `cid:${i + 1}`, 5);
    x.leaf("ContentType", a.contentType, 5);
    x.leaf("Description", a.description, 5);
    x.leaf("AttachmentName", a.name, 5);
    x.close("Reference", 4);
  });
  x.close("edXMLManifest", 3);
  x.close("edXMLBody", 2);
  x.close("edXMLEnvelope", 1);
  x.raw("  <AttachmentEncoded>");
  e.attachments.forEach((a, i) => {
    const y = new Xml("");
    y.open("Attachment", 2);
    y.leaf("ContentId", `cid:${i + 1}`, 3);
    y.leaf("AttachmentName", a.name, 3);
    y.leaf("Description", a.description, 3);
    y.leaf("ContentType", a.contentType, 3);
    y.raw(`      <edXML:ContentTransferEncoded>${Buffer.from(a.bytes).toString("base64")}</edXML:ContentTransferEncoded>`);
    y.close("Attachment", 2);
    x.raw(y.text().trimEnd());
  });
  x.raw("  </AttachmentEncoded>");
  x.raw("</edXML>");
  return x.text();
}
