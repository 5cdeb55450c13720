/**
 * What goes into a year's bundle, in which order and under which bookmark: the
 * build's order, which is the registry's, the workflow's order of a bloc's year
 * (the plan, every unit's registration, the mid-year review, the invitation to
 * the vote, the year-end report, the minutes of the vote, the award proposal).
 * A per-unit type's documents are grouped under its group title.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";

export interface BundleEntry {
  /** The document's file stem under out/<year>/. */
  stem: string;
  title: string;
  group?: string;
}

/** The year's documents in the build's order, with their bookmarks. */
export function bundleEntries(docs: readonly ComposedDocument[]): BundleEntry[] {
  return docs.map((c) => {
    const group = c.unit !== undefined ? (c.group ?? c.doc.title?.type ?? c.type) : undefined;
    return { stem: c.doc.stem, title: bookmarkTitle(c), ...(group ? { group } : {}) };
  });
}

/** "Kế hoạch: Tổ chức … năm 2020 (Số: 01/KH-K8)"; a number line left blank for electronic issuance is not shown. */
export function bookmarkTitle(c: ComposedDocument): string {
  const number = c.doc.header.number.replace(/\s+/g, " ").trim();
  // Blank: nothing between "Số:" and the "/" of the code ("Số:      /KH-K8").
  return /^[^/]*\d/.test(number) ? `${c.doc.meta.title} (${number})` : c.doc.meta.title;
}
