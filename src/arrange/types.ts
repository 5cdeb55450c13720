/**
 * The Decree 30 arrangement of a document's page parts: the header columns and
 * their lines, the lengths of the drawn lines, Kính gửi, the signature sides
 * with their quyền hạn lines and the seal, Nơi nhận, the appendix headings.
 * Computed once per document (src/arrange/arrange.ts) with the real font
 * metrics; the DOCX renderer and the PDF layout only place it. Plain data;
 * lengths in points.
 */

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
  /** Tên loại; "" for none. */
  type: string;
  /** Trích yếu lines (empty ones dropped). */
  summary: string[];
  /** Length of the line under them. */
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
  /** Title lines (quyền hạn, chức vụ), padded with "" so that the names of a pair are level. */
  lines: string[];
  name: string;
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
  title: string[];
  attachedTo?: string;
  /** Space after the last title line, when there is no "(Kèm theo ...)" line. */
  titleSpaceAfter?: number;
}

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
}
