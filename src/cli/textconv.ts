import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { docxText } from "./docx-text.ts";

/** The most of a PDF's text shown (a 200-unit print bundle has a few MiB); beyond it the text is cut, and says so. */
export const MAX_PDF_TEXT_BYTES = 32 * 1024 * 1024;

/**
 * `khoi-thi-dua textconv <file>`: the text of a DOCX (one paragraph a line) or a
 * PDF (through pdftotext when installed, else its metadata), so that `git diff`
 * on generated documents shows what changed in words. See .gitattributes.
 */
export async function textconv(path: string): Promise<string> {
  if (path.endsWith(".docx")) return docxText(readFileSync(path));
  if (path.endsWith(".pdf")) {
    const viaPoppler = popplerText(path);
    return viaPoppler ?? ownText(path);
  }
  return readFileSync(path).toString("utf8");
}

/** A PDF larger than this is not read without poppler (a 200-unit bundle is a few MiB). */
const MAX_OWN_PDF_BYTES = 16 * 1024 * 1024;

/** Without pdftotext (usual on Windows): the text read by the tool itself (src/cli/pdf-text.ts). */
async function ownText(path: string): Promise<string> {
  const size = statSync(path).size;
  if (size > MAX_OWN_PDF_BYTES) return `(PDF, ${size} bytes: too large to read without poppler-utils)\n`;
  try {
    const { pdfText } = await import("./pdf-text.ts");
    return await pdfText(readFileSync(path), MAX_PDF_TEXT_BYTES);
  } catch (err) {
    return `(PDF, ${size} bytes; its text could not be read: ${(err instanceof Error ? err.message : String(err)).split("\n")[0]})\n`;
  }
}

/** The text through pdftotext; undefined when it is not installed. */
function popplerText(path: string): string | undefined {
  const r = spawnSync("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"], { maxBuffer: MAX_PDF_TEXT_BYTES });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOBUFS") {
    // Longer than the cap: pdftotext was stopped; show the whole lines received, and say so.
    const text = r.stdout.subarray(0, r.stdout.lastIndexOf(0x0a, MAX_PDF_TEXT_BYTES - 1) + 1).toString("utf8");
    return `${text}(… cut here: the PDF's text is longer than ${MAX_PDF_TEXT_BYTES / 1024 / 1024} MiB; only its beginning is shown)\n`;
  }
  if (!r.error && r.status === 0) return r.stdout.toString("utf8");
  const size = statSync(path).size;
  if (code === "ENOENT") return undefined;
  const why = (r.stderr?.toString("utf8") ?? "").trim().split("\n")[0] || (r.error ? r.error.message : `exit status ${r.status ?? r.signal}`);
  return `(PDF, ${size} bytes; pdftotext could not read its text: ${why})\n`;
}
