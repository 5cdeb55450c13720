/**
 * The guide and the reference pages link to each other: every link to a section (`#…`, as
 * GitHub makes a heading's anchor), to another page or to an image resolves, so moving a
 * section between README.md and docs/ cannot leave a dead link behind.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../helpers/fixture-world.ts";

const PAGES = ["README.md", ...readdirSync(join(REPO, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`)];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to "-"; a repeated one gets "-1", "-2"… */
function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  const text = markdown.replace(/^```[\s\S]*?^```/gm, "");
  for (const [, heading] of text.matchAll(/^#{1,6} (.+)$/gm)) {
    const slug = heading!.toLowerCase().replace(/[^\p{L}\p{N}\p{M} _-]/gu, "").replace(/ /g, "-");
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n ? `${slug}-${n}` : slug);
  }
  return out;
}

describe("the README and docs/", () => {
  it("keep the README a short guide (the reference is in docs/)", () => {
    expect(readFileSync(join(REPO, "README.md"), "utf8").split("\n").length).toBeLessThan(320);
  });
  for (const page of PAGES)
    it(`${page}: every link to a section, a page or an image resolves`, () => {
      const text = readFileSync(join(REPO, page), "utf8").replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
      const dead: string[] = [];
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!);
      for (const t of targets) {
        if (/^(https?:|mailto:)/.test(t)) continue;
        const [path, hash] = t.split("#") as [string, string | undefined];
        const file = path ? join(REPO, dirname(page), decodeURI(path)) : join(REPO, page);
        if (!existsSync(file)) {
          dead.push(`${t}: no ${relative(REPO, file)}`);
          continue;
        }
        if (hash !== undefined && !anchors(readFileSync(file, "utf8")).has(decodeURIComponent(hash))) dead.push(`${t}: no heading #${hash} in ${relative(REPO, file)}`);
      }
      expect(dead).toEqual([]);
    });
});
