/** The LibreOffice runner never hangs and never throws: a stand-in soffice that hangs, fails or works. */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { sofficeConvert } from "../../src/tools/soffice.ts";

const dir = mkdtempSync(join(tmpdir(), "ktd-soffice-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in for soffice: a shell script run with soffice's arguments (the last ones are the DOCX files, --outdir before them). */
function fake(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, `#!/bin/sh\n${body}\n`);
  chmodSync(p, 0o755);
  return p;
}

// Writes <outdir>/<name>.pdf for each DOCX argument except those named "bad*".
const WRITE_PDFS = 'out=""; next=0; for a in "$@"; do if [ $next = 1 ]; then out="$a"; next=0; continue; fi; [ "$a" = "--outdir" ] && next=1; case "$a" in *.docx) b=$(basename "$a" .docx); case "$b" in bad*) ;; *) echo pdf > "$out/$b.pdf";; esac;; esac; done';

describe.skipIf(process.platform === "win32")("sofficeConvert", () => {
  it("stops a call that exceeds its time limit, with its children, and says so", async () => {
    const out = mkdtempSync(join(dir, "out-"));
    const hang = fake("hang.sh", "sleep 30 & sleep 30; wait");
    const t0 = Date.now();
    const r = await sofficeConvert(["/x/a.docx"], out, { command: hang, timeoutMs: 500 });
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(r.converted).toEqual([]);
    expect(r.failed).toEqual([{ docx: "/x/a.docx", reason: "timed out after 1 s and was stopped" }]);
  });
  it("names the one document of a batch that fails, after retrying the batch one by one", async () => {
    const out = mkdtempSync(join(dir, "out-"));
    const flaky = fake("flaky.sh", `${WRITE_PDFS}\nfor a in "$@"; do case "$a" in *bad*) echo "Error: source file could not be loaded" >&2; exit 1;; esac; done`);
    const r = await sofficeConvert(["/x/a.docx", "/x/bad.docx", "/x/c.docx"], out, { command: flaky, batch: 3 });
    expect(r.converted.sort()).toEqual(["/x/a.docx", "/x/c.docx"]);
    expect(r.failed).toEqual([{ docx: "/x/bad.docx", reason: "exited with 1: Error: source file could not be loaded" }]);
  });
  it("reports a command that cannot start instead of throwing", async () => {
    const out = mkdtempSync(join(dir, "out-"));
    const r = await sofficeConvert(["/x/a.docx"], out, { command: join(dir, "no-such-soffice") });
    expect(r.failed[0]!.reason).toMatch(/^could not start/);
  });
});
