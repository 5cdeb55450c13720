/**
 * The project transaction's contract, on a memory world: staged changes reach the disk
 * together or not at all, a change cut off while staging is undone and one cut off while
 * putting files in place is finished by the next transaction, a journal that is not the
 * tool's is refused without touching anything, and a held lock is waited for, then named.
 */
import { describe, expect, it } from "vitest";
import { Diagnostics } from "../../src/diagnostics/diagnostic.ts";
import { formatDiagnostic } from "../../src/diagnostics/format.ts";
import { memoryWorld } from "../../src/io/memory-world.ts";
import type { World } from "../../src/io/world.ts";
import { sha256 } from "../../src/write/hash.ts";
import { journalBytes, parseJournal } from "../../src/write/journal.ts";
import { inTransaction, pendingChange } from "../../src/write/transaction.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const dec = (b: Uint8Array | undefined) => (b === undefined ? undefined : new TextDecoder().decode(b));
const OPTS = { command: "test", waitMs: 0 };

function project() {
  return memoryWorld({ "data/a.yaml": "a: 1\n", "data/b.yaml": "b: 1\n", "data/old.yaml": "x: 1\n" });
}
const stateOf = (w: ReturnType<typeof project>) => Object.fromEntries([...w.files].map(([k, v]) => [k, dec(v)]));

