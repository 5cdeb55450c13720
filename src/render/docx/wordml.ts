/**
 * WordprocessingML for a whole AdminDocument: header, title, Kính gửi, căn cứ, body,
 * signature and Nơi nhận, appendices. Landscape appendices get sections of their own;
 * the section before each one ends with a paragraph carrying its w:sectPr.
 */
import type { Arrangement } from "../../arrange/types.ts";
import type { AdminDocument } from "../../document/model.ts";
import { appendixXml, sectionBreakXml } from "./appendix-xml.ts";
import { blocksXml } from "./blocks-xml.ts";
import { headerXml } from "./header-xml.ts";
import { mmToTwips, type RenderContext } from "./layout.ts";
import type { SectionTemplate } from "./section.ts";
import { signatureXml } from "./signature-xml.ts";
import { textWidthMm, type ShellStyle } from "./style.ts";
import { basesXml, kinhGuiXml, titleXml } from "./title-xml.ts";

export interface WordBody {
  /** The paragraphs and tables that replace `{@body}`. */
  body: string;
  /** The body's final w:sectPr when it must differ from the shell's (sections were added). */
  finalSectPr?: string;
}

export function contextFor(style: ShellStyle, landscape: boolean): RenderContext {
  return { style, textWidthTw: mmToTwips(textWidthMm(style.page, landscape)) };
}

export function documentBodyXml(doc: AdminDocument, arr: Arrangement, style: ShellStyle, sections: SectionTemplate): WordBody {
  const base = style.page.landscape;
  const main = contextFor(style, base);
  const parts = [
    headerXml(arr.header, main),
    arr.title ? titleXml(arr.title, main) : "",
    arr.kinhGui ? kinhGuiXml(arr.kinhGui) : "",
    doc.bases ? basesXml(doc.bases) : "",
    blocksXml(doc.body, arr.body, main, arr.tables.body),
    arr.signature ? signatureXml(arr.signature, main) : "",
  ];

  let landscape = base;
  let first = true;
  for (const [i, appendix] of doc.appendices.entries()) {
    const heading = arr.appendices[i]!;
    const want = appendix.landscape ?? base;
    if (want !== landscape) {
      parts.push(sectionBreakXml(sections.sectPrXml({ landscape, first })));
      first = false;
      landscape = want;
      parts.push(appendixXml(heading, appendix, arr.appendixBodies[i]!, contextFor(style, landscape), false, arr.tables.appendices[i]));
    } else {
      parts.push(appendixXml(heading, appendix, arr.appendixBodies[i]!, contextFor(style, landscape), true, arr.tables.appendices[i]));
    }
  }
  const body = parts.join("");
  return first ? { body } : { body, finalSectPr: sections.sectPrXml({ landscape, first }) };
}
