/**
 * --watch keeps seeing a file after an editor's atomic save (write a new
 * file, rename it over the old one) and after `sed -i`, and sees folders
 * that appear. Real folders, real file-system events.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
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
    } finally {
      w.close();
    }
  });
});
