/**
 * renderDocx: puts the document's WordprocessingML in the shell's `{@body}` paragraph,
 * the document's final w:sectPr in place of the shell's, docProps/core.xml from the
 * metadata, and packs the ZIP with fixed dates and order: the same document and shell
 * give the same bytes. The shell is filled by docxtemplater and its shared parts are
 * deflated once per process (prepared-shell.ts); a document costs string work and
 * deflating its document.xml and core.xml.
 */
import type { Arrangement } from "../../arrange/types.ts";
import type { AdminDocument } from "../../document/model.ts";
import { deflatePart, type DeflatedPart } from "../../zip/write-zip.ts";
import { corePropsXml } from "./core-props.ts";
import { BODY_MARKER, CORE, DOCUMENT, prepareShell } from "./prepared-shell.ts";
import { readShellStyle, type ShellStyle } from "./style.ts";
import { documentBodyXml } from "./wordml.ts";
import { packDeflated } from "./zip.ts";

/** Replaces the body's final w:sectPr (the last one, right before </w:body>). */
function replaceFinalSectPr(documentXml: string, sectPr: string): string {
  const end = documentXml.lastIndexOf("</w:body>");
  const start = documentXml.lastIndexOf("<w:sectPr", end);
  const close = documentXml.indexOf("</w:sectPr>", start);
  if (end < 0 || start < 0 || close < 0 || close > end) throw new Error("the shell's document.xml has no final w:sectPr");
  return documentXml.slice(0, start) + sectPr + documentXml.slice(close + "</w:sectPr>".length);
}

/** What may follow a table in docxtemplater's output without an empty paragraph put in between. */
const AFTER_TABLE = ["<w:p", "<w:tbl", "<w:sectPr", "</w:ftr>", "</w:hdr>"];
const BOOKMARK_END = "<w:bookmarkEnd";

/** Where the next part that docxtemplater looks at starts: whitespace and bookmark ends are passed over. */
function nextPart(xml: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < xml.length && " \n\r\t".includes(xml[i]!)) i++;
    if (!xml.startsWith(BOOKMARK_END, i)) return i;
    const close = xml.indexOf(">", i);
    if (close < 0) return i;
    i = close + 1;
  }
}

/**
 * The prepared document.xml with the body in place of the marker, as docxtemplater puts
 * a `{@body}` value: as is, with an empty paragraph after the body when it ends with a
 * table followed by something other than a paragraph, a table or a section (the marker
 * starts with `<w:p`, so the shell before it was left alone; the body starts with a
 * paragraph or a table).
 */
export function putBody(documentXml: string, body: string): string {
  // docxtemplater numbers drawings' wp:docPr ids over the whole document: bodies have no drawings.
  if (body.includes("<wp:docPr")) throw new Error("a document body with drawings is not supported");
  // One `{@body}` in a checked shell; as docxtemplater did, none gives no body and two give it twice.
  const pieces = documentXml.split(BODY_MARKER);
  let out = pieces[0]!;
  for (let i = 1; i < pieces.length; i++) {
    let rest = pieces[i]!;
    if (body.endsWith("</w:tbl>")) {
      const next = nextPart(rest, 0);
      if (next < rest.length && !AFTER_TABLE.some((p) => rest.startsWith(p, next))) rest = rest.slice(0, next) + "<w:p/>" + rest.slice(next);
    }
    out += body + rest;
  }
  return out;
}

/** `arrangement`: the document's, computed once (src/arrange/); `style`: the shell's, when the caller read it already. */
export function renderDocx(doc: AdminDocument, shell: Uint8Array, arrangement: Arrangement, style: ShellStyle = readShellStyle(shell)): Uint8Array {
  const prepared = prepareShell(shell);
  const { body, finalSectPr } = documentBodyXml(doc, arrangement, style, prepared.section);
  const sectioned = finalSectPr === undefined ? prepared.documentXml : replaceFinalSectPr(prepared.documentXml, finalSectPr);
  const parts = new Map<string, DeflatedPart>(prepared.shared);
  parts.set(DOCUMENT, deflatePart(putBody(sectioned, body)));
  parts.set(CORE, deflatePart(corePropsXml(doc.meta)));
  return packDeflated(parts);
}
