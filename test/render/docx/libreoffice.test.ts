/**
 * Opens the rendered plan in LibreOffice and checks the PDF it makes: page count and
 * sizes (portrait, then the landscape appendix), the page number shown from page 2 only.
 * Skips when soffice or poppler (pdfinfo, pdftotext) is not installed.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { hasCommand } from "../../../src/tools/external.ts";
import { afterAll, describe, expect, it } from "vitest";
import { renderArranged } from "../../helpers/render-docx.ts";
import { SHELL_PATH } from "../../../src/render/docx/shell.ts";
import { planDocument } from "./fixtures.ts";

const has = hasCommand;

const available = has("soffice") && has("pdfinfo") && has("pdftotext");

describe.skipIf(!available)("LibreOffice opens the DOCX", () => {
  const dir = mkdtempSync(join(tmpdir(), "ktd-docx-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("converts the plan to a PDF laid out as expected", { timeout: 180_000 }, () => {
    const docx = join(dir, "plan.docx");
    writeFileSync(docx, renderArranged(planDocument(), new Uint8Array(readFileSync(SHELL_PATH))));
    execFileSync(
      "soffice",
      [`-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`, "--headless", "--convert-to", "pdf", "--outdir", dir, docx],
      { stdio: "ignore", timeout: 170_000 },
    );
    const pdf = join(dir, "plan.pdf");
    const info = execFileSync("pdfinfo", ["-f", "1", "-l", "9", pdf], { encoding: "utf8" });
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts/m);
    expect(info).toMatch(/^Page\s+2 size:\s+841\.\d+ x 595\.\d+ pts/m);
    const page = (n: number) => execFileSync("pdftotext", ["-f", String(n), "-l", String(n), "-layout", pdf, "-"], { encoding: "utf8" });
    const first = page(1);
    expect(first).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(first).toContain("Dương Hoàng Sum");
    expect(first.trim().split("\n")[0]?.trim()).not.toBe("1");
    expect(page(2).trim().split("\n")[0]?.trim()).toBe("2");
  });
});