describe("inTransaction", () => {
  it("commits what the work staged, together, and leaves no journal or staged file", async () => {
    const w = project();
    const diags = new Diagnostics();
    const tx = await inTransaction(w, OPTS, diags, async (s) => {
      s.write("data/a.yaml", enc("a: 2\n"));
      s.write("data/new.yaml", enc("n: 1\n"));
      s.remove("data/old.yaml");
      // Nothing is on disk before the commit.
      expect(dec(w.files.get("data/a.yaml"))).toBe("a: 1\n");
      return 42;
    });
    expect(diags.items).toEqual([]);
    expect(tx).toMatchObject({ value: 42, committed: true, written: ["data/a.yaml", "data/new.yaml"], removed: ["data/old.yaml"], pending: [] });
    expect(stateOf(w)).toEqual({ "data/a.yaml": "a: 2\n", "data/b.yaml": "b: 1\n", "data/new.yaml": "n: 1\n" });
  });

  it("writes nothing when the work found errors", async () => {
    const w = project();
    const before = stateOf(w);
    const diags = new Diagnostics();
    const tx = await inTransaction(w, OPTS, diags, async (s) => {
      s.write("data/a.yaml", enc("a: 2\n"));
      diags.error("file/missing", { file: "data/c.yaml", line: 0, column: 0 }, { what: "data/c.yaml" });
    });
    expect(tx.committed).toBe(false);
    expect(stateOf(w)).toEqual(before);
  });

  it("a staged file that cannot be written: every file stays as it was, the staged ones and the journal are removed", async () => {
    const w = project();
    const before = stateOf(w);
    let n = 0;
    const full: World = { ...w, writeNew: async (p, b) => (++n === 2 ? Promise.reject(Object.assign(new Error("ENOSPC"), { code: "ENOSPC", path: p })) : w.writeNew(p, b)) };
    const diags = new Diagnostics();
    const tx = await inTransaction(full, OPTS, diags, async (s) => {
      s.write("data/a.yaml", enc("a: 2\n"));
      s.write("data/b.yaml", enc("b: 2\n"));
    });
    expect(diags.items.map((d) => `${d.code} ${d.pos.file}`)).toEqual(["build/write-failed data/b.yaml"]);
    expect(tx).toMatchObject({ committed: false, written: [], pending: [] });
    expect(stateOf(w)).toEqual(before);
  });

  it("a commit cut off while staging is undone by the next transaction, which says so", async () => {
    const w = project();
    w.files.set("data/a.yaml.tmp-7-1", enc("a: 2\n"));
    w.files.set("out/.journal", journalBytes({ version: 1, state: "staging", command: "import", entries: [{ path: "data/a.yaml", staged: "data/a.yaml.tmp-7-1" }, { path: "data/b.yaml", staged: "data/b.yaml.tmp-7-2" }] }));
    const diags = new Diagnostics();
    const tx = await inTransaction(w, OPTS, diags, async () => "ran");
    expect(tx.value).toBe("ran");
    expect(diags.items.map((d) => formatDiagnostic(d, "vi"))).toEqual(["out/.journal: cảnh báo [project/change-undone] Lần chạy trước (lệnh import) bị ngắt trước khi ghi; không tệp nào bị đổi, đã dọn bản nháp của 2 tệp: data/a.yaml, data/b.yaml"]);
    expect(stateOf(w)).toEqual({ "data/a.yaml": "a: 1\n", "data/b.yaml": "b: 1\n", "data/old.yaml": "x: 1\n" });
  });

  it("a commit cut off while putting files in place is finished by the next transaction, before its work reads anything", async () => {
    const w = project();
    // data/a.yaml was already renamed into place; data/b.yaml's staged file waits; data/old.yaml is to be removed.
    w.files.set("data/a.yaml", enc("a: 2\n"));
    w.files.set("data/b.yaml.tmp-7-2", enc("b: 2\n"));
    w.files.set("out/.journal", journalBytes({ version: 1, state: "commit", command: "import", entries: [{ path: "data/a.yaml", staged: "data/a.yaml.tmp-7-1" }, { path: "data/b.yaml", staged: "data/b.yaml.tmp-7-2" }, { path: "data/old.yaml", sha256: sha256(enc("x: 1\n")) }] }));
    const diags = new Diagnostics();
    const seen = await inTransaction(w, OPTS, diags, async () => dec(await w.readFile("data/b.yaml")));
    expect(seen.value).toBe("b: 2\n");
    // Only what it really did: data/a.yaml was in place already.
    expect(diags.items.map((d) => formatDiagnostic(d, "en"))).toEqual(["out/.journal: warning [project/change-finished] An earlier run (import) was cut off while putting files in place; finished its 2 files: data/b.yaml, data/old.yaml"]);
    expect(stateOf(w)).toEqual({ "data/a.yaml": "a: 2\n", "data/b.yaml": "b: 2\n" });
  });

  it("a removal is finished only while the file is the bytes the journal names, else it is said not finished", async () => {
    const w = project();
    w.files.set("out/.journal", journalBytes({ version: 1, state: "commit", command: "build", entries: [{ path: "data/a.yaml", staged: "data/a.yaml.tmp-7-1" }, { path: "data/old.yaml", sha256: sha256(enc("something else\n")) }] }));
    const diags = new Diagnostics();
    await inTransaction(w, OPTS, diags, async () => undefined);
    expect(diags.items.map((d) => `${d.code} ${d.params.files}`)).toEqual(["project/change-not-finished data/old.yaml"]);
    expect(stateOf(w)).toEqual({ "data/a.yaml": "a: 1\n", "data/b.yaml": "b: 1\n", "data/old.yaml": "x: 1\n" });
  });

  it("a journal that is not the tool's is refused: nothing is read, renamed or removed", async () => {
    for (const bad of [
      "not json",
      JSON.stringify({ version: 1, state: "commit", command: "x", entries: [{ path: "../outside.txt", staged: "../outside.txt.tmp-1-1" }] }),
      JSON.stringify({ version: 1, state: "commit", command: "x", entries: [{ path: "data/a.yaml", staged: "data/b.yaml" }] }),
      JSON.stringify({ version: 1, state: "commit", command: "x", entries: [{ path: "data/khoi.yaml" }] }),
      JSON.stringify({ version: 1, state: "commit", command: "x", entries: [{ path: "/etc/passwd" }] }),
      JSON.stringify({ version: 1, state: "commit", command: "x", entries: [{ path: "data/../../x", sha256: "0".repeat(64) }] }),
      JSON.stringify({ version: 2, state: "commit", command: "x", entries: [] }),
      // Bigger than any journal the tool writes: not read whole (it would parse, entry by entry, if it were).
      JSON.stringify({ version: 1, state: "staging", command: "x", entries: Array.from({ length: 150_000 }, (_, i) => ({ path: `data/f${i}.yaml`, staged: `data/f${i}.yaml.tmp-1-${i}` })) }),
    ]) {
      if (bad.length < 8 * 1024 * 1024) expect(parseJournal(enc(bad)), bad).toBeUndefined();
      else expect(bad.length).toBeGreaterThan(8 * 1024 * 1024);
      const w = project();
      w.files.set("out/.journal", enc(bad));
      const before = stateOf(w);
      const diags = new Diagnostics();
      let ran = false;
      const tx = await inTransaction(w, OPTS, diags, async (s) => {
        ran = true;
        s.write("data/a.yaml", enc("a: 3\n"));
      });
      expect(ran, bad.slice(0, 80)).toBe(false);
      expect(tx.committed).toBe(false);
      expect(diags.items.map((d) => `${d.code} ${d.pos.file}`)).toEqual(["project/journal-damaged out/.journal"]);
      expect(stateOf(w)).toEqual(before);
    }
  });

  it("a change left pending is said by the commands that only read (validate, --check), naming its files", async () => {
    const w = project();
    w.files.set("out/.journal", journalBytes({ version: 1, state: "commit", command: "import", entries: [{ path: "data/b.yaml", staged: "data/b.yaml.tmp-7-2" }] }));
    const diags = new Diagnostics();
    await pendingChange(w, diags);
    expect(diags.items.map((d) => `${d.code} ${d.params.files}`)).toEqual(["project/change-pending data/b.yaml"]);
    expect(w.files.has("out/.journal")).toBe(true);
  });

  it("the lock is the project's, whatever --out names: a build into another folder waits for an import's lock", async () => {
    const { buildProject } = await import("../../src/write/build.ts");
    const { exampleWorld } = await import("../helpers/example.ts");
    const w = exampleWorld();
    const release = await w.lock("out/.lock", "import");
    const { fontsourceTinosDir } = await import("../../src/pdf/fonts/node-font-reader.ts");
    const r = await buildProject(w, { dataDir: "data", outDir: "elsewhere", fontSource: "package", fontPackageDir: fontsourceTinosDir()!, toolVersion: "test", lockWaitMs: 0 });
    expect(r.diagnostics.filter((d) => d.severity === "error").map((d) => `${d.code} ${d.pos.file}`)).toEqual(["project/locked out/.lock"]);
    expect([...w.files.keys()].filter((k) => k.startsWith("elsewhere/"))).toEqual([]);
    await release!();
  });

  it("waits for a held lock, then names its holder; takes it as soon as it is released", async () => {
    const w = project();
    w.files.set("out/.lock", enc("4242 import"));
    const diags = new Diagnostics();
    let ran = false;
    const tx = await inTransaction(w, { ...OPTS, waitMs: 2 }, diags, async () => (ran = true));
    expect(ran).toBe(false);
    expect(tx.committed).toBe(false);
    expect(diags.items.map((d) => formatDiagnostic(d, "vi"))).toEqual([
      "out/.lock: lỗi [project/locked] Dự án đang bận: lệnh import (tiến trình 4242) đang ghi tệp; đã chờ 0 giây\n    → Chạy lại khi lệnh kia xong (khóa của một tiến trình đã dừng được công cụ tự nhận lại). Nếu chắc chắn không còn lệnh khoi-thi-dua nào chạy trong dự án này (tiến trình 4242 có thể là một chương trình khác mang lại số cũ), xóa tệp out/.lock rồi chạy lại.",
    ]);
    // Released while a second transaction waits: it goes on.
    const waiting = inTransaction(w, { ...OPTS, waitMs: 5_000 }, new Diagnostics(), async (s) => s.write("data/a.yaml", enc("a: 9\n")));
    setTimeout(() => w.files.delete("out/.lock"), 30);
    expect((await waiting).committed).toBe(true);
    expect(dec(w.files.get("data/a.yaml"))).toBe("a: 9\n");
    expect(w.files.has("out/.lock")).toBe(false);
  });
});
