/**
 * What the year's outputs take from a document's PDF, recorded once per file
 * content (src/pdf/parts/parts-store.ts): the report's page count and
 * signature field names, the dates, and the bundle's table of the objects its
 * pages need, with where each object and each reference to another object is
 * in the file, so the bundle copies them without parsing the file again
 * (src/bundle/write-bundle.ts). Plain data: it is kept as JSON.
 */

/** The layout of the recorded parts; another layout is not read. */
export const PARTS_FORMAT = 1;

export interface ObjectPart {
  /** Object number (generation 0). */
  n: number;
  /** Offset of "n 0 obj". */
  at: number;
  /** The value: [v0, v1); for a stream, its dictionary. */
  v0: number;
  v1: number;
  /** End of the object's bytes to copy: v1, or the end of "endstream". */
  t: number;
  /** References inside [v0, v1): position, length, object number, in order. */
  r: number[];
  /** SHA-256 of [v0, t) with every reference left out: equal objects (once their references are) are copied once. */
  h: string;
}

export interface PagePart {
  /** Its object (in `objects`). */
  n: number;
  /** The page dictionary's entries: name, start of the key, end of the value. */
  entries: [string, number, number][];
  /** The annotations kept (signature widgets left out), when the page has /Annots. */
  annots?: number[];
}

export interface PdfParts {
  format: number;
  sha256: string;
  size: number;
  /** Signature field names (fully qualified), in the field tree's order. */
  signatureFields: string[];
  creationDate?: string;
  modDate?: string;
  /** The pages, in order. */
  pages: PagePart[];
  /** Every object the pages need, with the pages themselves (their /Parent and signature widgets are not followed). */
  objects: ObjectPart[];
}
