/**
 * The fixed XML parts of the shell other than styles.xml: package plumbing, settings,
 * the page-number headers and document.xml with the single `{@body}` paragraph and
 * the section properties (A4, Decree 30 margins, number from page 2).
 */
import { FONT, LANG } from "./shell-styles.ts";
import { STYLE } from "../../document/style-roles.ts";
import { mmToTwips } from "./units.ts";

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOCREL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Decree 30 page: A4 portrait; margins top/bottom 20, left 30, right 15 mm; header 10 mm. */
export const PAGE_TWIPS = {
  width: 11906,
  height: 16838,
  top: mmToTwips(20),
  bottom: mmToTwips(20),
  left: mmToTwips(30),
  right: mmToTwips(15),
  header: mmToTwips(10),
  footer: mmToTwips(10),
};

export const HEADER_DEFAULT_RID = "rIdHeaderDefault";
export const HEADER_FIRST_RID = "rIdHeaderFirst";

const CT = "application/vnd.openxmlformats-officedocument";

export const contentTypesXml =
  DECL +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/word/document.xml" ContentType="${CT}.wordprocessingml.document.main+xml"/>` +
  `<Override PartName="/word/styles.xml" ContentType="${CT}.wordprocessingml.styles+xml"/>` +
  `<Override PartName="/word/settings.xml" ContentType="${CT}.wordprocessingml.settings+xml"/>` +
  `<Override PartName="/word/fontTable.xml" ContentType="${CT}.wordprocessingml.fontTable+xml"/>` +
  `<Override PartName="/word/header1.xml" ContentType="${CT}.wordprocessingml.header+xml"/>` +
  `<Override PartName="/word/header2.xml" ContentType="${CT}.wordprocessingml.header+xml"/>` +
  '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
  `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
  "</Types>";

export const rootRelsXml =
  DECL +
  `<Relationships xmlns="${REL}">` +
  `<Relationship Id="rId1" Type="${DOCREL}/officeDocument" Target="word/document.xml"/>` +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
  `<Relationship Id="rId3" Type="${DOCREL}/extended-properties" Target="docProps/app.xml"/>` +
  "</Relationships>";

export const documentRelsXml =
  DECL +
  `<Relationships xmlns="${REL}">` +
  `<Relationship Id="rIdStyles" Type="${DOCREL}/styles" Target="styles.xml"/>` +
  `<Relationship Id="rIdSettings" Type="${DOCREL}/settings" Target="settings.xml"/>` +
  `<Relationship Id="rIdFontTable" Type="${DOCREL}/fontTable" Target="fontTable.xml"/>` +
  `<Relationship Id="${HEADER_DEFAULT_RID}" Type="${DOCREL}/header" Target="header1.xml"/>` +
  `<Relationship Id="${HEADER_FIRST_RID}" Type="${DOCREL}/header" Target="header2.xml"/>` +
  "</Relationships>";

export const settingsXml =
  DECL +
  `<w:settings xmlns:w="${W}">` +
  '<w:zoom w:percent="100"/>' +
  '<w:defaultTabStop w:val="720"/>' +
  '<w:characterSpacingControl w:val="doNotCompress"/>' +
  '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
  `<w:themeFontLang w:val="${LANG}"/>` +
  '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>' +
  "</w:settings>";

export const fontTableXml =
  DECL +
  `<w:fonts xmlns:w="${W}">` +
  `<w:font w:name="${FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
  "</w:fonts>";

/** Page 2 onwards: the page number, Arabic, centred. */
export const headerDefaultXml =
  DECL +
  `<w:hdr xmlns:w="${W}" xmlns:r="${R}">` +
  `<w:p><w:pPr><w:pStyle w:val="${STYLE.pageNumber}"/></w:pPr>` +
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
  '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  "<w:r><w:t>2</w:t></w:r>" +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
  "</w:p></w:hdr>";

/** Page 1: no number. */
export const headerFirstXml =
  DECL + `<w:hdr xmlns:w="${W}" xmlns:r="${R}">` + `<w:p><w:pPr><w:pStyle w:val="${STYLE.pageNumber}"/></w:pPr></w:p></w:hdr>`;

export const sectPrXml =
  "<w:sectPr>" +
  `<w:headerReference w:type="default" r:id="${HEADER_DEFAULT_RID}"/>` +
  `<w:headerReference w:type="first" r:id="${HEADER_FIRST_RID}"/>` +
  `<w:pgSz w:w="${PAGE_TWIPS.width}" w:h="${PAGE_TWIPS.height}"/>` +
  `<w:pgMar w:top="${PAGE_TWIPS.top}" w:right="${PAGE_TWIPS.right}" w:bottom="${PAGE_TWIPS.bottom}" w:left="${PAGE_TWIPS.left}"` +
  ` w:header="${PAGE_TWIPS.header}" w:footer="${PAGE_TWIPS.footer}" w:gutter="0"/>` +
  '<w:pgNumType w:fmt="decimal"/>' +
  '<w:cols w:space="720"/>' +
  "<w:titlePg/>" +
  '<w:docGrid w:linePitch="360"/>' +
  "</w:sectPr>";

export const documentXml =
  DECL +
  `<w:document xmlns:w="${W}" xmlns:r="${R}">` +
  "<w:body>" +
  "<w:p><w:r><w:t>{@body}</w:t></w:r></w:p>" +
  sectPrXml +
  "</w:body></w:document>";

/** Placeholder metadata; renderDocx replaces core.xml with the document's own. */
export const coreXml =
  DECL +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
  ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
  ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
  `<dc:title>Decree 30 shell</dc:title><dc:language>${LANG}</dc:language>` +
  '<dcterms:created xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:created>' +
  '<dcterms:modified xsi:type="dcterms:W3CDTF">2020-01-01T00:00:00Z</dcterms:modified>' +
  "</cp:coreProperties>";

export const appXml =
  DECL +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"' +
  ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
  "<Application>khoi-thi-dua</Application><DocSecurity>0</DocSecurity></Properties>";
