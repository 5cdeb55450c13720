/**
 * --watch keeps seeing a file after an editor's atomic save (write a new
 * file, rename it over the old one) and after `sed -i`, and sees folders
 * that appear, and a folder removed and made again or swapped by renames.
 * Only folders get a watcher, never files. Real folders, real file-system
 * events.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { watchTree } from "../../src/cli/watch-tree.ts";

const tmp = mkdtempSync(join(tmpdir(), "ktd-watch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("watching the data and template folders", () => {
  it("sees every change to a file, before and after atomic saves and sed -i, and in new folders", async () => {
    const data = join(tmp, "data");
    mkdirSync(join(data, "2020", "dang-ky"), { recursive: true });
    const file = join(data, "2020", "dang-ky", "so-y-te.yaml");
    writeFileSync(file, "ngay: 2020-03-01\n");
    const seen: string[] = [];
    const w = watchTree([data], (p) => seen.push(p), (_d, err) => {
      throw err;
    });
    try {
      await sleep(300);
      /** Does `edit` raise at least one event within 1.5 s? */
      const noticed = async (label: string, edit: () => void) => {
        const before = seen.length;
        edit();
        for (let i = 0; i < 30 && seen.length === before; i++) await sleep(50);
        return `${label}: ${seen.length > before ? "seen" : "missed"}`;
      };
      const atomicSave = (text: string) => () => {
        writeFileSync(`${file}.swp~`, text);
        renameSync(`${file}.swp~`, file);
      };
      const results = [
        await noticed("plain write", () => writeFileSync(file, "ngay: 2020-03-02\n")),
        await noticed("atomic save", atomicSave("ngay: 2020-03-03\n")),
        await noticed("write after the atomic save", () => writeFileSync(file, "ngay: 2020-03-04\n")),
        await noticed("second atomic save", atomicSave("ngay: 2020-03-05\n")),
        await noticed("sed -i", () => execFileSync("sed", ["-i", "s/03-05/03-06/", file])),
        await noticed("write after sed -i", () => writeFileSync(file, "ngay: 2020-03-07\n")),
        await noticed("new folder", () => mkdirSync(join(data, "2021"))),
        await noticed("file in the new folder", () => writeFileSync(join(data, "2021", "nam.yaml"), "nam: 2021\n")),
        await noticed("edit in the new folder", () => writeFileSync(join(data, "2021", "nam.yaml"), "nam: 2021 # sửa\n")),
      ];
      expect(results).toEqual(results.map((r) => r.replace(/missed$/, "seen")));
      // Folders only: the file that was saved, renamed over and sed'ed has no watcher of its own.
      expect(w.watched()).toEqual([data, join(data, "2020"), join(data, "2020", "dang-ky"), join(data, "2021")]);
    } finally {
      w.close();
    }
  });

  it("sees edits in a folder removed and made again, and in one renamed into another's place; watches no file", async () => {
    const data = join(tmp, "data-swap");
    const y2020 = join(data, "2020");
    const folder = (name: string, file: string) => {
      mkdirSync(join(y2020, name, "con"), { recursive: true });
      writeFileSync(join(y2020, name, file), "a: 1\n");
      writeFileSync(join(y2020, name, "con", "b.yaml"), "b: 1\n");
    };
    folder("ket-qua", "kq.yaml");
    folder("moi", "moi.yaml");
    const kq = join(tmp, "kq");
    mkdirSync(join(kq, "con"), { recursive: true });
    writeFileSync(join(kq, "kq.yaml"), "a: 2\n");
    writeFileSync(join(kq, "con", "b.yaml"), "b: 2\n");
    const seen: string[] = [];
    const w = watchTree([data], (p) => seen.push(p), (_d, err) => {
      throw err;
    });
    try {
      await sleep(300);
      /** Is `path` named by an event within 1.5 s of `edit`? (Events elsewhere first settle for 300 ms.) */
      const noticed = async (label: string, path: string, edit: () => void) => {
        await sleep(300);
        const before = seen.length;
        edit();
        const hit = () => seen.slice(before).includes(path);
        for (let i = 0; i < 30 && !hit(); i++) await sleep(50);
        return `${label}: ${hit() ? "seen" : "missed"}`;
      };
      const kqFile = join(y2020, "ket-qua", "kq.yaml");
      const kqSub = join(y2020, "ket-qua", "con", "b.yaml");
      const results = [
        await noticed("edit before", kqFile, () => writeFileSync(kqFile, "a: 3\n")),
        await noticed("remove and make again (cp -r)", join(y2020, "ket-qua"), () => {
          rmSync(join(y2020, "ket-qua"), { recursive: true });
          cpSync(kq, join(y2020, "ket-qua"), { recursive: true });
        }),
        await noticed("edit in the remade folder", kqFile, () => writeFileSync(kqFile, "a: 4\n")),
        await noticed("edit in a subfolder of the remade folder", kqSub, () => writeFileSync(kqSub, "b: 4\n")),
        await noticed("rename away, another renamed in", join(y2020, "ket-qua"), () => {
          renameSync(join(y2020, "ket-qua"), join(y2020, "ket-qua-cu"));
          renameSync(join(y2020, "moi"), join(y2020, "ket-qua"));
        }),
        await noticed("edit in the folder renamed in", join(y2020, "ket-qua", "moi.yaml"), () => writeFileSync(join(y2020, "ket-qua", "moi.yaml"), "a: 5\n")),
        await noticed("edit in its subfolder", kqSub, () => writeFileSync(kqSub, "b: 5\n")),
        await noticed("edit in the folder renamed away", join(y2020, "ket-qua-cu", "kq.yaml"), () => writeFileSync(join(y2020, "ket-qua-cu", "kq.yaml"), "a: 6\n")),
        await noticed("swap from outside the tree", join(y2020, "ket-qua"), () => {
          renameSync(join(y2020, "ket-qua"), join(tmp, "ra-ngoai"));
          renameSync(join(y2020, "ket-qua-cu"), join(y2020, "ket-qua"));
        }),
        await noticed("edit in the folder swapped back", kqFile, () => writeFileSync(kqFile, "a: 7\n")),
      ];
      expect(results).toEqual(results.map((r) => r.replace(/missed$/, "seen")));
      // A folder moved out of the tree is no longer reported under its old name.
      const before = seen.length;
      writeFileSync(join(tmp, "ra-ngoai", "moi.yaml"), "a: 8\n");
      await sleep(500);
      expect(seen.slice(before)).toEqual([]);
      // Folders only, the ones that exist now; every file above was heard about, none is watched.
      expect(w.watched()).toEqual([data, y2020, join(y2020, "ket-qua"), join(y2020, "ket-qua", "con")]);
    } finally {
      w.close();
    }
  });
});
