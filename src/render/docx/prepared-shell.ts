/**
 * The shell prepared once per process (per shell bytes), so that a document costs only
 * string work and deflating its two own parts:
 *
 * - the parts are unzipped once (node:zlib);
 * - docxtemplater runs once, with a marker for the body: its output (document.xml with
 *   the marker where the `{@body}` paragraph was, and the parts it rewrites) is what
 *   every document starts from; tags split across runs are joined by docxtemplater as before;
 * - every part the documents share is deflated once, with its CRC.
 *
 * Per document, renderDocx puts the final w:sectPr and the body XML in the marked
 * document.xml and writes docProps/core.xml (render.ts).
 */
import { createHash } from "node:crypto";
import Docxtemplater from "docxtemplater";
import { deflatePart, type DeflatedPart } from "../../zip/write-zip.ts";
import { SectionTemplate } from "./section.ts";
import { partText, readShellParts, TemplateZip } from "./shell-zip.ts";
import { entryOrder } from "./zip.ts";

export const DOCUMENT = "word/document.xml";
export const CORE = "docProps/core.xml";
const CONTENT_TYPES = "[Content_Types].xml";
const ROOT_RELS = "_rels/.rels";
const CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml";
const CORE_REL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

/**
 * Stands for the body in the prepared document.xml. It starts with `<w:p` as the body
 * does, so docxtemplater puts nothing in front of it (it adds `<w:p/>` after a table
 * followed by anything else; render.ts does the same after the body).
 */
export const BODY_MARKER = "<w:p khoi-thi-dua-body-marker-5f2c9a/>";

/** The options renderDocx has always filled the shell with. */
const TEMPLATE_OPTIONS = {
  paragraphLoop: true,
  linebreaks: false,
  errorLogging: false,
  nullGetter(part: { value: string }): never {
    throw new Error(`the shell has a tag with no value: {${part.value}}`);
  },
};

export interface PreparedShell {
  /** document.xml as docxtemplater filled it, BODY_MARKER in place of the body paragraph. */
  readonly documentXml: string;
  /** The shell's final w:sectPr, for the documents' sections. */
  readonly section: SectionTemplate;
  /** Every part but document.xml and core.xml, deflated. */
  readonly shared: ReadonlyMap<string, DeflatedPart>;
}

/** The shell opened by docxtemplater (which joins tags split across runs). Throws docxtemplater's errors. */
export interface ShellTemplate {
  readonly zip: TemplateZip;
  readonly templater: Docxtemplater;
}

export function openShellTemplate(parts: ReadonlyMap<string, Uint8Array>): ShellTemplate {
  const zip = new TemplateZip(parts);
  // TemplateZip has what docxtemplater uses of a PizZip.
  const templater = new Docxtemplater(zip as never, TEMPLATE_OPTIONS as never);
  return { zip, templater };
}

let preparations = 0;

/** How many times a shell was prepared in this process (for the test that it is once per shell). */
export function shellPreparations(): number {
  return preparations;
}

/** A shell without docProps/core.xml (unusual) gets the content type and relationship for it. */
function ensureCoreRegistered(parts: Map<string, Uint8Array>): void {
  if (parts.has(CORE)) return;
  const encode = (s: string) => new TextEncoder().encode(s);
  const types = partText(parts, CONTENT_TYPES);
  if (types !== undefined && !types.includes('PartName="/docProps/core.xml"')) {
    parts.set(CONTENT_TYPES, encode(types.replace("</Types>", `<Override PartName="/${CORE}" ContentType="${CORE_TYPE}"/></Types>`)));
  }
  const rels = partText(parts, ROOT_RELS);
  if (rels !== undefined && !rels.includes(CORE_REL)) {
    parts.set(ROOT_RELS, encode(rels.replace("</Relationships>", `<Relationship Id="rIdCoreKtd" Type="${CORE_REL}" Target="${CORE}"/></Relationships>`)));
  }
}

/** Fills an opened shell with the body marker; throws (naming the tag) when the shell has another tag. */
export function fillShellTemplate(template: ShellTemplate): PreparedShell {
  const original = template.zip.files[DOCUMENT]?.asText();
  if (original === undefined) throw new Error(`the shell has no ${DOCUMENT}`);
  if (original.includes(BODY_MARKER)) throw new Error("the shell's document.xml holds the body marker");
  const section = SectionTemplate.fromDocumentXml(original);
  template.templater.render({ body: BODY_MARKER });
  const parts = template.zip.parts();
  // A shell with no {@body} (or two) is refused by checkShell; filled here as docxtemplater would.
  const documentXml = partText(parts, DOCUMENT)!;
  ensureCoreRegistered(parts);
  const shared = new Map<string, DeflatedPart>();
  for (const name of entryOrder([...parts.keys()])) if (name !== DOCUMENT && name !== CORE) shared.set(name, deflatePart(parts.get(name)!));
  preparations++;
  return { documentXml, section, shared };
}

/** Prepared shells by the SHA-256 of their bytes; a build has one shell, tests a few. */
const prepared = new Map<string, PreparedShell>();
const KEPT = 8;

const keyOf = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** Keeps a shell prepared elsewhere (the shell check, which opened it already). */
export function rememberPreparedShell(bytes: Uint8Array, shell: PreparedShell): void {
  const key = keyOf(bytes);
  prepared.delete(key);
  prepared.set(key, shell);
  if (prepared.size > KEPT) prepared.delete(prepared.keys().next().value!);
}

/** The shell prepared, once per process for the same bytes. Throws on a shell that cannot be filled. */
export function prepareShell(bytes: Uint8Array): PreparedShell {
  const key = keyOf(bytes);
  const known = prepared.get(key);
  if (known) return known;
  const read = readShellParts(bytes);
  if ("damaged" in read) throw new Error(`the shell is not a DOCX: ${read.damaged}`);
  const shell = fillShellTemplate(openShellTemplate(read.parts));
  rememberPreparedShell(bytes, shell);
  return shell;
}
