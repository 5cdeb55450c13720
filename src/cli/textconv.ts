import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import PizZip from "pizzip";

/**
 * `khoi-thi-dua textconv <file>`: the text of a DOCX (one paragraph a line) or a
 * PDF (through pdftotext when installed, else its metadata), so that `git diff`
 * on generated documents shows what changed in words. See .gitattributes.
 */
export function textconv(path: string): string {
  const bytes = readFileSync(path);
  if (path.endsWith(".docx")) {
    const xml = new PizZip(bytes).file("word/document.xml")?.asText() ?? "";
    return (
      xml
        .split(/<\/w:p>/)
        .map((p) =>
          [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
            .map((m) => (m[1] === undefined ? "\t" : m[1]))
            .join("")
            .replace(/&lt;/g, "<")
            .replace(/&gt;/g, ">")
            .replace(/&quot;/g, '"')
            .replace(/&apos;/g, "'")
            .replace(/&amp;/g, "&"),
        )
        .filter((l) => l.trim() !== "")
        .join("\n") + "\n"
    );
  }
  if (path.endsWith(".pdf")) {
    const r = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { encoding: "utf8" });
    if (r.status === 0) return r.stdout;
    return `(PDF, ${bytes.length} bytes; install poppler-utils for its text)\n`;
  }
  return bytes.toString("utf8");
}
