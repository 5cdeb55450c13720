/**
 * renderDocx: fills the shell's `{@body}` with the document's WordprocessingML through
 * docxtemplater, writes docProps/core.xml from the metadata and repacks the ZIP with
 * fixed dates and order: the same document and shell give the same bytes.
 */
import Docxtemplater from "docxtemplater";
import PizZip from "pizzip";
import type { AdminDocument } from "../../document/model.ts";
import { corePropsXml } from "./core-props.ts";
import { SectionTemplate } from "./section.ts";
import { readShellStyle, type ShellStyle } from "./style.ts";
import { documentBodyXml } from "./wordml.ts";
import { repackZip } from "./zip.ts";

const DOCUMENT = "word/document.xml";
const CORE = "docProps/core.xml";
const CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
const CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

/** Replaces the body's final w:sectPr (the last one, right before </w:body>). */
function replaceFinalSectPr(documentXml: string, sectPr: string): string {
  const end = documentXml.lastIndexOf("</w:body>");
  const start = documentXml.lastIndexOf("<w:sectPr", end);
  const close = documentXml.indexOf("</w:sectPr>", start);
  if (end < 0 || start < 0 || close < 0 || close > end) throw new Error("the shell's document.xml has no final w:sectPr");
  return documentXml.slice(0, start) + sectPr + documentXml.slice(close + "</w:sectPr>".length);
}

/** A shell without docProps/core.xml (unusual) gets the content type and relationship for it. */
function ensureCoreRegistered(zip: PizZip): void {
  if (zip.file(CORE)) return;
  const types = zip.file("[Content_Types].xml")?.asText();
  if (types !== undefined && !types.includes('PartName="/docProps/core.xml"')) {
    zip.file("[Content_Types].xml", types.replace("</Types>", `<Override PartName="/${CORE}" ContentType="${CORE_TYPE}"/></Types>`));
  }
  const rels = zip.file("_rels/.rels")?.asText();
  if (rels !== undefined && !rels.includes(CORE_REL)) {
    zip.file("_rels/.rels", rels.replace("</Relationships>", `<Relationship Id="rIdCoreKtd" Type="${CORE_REL}" Target="${CORE}"/></Relationships>`));
  }
}

/** `style` is the shell's, read once by the build (readShellStyle); a caller without it may leave it out. */
export function renderDocx(doc: AdminDocument, shell: Uint8Array, style: ShellStyle = readShellStyle(shell)): Uint8Array {
  const zip = new PizZip(shell);
  const template = zip.file(DOCUMENT)?.asText();
  if (template === undefined) throw new Error(`the shell has no ${DOCUMENT}`);

  const { body, finalSectPr } = documentBodyXml(doc, style, SectionTemplate.fromDocumentXml(template));
  if (finalSectPr !== undefined) zip.file(DOCUMENT, replaceFinalSectPr(template, finalSectPr));

  const templater = new Docxtemplater(zip, {
    paragraphLoop: true,
    linebreaks: false,
    nullGetter(part) {
      throw new Error(`the shell has a tag with no value: {${part.value}}`);
    },
  });
  templater.render({ body });

  const out = templater.getZip();
  ensureCoreRegistered(out);
  out.file(CORE, corePropsXml(doc.meta));
  return repackZip(out);
}
