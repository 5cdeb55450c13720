/**
 * styles.xml of the shell: Times New Roman, Vietnamese, and one named paragraph
 * style per role (src/document/style-roles.ts) with the Decree 30 defaults. Every style states its
 * size, weight, alignment, indents and spacing in full, so that what Word shows in
 * the style dialog is what the renderer and the PDF layout use. Widow and orphan
 * control is on everywhere (the defaults and every style), so that Word,
 * LibreOffice and the PDF layout split a paragraph at the same line.
 */
import { STYLE, type StyleRole } from "../../document/style-roles.ts";

export const FONT = "Times New Roman";
export const LANG = "vi-VN";

type Jc = "both" | "center" | "left" | "right";

interface StyleSpec {
  role: StyleRole;
  name: string;
  sizePt: number;
  bold?: boolean;
  italic?: boolean;
  jc: Jc;
  /** First-line indent in twips (1.27 cm = 720). */
  firstLine?: number;
  before?: number;
  after?: number;
  /** Line spacing: "auto" in 240ths of a line, "exact" in twips. */
  line?: { rule: "auto" | "exact"; value: number };
  keepNext?: boolean;
  /** Spacing before/after is not added between paragraphs of this same style. */
  contextual?: boolean;
  outlineLvl?: number;
  /** Bottom border width in eighths of a point (the drawn line of the Rule style). */
  borderBottom?: number;
}

const BODY_INDENT = 720; // 1.27 cm
const PT6 = 120;

const SPECS: StyleSpec[] = [
  { role: "body", name: "Normal", sizePt: 14, jc: "both", firstLine: BODY_INDENT, after: PT6 },
  { role: "parentBody", name: "Parent Body", sizePt: 12, jc: "center" },
  { role: "issuer", name: "Issuer", sizePt: 12, bold: true, jc: "center" },
  { role: "number", name: "Doc Number", sizePt: 13, jc: "center", before: PT6 },
  { role: "abstract", name: "Doc Abstract", sizePt: 12, jc: "center", before: PT6 },
  { role: "nationalTitle", name: "National Title", sizePt: 12, bold: true, jc: "center" },
  { role: "motto", name: "Motto", sizePt: 13, bold: true, jc: "center" },
  { role: "placeDate", name: "Place Date", sizePt: 13, italic: true, jc: "center", before: PT6 },
  { role: "docType", name: "Doc Type", sizePt: 14, bold: true, jc: "center", before: 360, keepNext: true },
  { role: "summary", name: "Doc Summary", sizePt: 14, bold: true, jc: "center", keepNext: true },
  { role: "rule", name: "Rule", sizePt: 1, jc: "left", line: { rule: "exact", value: 40 }, borderBottom: 6 },
  { role: "addressee", name: "Addressee", sizePt: 14, jc: "center", before: PT6, after: PT6 },
  { role: "basis", name: "Basis", sizePt: 14, italic: true, jc: "both", firstLine: BODY_INDENT, after: PT6 },
  { role: "heading1", name: "heading 1", sizePt: 14, bold: true, jc: "both", firstLine: BODY_INDENT, after: PT6, keepNext: true, outlineLvl: 0 },
  { role: "heading2", name: "heading 2", sizePt: 14, bold: true, jc: "both", firstLine: BODY_INDENT, after: PT6, keepNext: true, outlineLvl: 1 },
  { role: "heading3", name: "heading 3", sizePt: 14, jc: "both", firstLine: BODY_INDENT, after: PT6, keepNext: true, outlineLvl: 2 },
  { role: "item", name: "Item", sizePt: 14, jc: "both", firstLine: BODY_INDENT, after: PT6 },
  { role: "tableText", name: "Table Text", sizePt: 13, jc: "left" },
  { role: "recipientsLabel", name: "Recipients Label", sizePt: 12, bold: true, italic: true, jc: "left", before: PT6 },
  { role: "recipientsItem", name: "Recipients Item", sizePt: 11, jc: "left" },
  { role: "signatureTitle", name: "Signature Title", sizePt: 14, bold: true, jc: "center", before: PT6, keepNext: true, contextual: true },
  // Four empty lines of 21.25 pt: 85 pt, 30 mm for the signature.
  { role: "signatureSpace", name: "Signature Space", sizePt: 14, jc: "center", line: { rule: "exact", value: 425 }, keepNext: true },
  { role: "signatureName", name: "Signature Name", sizePt: 14, bold: true, jc: "center" },
  { role: "appendixLabel", name: "Appendix Label", sizePt: 14, bold: true, jc: "center", keepNext: true },
  { role: "appendixTitle", name: "Appendix Title", sizePt: 14, bold: true, jc: "center", keepNext: true },
  { role: "appendixAttachedTo", name: "Appendix Attached To", sizePt: 14, italic: true, jc: "center", after: 240 },
  { role: "pageNumber", name: "header", sizePt: 13, jc: "center" },
];

const fonts = `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>`;
const lang = `<w:lang w:val="${LANG}" w:eastAsia="${LANG}" w:bidi="ar-SA"/>`;

function styleXml(s: StyleSpec): string {
  const id = STYLE[s.role];
  const isNormal = s.role === "body";
  const line = s.line ?? { rule: "auto", value: 240 };
  const pPr = [
    s.keepNext ? "<w:keepNext/>" : "",
    "<w:widowControl/>",
    s.borderBottom !== undefined
      ? `<w:pBdr><w:bottom w:val="single" w:sz="${s.borderBottom}" w:space="1" w:color="000000"/></w:pBdr>`
      : "",
    `<w:spacing w:before="${s.before ?? 0}" w:after="${s.after ?? 0}" w:line="${line.value}" w:lineRule="${line.rule}"/>`,
    `<w:ind w:left="0" w:right="0" w:firstLine="${s.firstLine ?? 0}"/>`,
    s.contextual ? "<w:contextualSpacing/>" : "",
    `<w:jc w:val="${s.jc}"/>`,
    s.outlineLvl !== undefined ? `<w:outlineLvl w:val="${s.outlineLvl}"/>` : "",
  ].join("");
  const half = Math.round(s.sizePt * 2);
  const rPr = [
    isNormal ? fonts : "",
    s.bold ? "<w:b/><w:bCs/>" : '<w:b w:val="0"/><w:bCs w:val="0"/>',
    s.italic ? "<w:i/><w:iCs/>" : '<w:i w:val="0"/><w:iCs w:val="0"/>',
    `<w:sz w:val="${half}"/><w:szCs w:val="${half}"/>`,
    isNormal ? lang : "",
  ].join("");
  return (
    `<w:style w:type="paragraph"${isNormal ? ' w:default="1"' : ""} w:styleId="${id}">` +
    `<w:name w:val="${s.name}"/>` +
    (isNormal ? "" : `<w:basedOn w:val="${STYLE.body}"/>`) +
    `<w:next w:val="${s.role === "item" ? STYLE.item : STYLE.body}"/>` +
    "<w:qFormat/>" +
    `<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`
  );
}

export function stylesXml(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts}<w:sz w:val="28"/><w:szCs w:val="28"/>${lang}</w:rPr></w:rPrDefault>` +
    '<w:pPrDefault><w:pPr><w:widowControl/><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    SPECS.map(styleXml).join("") +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>"
  );
}
