/** Assembles templates/shell.docx from its fixed parts (see make-shell.ts). */
import {
  appXml,
  contentTypesXml,
  coreXml,
  documentRelsXml,
  documentXml,
  fontTableXml,
  headerDefaultXml,
  headerFirstXml,
  rootRelsXml,
  settingsXml,
} from "./shell-parts.ts";
import { stylesXml } from "./shell-styles.ts";
import { packZip } from "./zip.ts";

export const SHELL_PATH = "templates/shell.docx";

/** The shell's parts by ZIP entry name. */
export function shellParts(): Map<string, string> {
  return new Map([
    ["[Content_Types].xml", contentTypesXml],
    ["_rels/.rels", rootRelsXml],
    ["docProps/app.xml", appXml],
    ["docProps/core.xml", coreXml],
    ["word/_rels/document.xml.rels", documentRelsXml],
    ["word/document.xml", documentXml],
    ["word/fontTable.xml", fontTableXml],
    ["word/header1.xml", headerDefaultXml],
    ["word/header2.xml", headerFirstXml],
    ["word/settings.xml", settingsXml],
    ["word/styles.xml", stylesXml()],
  ]);
}

/** The shell as DOCX bytes: deterministic. */
export function buildShell(): Uint8Array {
  return packZip(shellParts());
}
