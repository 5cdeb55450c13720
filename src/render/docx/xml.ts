/**
 * A small, strict XML toolkit for the DOCX parts we write and read: escaping,
 * a parser that rejects malformed input (it doubles as a well-formedness check),
 * a serialiser and a pretty printer. No DTDs, no external entities.
 */

export interface XmlElement {
  name: string;
  /** Attributes in document order. */
  attrs: [string, string][];
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface XmlDocument {
  /** The XML declaration as written ("<?xml ... ?>"), or "" when absent. */
  declaration: string;
  root: XmlElement;
}

// Characters not allowed in XML 1.0 (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F).
const INVALID_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC-normalises, drops characters XML cannot carry, escapes & < > " '. */
export function escapeXml(text: string): string {
  return text
    .normalize("NFC")
    .replace(INVALID_CHARS, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

export class XmlError extends Error {
  constructor(message: string, readonly offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = "XmlError";
  }
}

const NAME = /[A-Za-z_:][-A-Za-z0-9_:.]*/y;
const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(raw: string, offset: number): string {
  if (raw.includes("<")) throw new XmlError("'<' in text or attribute", offset);
  return raw.replace(/&([^;&\s]*);?/g, (match, ref: string) => {
    if (!match.endsWith(";")) throw new XmlError(`unterminated reference '${match}'`, offset);
    if (ref.startsWith("#x")) return codePoint(parseInt(ref.slice(2), 16), match, offset);
    if (ref.startsWith("#")) return codePoint(parseInt(ref.slice(1), 10), match, offset);
    const value = ENTITIES[ref];
    if (value === undefined) throw new XmlError(`unknown entity '${match}'`, offset);
    return value;
  });
}

function codePoint(n: number, match: string, offset: number): string {
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff) throw new XmlError(`bad character reference '${match}'`, offset);
  return String.fromCodePoint(n);
}

/** Parses a whole document; throws XmlError on anything malformed. */
export function parseXml(text: string): XmlDocument {
  let pos = 0;
  let declaration = "";
  if (text.charCodeAt(0) === 0xfeff) pos = 1;
  if (text.startsWith("<?xml", pos)) {
    const end = text.indexOf("?>", pos);
    if (end < 0) throw new XmlError("unterminated XML declaration", pos);
    declaration = text.slice(pos, end + 2);
    pos = end + 2;
  }
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;

  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(text);
    if (!m) throw new XmlError("expected a name", pos);
    pos += m[0].length;
    return m[0];
  };
  const skipSpace = (): void => {
    while (pos < text.length && /\s/.test(text[pos] ?? "")) pos++;
  };

  while (pos < text.length) {
    const lt = text.indexOf("<", pos);
    const textEnd = lt < 0 ? text.length : lt;
    if (textEnd > pos) {
      const raw = text.slice(pos, textEnd);
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(decodeEntities(raw, pos));
      else if (raw.trim() !== "") throw new XmlError("text outside the root element", pos);
      pos = textEnd;
      continue;
    }
    if (text.startsWith("<!--", pos)) {
      const end = text.indexOf("-->", pos + 4);
      if (end < 0) throw new XmlError("unterminated comment", pos);
      pos = end + 3;
    } else if (text.startsWith("<![CDATA[", pos)) {
      const end = text.indexOf("]]>", pos);
      const parent = stack[stack.length - 1];
      if (end < 0 || !parent) throw new XmlError("bad CDATA section", pos);
      parent.children.push(text.slice(pos + 9, end));
      pos = end + 3;
    } else if (text.startsWith("<?", pos)) {
      const end = text.indexOf("?>", pos);
      if (end < 0) throw new XmlError("unterminated processing instruction", pos);
      pos = end + 2;
    } else if (text.startsWith("<!", pos)) {
      throw new XmlError("DTDs are not supported", pos);
    } else if (text.startsWith("</", pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (text[pos] !== ">") throw new XmlError("expected '>'", pos);
      pos++;
      const open = stack.pop();
      if (!open || open.name !== name) throw new XmlError(`unexpected </${name}>`, pos);
    } else {
      pos++;
      const el: XmlElement = { name: readName(), attrs: [], children: [] };
      for (;;) {
        const before = pos;
        skipSpace();
        if (text.startsWith("/>", pos) || text[pos] === ">") break;
        if (pos === before) throw new XmlError("expected whitespace before attribute", pos);
        const name = readName();
        skipSpace();
        if (text[pos] !== "=") throw new XmlError("expected '='", pos);
        pos++;
        skipSpace();
        const quote = text[pos];
        if (quote !== '"' && quote !== "'") throw new XmlError("expected a quoted value", pos);
        const end = text.indexOf(quote, pos + 1);
        if (end < 0) throw new XmlError("unterminated attribute value", pos);
        if (el.attrs.some(([n]) => n === name)) throw new XmlError(`duplicate attribute '${name}'`, pos);
        el.attrs.push([name, decodeEntities(text.slice(pos + 1, end), pos)]);
        pos = end + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) throw new XmlError("more than one root element", pos);
      else root = el;
      if (text.startsWith("/>", pos)) pos += 2;
      else {
        pos++;
        stack.push(el);
      }
    }
  }
  const open = stack[stack.length - 1];
  if (open) throw new XmlError(`unclosed <${open.name}>`, pos);
  if (!root) throw new XmlError("no root element", pos);
  return { declaration, root };
}

export function attr(el: XmlElement, name: string): string | undefined {
  return el.attrs.find(([n]) => n === name)?.[1];
}

export function setAttr(el: XmlElement, name: string, value: string): void {
  const found = el.attrs.find(([n]) => n === name);
  if (found) found[1] = value;
  else el.attrs.push([name, value]);
}

export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string" && (name === undefined || c.name === name));
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el ? childElements(el, name)[0] : undefined;
}

/** Attribute of the first child element with the given name. */
export function childAttr(el: XmlElement | undefined, childName: string, attrName: string): string | undefined {
  const c = child(el, childName);
  return c ? attr(c, attrName) : undefined;
}

/** Serialises an element compactly (no added whitespace). */
export function serializeXml(el: XmlElement): string {
  const attrs = el.attrs.map(([n, v]) => ` ${n}="${escapeXml(v)}"`).join("");
  if (el.children.length === 0) return `<${el.name}${attrs}/>`;
  const inner = el.children.map((c) => (typeof c === "string" ? escapeXml(c) : serializeXml(c))).join("");
  return `<${el.name}${attrs}>${inner}</${el.name}>`;
}

/**
 * Pretty prints XML: one element per line, two spaces per level; an element holding only
 * text stays on one line, its text unchanged; whitespace-only text between elements is dropped.
 * For golden files and diffs, never for output documents (it changes significant text).
 */
export function prettyXml(text: string): string {
  const doc = parseXml(text);
  const lines: string[] = [];
  if (doc.declaration) lines.push(doc.declaration);
  const walk = (el: XmlElement, depth: number): void => {
    const pad = "  ".repeat(depth);
    const attrs = el.attrs.map(([n, v]) => ` ${n}="${escapeXml(v)}"`).join("");
    // Whitespace between elements is layout, not content; text alone in an element is kept as is.
    const onlyText = el.children.every((c) => typeof c === "string");
    const kids = onlyText ? [el.children.join("")].filter((t) => t !== "") : el.children.filter((c) => typeof c !== "string" || c.trim() !== "");
    const only = kids[0];
    if (kids.length === 0) lines.push(`${pad}<${el.name}${attrs}/>`);
    else if (kids.length === 1 && typeof only === "string") lines.push(`${pad}<${el.name}${attrs}>${escapeXml(only)}</${el.name}>`);
    else {
      lines.push(`${pad}<${el.name}${attrs}>`);
      for (const c of kids) {
        if (typeof c === "string") lines.push(`${pad}  ${escapeXml(c)}`);
        else walk(c, depth + 1);
      }
      lines.push(`${pad}</${el.name}>`);
    }
  };
  walk(doc.root, 0);
  return lines.join("\n") + "\n";
}
