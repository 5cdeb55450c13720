/**
 * Reads templates/shell.docx once per build and checks that it is a shell the renderer
 * can fill: a DOCX (not a Git LFS pointer, not text), with a well-formed document.xml and
 * styles.xml that have the section properties and the named styles, and one `{@body}`
 * paragraph and no other tag. Every problem is a diagnostic naming the shell with what to
 * do, instead of a program error from the ZIP or XML reader, or a document with no body.
 */
import type { Code, Diagnostics, Params } from "../../diagnostics/diagnostic.ts";
import type { ShellStyle } from "../../document/style.ts";
import { ioReason, isIoError } from "../../io/io-error.ts";
import type { World } from "../../io/world.ts";
import { KeptResults } from "../../write/content-memo.ts";
import { fileSha256 } from "../../write/hash.ts";
import { fillShellTemplate, openShellTemplate, rememberPreparedShell, type ShellTemplate } from "./prepared-shell.ts";
import { SectionTemplate } from "./section.ts";
import { partText, readShellParts } from "./shell-zip.ts";
import { SHELL_PATH } from "./shell.ts";
import { readPage, readStyles } from "./style.ts";
import { parseXml } from "./xml.ts";

/** Largest shell accepted, checked from the file's size before it is read (the shell is about 10 KB). */
export const SHELL_MAX_BYTES = 5 * 1024 * 1024;

const DOCUMENT = "word/document.xml";
const STYLES = "word/styles.xml";
const BODY_TAG = "{@body}";
const LFS_POINTER = "version https://git-lfs.github.com/spec/";

export interface ShellProblem {
  code: Code;
  params: Params;
}

export type ShellCheck = { ok: true; style: ShellStyle } | { ok: false; problem: ShellProblem };

export interface LoadedShell {
  shell: Uint8Array;
  style: ShellStyle;
}

function firstLine(err: unknown): string {
  const e = err as { properties?: { errors?: { properties?: { explanation?: string } }[]; explanation?: string } } | undefined;
  const inner = e?.properties?.errors?.map((x) => x.properties?.explanation).filter((x): x is string => !!x);
  const text = inner?.length ? inner.join("; ") : (e?.properties?.explanation ?? (err instanceof Error ? err.message : String(err)));
  return text.split("\n")[0] ?? text;
}

function startsWithText(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}

/** Whether the shell's bytes can be filled; its style when they can. Bytes in, verdict out (a shell that can be filled is kept prepared for renderDocx, prepared-shell.ts). */
export function checkShell(bytes: Uint8Array, path: string = SHELL_PATH): ShellCheck {
  const fail = (code: Code, params: Params = {}): ShellCheck => ({ ok: false, problem: { code, params: { path, ...params } } });
  if (startsWithText(bytes, LFS_POINTER)) return fail("shell/lfs-pointer");
  const read = readShellParts(bytes);
  if ("damaged" in read) return fail("shell/not-docx", { detail: read.damaged });
  const text = new Map<string, string>();
  for (const part of [DOCUMENT, STYLES]) {
    const xml = partText(read.parts, part);
    if (xml === undefined) return fail("shell/missing-part", { part });
    try {
      parseXml(xml);
      text.set(part, xml);
    } catch (err) {
      return fail("shell/broken-part", { part, detail: firstLine(err) });
    }
  }
  const documentXml = text.get(DOCUMENT)!;
  let page: ShellStyle["page"];
  try {
    SectionTemplate.fromDocumentXml(documentXml);
    page = readPage(documentXml);
  } catch (err) {
    return fail("shell/broken-part", { part: DOCUMENT, detail: firstLine(err) });
  }
  let styles: ShellStyle["styles"];
  try {
    styles = readStyles(text.get(STYLES)!);
  } catch (err) {
    return fail("shell/broken-part", { part: STYLES, detail: firstLine(err) });
  }
  // The tags as docxtemplater sees them (joined across runs), with the options renderDocx uses.
  let template: ShellTemplate;
  try {
    template = openShellTemplate(read.parts);
  } catch (err) {
    return fail("shell/template", { detail: firstLine(err) });
  }
  const tagsOf = (part: string) => template.templater.getFullText(part).match(/\{[^{}]*\}/g) ?? [];
  const bodyTags = tagsOf(DOCUMENT);
  const count = bodyTags.filter((t) => t === BODY_TAG).length;
  if (count === 0) return fail("shell/no-body");
  if (count > 1) return fail("shell/body-twice", { count });
  // Any other tag would have no value when the document is filled.
  const extra = bodyTags.find((t) => t !== BODY_TAG);
  if (extra) return fail("shell/unknown-tag", { part: DOCUMENT, tag: extra });
  for (const part of [...read.parts.keys()].filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).sort()) {
    const tag = tagsOf(part)[0];
    if (tag) return fail("shell/unknown-tag", { part, tag });
  }
  // The same docxtemplater fills the shell for the documents: once per build, kept for renderDocx.
  try {
    rememberPreparedShell(bytes, fillShellTemplate(template));
  } catch (err) {
    return fail("shell/template", { detail: firstLine(err) });
  }
  return { ok: true, style: { page, styles } };
}

/**
 * Reads and checks the shell: its size first (a link to /dev/zero or a huge file is not
 * read), then its content. Undefined, with a diagnostic located at the shell, when it cannot be used.
 */
export async function loadShell(world: World, diags: Diagnostics, path: string = SHELL_PATH): Promise<LoadedShell | undefined> {
  const at = { file: path, line: 1, column: 1 };
  let bytes: Uint8Array | undefined;
  try {
    const size = await world.fileSize(path);
    if (size !== undefined && size > SHELL_MAX_BYTES) {
      diags.error("shell/too-large", at, { path, size, max: SHELL_MAX_BYTES });
      return undefined;
    }
    bytes = size === undefined ? undefined : await world.readFile(path);
  } catch (err) {
    if (!isIoError(err)) throw err;
    diags.error("file/unreadable", at, ioReason(err));
    return undefined;
  }
  if (bytes === undefined) {
    diags.error("file/missing", at, { what: path });
    return undefined;
  }
  // It may have grown between the size check and the read.
  if (bytes.byteLength > SHELL_MAX_BYTES) {
    diags.error("shell/too-large", at, { path, size: bytes.byteLength, max: SHELL_MAX_BYTES });
    return undefined;
  }
  const checked = checkedShell(bytes, path);
  if (!checked.ok) {
    diags.error(checked.problem.code, at, checked.problem.params);
    return undefined;
  }
  return { shell: bytes, style: checked.style };
}

/** Verdicts by path and bytes: a process that builds again (--watch) does not open the same shell again. */
const VERDICTS = new KeptResults<ShellCheck>(8);

function checkedShell(bytes: Uint8Array, path: string): ShellCheck {
  return VERDICTS.get(`${path}\u0000${fileSha256(bytes)}`, () => checkShell(bytes, path));
}
