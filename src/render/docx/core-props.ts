/**
 * docProps/core.xml from the document's metadata. Dates come from doc.meta.date at
 * midnight UTC, never from the clock, so that output is reproducible.
 */
import type { DocMeta } from "../../document/model.ts";
import { escapeXml } from "./xml.ts";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function corePropsXml(meta: DocMeta): string {
  if (!ISO_DATE.test(meta.date)) throw new RangeError(`meta.date must be YYYY-MM-DD, got ${JSON.stringify(meta.date)}`);
  const when = `${meta.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"' +
    ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"' +
    ' xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(meta.title)}</dc:title>` +
    `<dc:subject>${escapeXml(meta.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(meta.author)}</dc:creator>` +
    `<cp:keywords>${escapeXml(meta.keywords.join(", "))}</cp:keywords>` +
    `<dc:language>${escapeXml(meta.lang)}</dc:language>` +
    `<cp:lastModifiedBy>${escapeXml(meta.author)}</cp:lastModifiedBy>` +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}
