/**
 * The bundle's bookmarks (/Outlines): one entry per document, pointing to its
 * first page; a group (the registrations) is a parent entry with a child per
 * document, closed, so the outline opens on its first level. Titles are
 * UTF-16BE text strings with a byte-order mark, so Vietnamese shows.
 */
import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFContext, type PDFDict, type PDFRef } from "@cantoo/pdf-lib";

export interface OutlineItem {
  title: string;
  /** The page the entry opens (its first page). */
  page: PDFRef;
  children?: OutlineItem[];
}

/** Registers the outline tree and returns the /Outlines dictionary's reference. */
export function buildOutline(ctx: PDFContext, items: readonly OutlineItem[]): PDFRef {
  const root = ctx.obj({ Type: "Outlines" });
  const rootRef = ctx.register(root);
  const first = addLevel(ctx, root, rootRef, items);
  // The root's count: the entries shown when the file opens (the first level; groups are closed).
  if (first) root.set(PDFName.of("Count"), PDFNumber.of(items.length));
  return rootRef;
}

/** Adds `items` as the children of `parent`; returns whether there were any. */
function addLevel(ctx: PDFContext, parent: PDFDict, parentRef: PDFRef, items: readonly OutlineItem[]): boolean {
  if (!items.length) return false;
  const dicts = items.map((item) =>
    ctx.obj({
      Title: PDFHexString.fromText(item.title),
      Parent: parentRef,
      Dest: [item.page, PDFName.of("XYZ"), PDFNull, PDFNull, PDFNull],
    }),
  );
  const refs = dicts.map((d) => ctx.register(d));
  dicts.forEach((d, i) => {
    if (i > 0) d.set(PDFName.of("Prev"), refs[i - 1]!);
    if (i < refs.length - 1) d.set(PDFName.of("Next"), refs[i + 1]!);
    const kids = items[i]!.children ?? [];
    // A closed entry: its count is minus the number of its children.
    if (addLevel(ctx, d, refs[i]!, kids)) d.set(PDFName.of("Count"), PDFNumber.of(-kids.length));
  });
  parent.set(PDFName.of("First"), refs[0]!);
  parent.set(PDFName.of("Last"), refs[refs.length - 1]!);
  return true;
}
