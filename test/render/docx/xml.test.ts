import { describe, expect, it } from "vitest";
import { escapeXml, parseXml, prettyXml, serializeXml } from "../../../src/render/docx/xml.ts";

describe("xml", () => {
  it("escapes markup and normalises to NFC", () => {
    const decomposed = "Vie\u0302\u0323t & <b> \"q\" 'a'";
    expect(escapeXml(decomposed)).toBe("Việt &amp; &lt;b&gt; &quot;q&quot; &apos;a&apos;");
    expect(escapeXml("a\u0001b\u000Bc")).toBe("abc");
  });

  it("parses and serialises a document", () => {
    const doc = parseXml('<?xml version="1.0"?>\n<a x="1&amp;2"><b>t &lt; u</b><c/><!-- note --></a>');
    expect(doc.declaration).toBe('<?xml version="1.0"?>');
    expect(serializeXml(doc.root)).toBe('<a x="1&amp;2"><b>t &lt; u</b><c/></a>');
  });

  it.each([
    ["<a><b></a>", "unexpected </a>"],
    ["<a>", "unclosed <a>"],
    ['<a x="1" x="2"/>', "duplicate attribute"],
    ["<a>&nbsp;</a>", "unknown entity"],
    ["<a>x & y</a>", "unterminated reference"],
    ["<a/><b/>", "more than one root"],
    ["<a x=1/>", "quoted value"],
    ["text", "text outside"],
  ])("rejects %s", (text, message) => {
    expect(() => parseXml(text)).toThrow(message);
  });

  it("pretty prints one element per line", () => {
    expect(prettyXml('<a><b c="1"><d>x</d></b><e/></a>')).toBe('<a>\n  <b c="1">\n    <d>x</d>\n  </b>\n  <e/>\n</a>\n');
    expect(prettyXml("<a>\n <t> </t>\n</a>")).toBe("<a>\n  <t> </t>\n</a>\n");
  });
});
