/**
 * The Decree 30 arrangement of a document's page parts: the header columns and
 * their lines, the lengths of the drawn lines, Kính gửi, the signature sides
 * with their quyền hạn lines and the seal, Nơi nhận, the appendix headings.
 * Computed once per document (src/arrange/arrange.ts) with the real font
 * metrics; the DOCX renderer and the PDF layout only place it. Plain data;
 * lengths in points.
 */
import type { TableCell } from "../document/model.ts";

/** Nơi nhận: the label and the items, punctuation included. */
export interface RecipientsArrangement {
  label: string;
  items: string[];
  /**
   * An item's indent: its wrapped lines start at `indentLeft`, after the "- " that begins its
   * first line, which starts `hanging` to the left of them (whole twips, as the DOCX holds it).
   */
  itemIndent: { left: number; hanging: number };
}

export interface HeaderArrangement {
  /** Widths of the two columns (issuing body | national title), adding up to the text width. */
  columns: [number, number];
  /** Cơ quan chủ quản, its lines (none when absent). */
  parentBody: string[];
  /** Cơ quan ban hành, its lines as set (broken where a typist would). */
  issuer: string[];
  /** Length of the line under the issuer. */
  issuerRule: number;
  nationalTitle: string;
  motto: string;
  /** Length of the line under the motto (as long as the motto). */
  mottoRule: number;
  number: string;
  abstract?: string;
  /** Absent in minutes: the cell stays empty. */
  placeDate?: string;
}

export interface TitleArrangement {
  /** Tên loại, its lines as set (none for a document without one): one paragraph, the lines separated by line breaks. */
  type: string[];
  /**
   * Trích yếu, its lines as set (empty ones dropped; a line the data gives is
   * broken at phrase boundaries when too wide): one paragraph, the lines
   * separated by line breaks, so both renderings break where the arrangement does.
   */
  summary: string[];
  /** Length of the line under them: a share of the longest line of the trích yếu as set (of the type name without one). */
  rule: number;
  ruleSpaceBefore: number;
  ruleSpaceAfter: number;
}

export type KinhGuiArrangement =
  /** One recipient: "Kính gửi: X" on one centred paragraph. */
  | { kind: "line"; text: string }
  /** Several: the label at `labelX`, the items aligned at `textX` (from the left margin). */
  | { kind: "list"; label: string; labelX: number; textX: number; items: string[] };

export interface SignatureSide {
  /** Stable role of the signer, for field names. */
  role: string;
  /** Title lines (quyền hạn, chức vụ). */
  lines: string[];
  name: string;
  /** Height of the room for the signature, between the last title line and the name. */
  signatureSpace: number;
  /**
   * The name's space before: the room for the signature and, on the side of a
   * pair with fewer title lines, the lines it lacks, so that the names are level.
   */
  nameSpaceBefore: number;
  /** Space above the first title line of a signer that follows another one (single layout). */
  spaceBefore?: number;
  /** The organisation's seal goes with this signature. */
  seal: boolean;
}

export type SignatureArrangement =
  /** Nơi nhận left, the signer(s) right, one row that never splits. */
  | { layout: "single"; columns: [number, number]; recipients?: RecipientsArrangement; signers: SignatureSide[] }
  /** Minutes: THƯ KÝ left, CHỦ TỌA right (each may be absent), Nơi nhận below. */
  | {
      layout: "pair";
      columns: [number, number];
      left?: SignatureSide;
      right?: SignatureSide;
      recipients?: RecipientsArrangement;
      /** Space above Nơi nhận under the two signatures. */
      recipientsSpaceBefore: number;
    };

export interface AppendixHeading {
  label: string;
  /** The title's lines: those the data gives, a line too wide broken as a title. */
  title: string[];
  attachedTo?: string;
  /** Space after the last title line, when there is no "(Kèm theo ...)" line. */
  titleSpaceAfter?: number;
}

/** A cell of a table's grid: one that starts in this row, or the continuation of one merged from above (w:vMerge). */
export type GridCell =
  | { kind: "cell"; col: number; span: number; rowSpan: number; cell: TableCell }
  | { kind: "continue"; col: number; span: number };

export interface TableRowFlow {
  /** Set in bold and repeated at the top of every page the table continues on (w:tblHeader). */
  header: boolean;
  /** Stays on the page of the next row (the header rows with the first row under them). */
  keepWithNext: boolean;
  /** The row never splits across pages (w:cantSplit); the PDF layout places rows whole. */
  cantSplit: true;
  cells: GridCell[];
}

export interface TableFlow {
  /** Size of every paragraph of the cells, the marks of empty ones included. */
  sizePt: number;
  /** The leading rows repeated on every page. */
  repeatHeaderRows: number;
  rows: TableRowFlow[];
}

/** How one body block flows across pages (src/arrange/flow.ts). */
export interface BlockFlow {
  /** Stays on the page of the block after it (w:keepNext). */
  keepWithNext: boolean;
  /** The block's lines stay on one page (w:keepLines). */
  keepLines: boolean;
  /** A page break inside leaves at least two lines on each page (w:widowControl). */
  widowControl: boolean;
  /** Space above, when it is not the style's (after a table). */
  spaceBefore?: number;
  table?: TableFlow;
}
/** Column widths in points of the tables among a list of blocks, by the table's index in the list. */
export type TableColumns = Record<number, number[]>;

export interface Arrangement {
  /** Text width of the document's first section. */
  textWidth: number;
  /** Left and right padding of the cells of the borderless layout tables. */
  cellMargin: number;
  header: HeaderArrangement;
  title?: TitleArrangement;
  kinhGui?: KinhGuiArrangement;
  /** Absent when the document has neither signatures nor Nơi nhận. */
  signature?: SignatureArrangement;
  /** One per appendix, in order. */
  appendices: AppendixHeading[];
  /** The flow of the body's blocks, one per block. */
  body: BlockFlow[];
  /** The flow of each appendix's blocks. */
  appendixBodies: BlockFlow[][];
  /** The tables' column widths: of the body's tables and of each appendix's, at their page's text width. */
  tables: { body: TableColumns; appendices: TableColumns[] };
}
