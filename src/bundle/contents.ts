/**
 * What goes into a year's bundle, in which order and under which bookmark:
 * the workflow's order (the reference workflow of a bloc's year): the plan, every
 * unit's registration, the mid-year review, the invitation to the vote, the
 * year-end report, the minutes of the vote, the award proposal. A document
 * type missing from the order comes after these, in the build's order (the
 * registry's): never left out.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";

export const BUNDLE_ORDER: readonly string[] = ["ke-hoach", "dang-ky", "so-ket", "giay-moi", "tong-ket", "bien-ban", "to-trinh"];

/** Bookmark of the group of a per-unit type's documents. */
const GROUP_TITLES: Record<string, string> = { "dang-ky": "Đăng ký thi đua của các đơn vị" };

export interface BundleEntry {
  /** The document's file stem under out/<year>/. */
  stem: string;
  title: string;
  group?: string;
}

/** The year's documents in the bundle's order (stable within a type: the build's order), with their bookmarks. */
export function bundleEntries(docs: readonly ComposedDocument[]): BundleEntry[] {
  const rank = (c: ComposedDocument) => {
    const i = BUNDLE_ORDER.indexOf(c.type);
    return i >= 0 ? i : BUNDLE_ORDER.length;
  };
  const ordered = docs.map((c, i) => ({ c, i, r: rank(c) })).sort((a, b) => a.r - b.r || a.i - b.i);
  return ordered.map(({ c }) => {
    const group = c.unit !== undefined ? (GROUP_TITLES[c.type] ?? c.doc.title?.type ?? c.type) : undefined;
    return { stem: c.doc.stem, title: bookmarkTitle(c), ...(group ? { group } : {}) };
  });
}

/** "Kế hoạch: Tổ chức … năm 2020 (Số: 01/KH-K8)"; a number line left blank for electronic issuance is not shown. */
export function bookmarkTitle(c: ComposedDocument): string {
  const number = c.doc.header.number.replace(/\s+/g, " ").trim();
  // Blank: nothing between "Số:" and the "/" of the code ("Số:      /KH-K8").
  return /^[^/]*\d/.test(number) ? `${c.doc.meta.title} (${number})` : c.doc.meta.title;
}
