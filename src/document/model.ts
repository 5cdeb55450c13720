/**
 * The document model: a Vietnamese administrative document (Decree 30/2020/NĐ-CP)
 * independent of the output format. The DOCX renderer and the PDF layout both read it;
 * nothing here knows about WordprocessingML or PDF.
 *
 * All text is NFC and already formatted (dates, numbers, upper case): renderers
 * only place it.
 */

export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export type Align = "left" | "center" | "right" | "justify";

/** A heading of a plan or report: level 1 "I. MỤC ĐÍCH" (upper, bold), 2 "1. Mục đích:" (bold), 3 "a) ..." (upright). */
export interface HeadingBlock {
  kind: "heading";
  level: 1 | 2 | 3;
  runs: Run[];
}

/** Body paragraph: justified, first-line indent, unless told otherwise. */
export interface ParagraphBlock {
  kind: "paragraph";
  runs: Run[];
  align?: Align;
  /** First-line indent (default true for body text). */
  indent?: boolean;
}

/** An item introduced by "- " (the dash is part of the text; renderers add nothing). */
export interface ItemBlock {
  kind: "item";
  runs: Run[];
}

export interface TableCell {
  /** Paragraphs of the cell. */
  paragraphs: Run[][];
  colSpan?: number;
  /** Rows this cell spans downwards (the cells it covers are omitted from the rows below). */
  rowSpan?: number;
  align?: Align;
}

export interface TableRow {
  cells: TableCell[];
}

export interface TableBlock {
  kind: "table";
  /**
   * The columns' preferences: relative widths and alignment; a fixed column
   * keeps its width when the table fits its content. The arrangement decides
   * the widths (src/arrange/table-columns.ts); renderers set those.
   */
  columns: { width: number; align?: Align; fixed?: boolean }[];
  /** The free columns share their room by their content (the table is shortest). */
  fitToContent?: boolean;
  /** Leading rows that form the header; repeated on every page and set in bold. */
  headerRows: number;
  rows: TableRow[];
  /** Font size of the table text in points (default: style.tableFontSize). */
  fontSize?: number;
}

export interface PageBreakBlock {
  kind: "pageBreak";
}

export type Block = HeadingBlock | ParagraphBlock | ItemBlock | TableBlock | PageBreakBlock;

/** The two-column header block. */
export interface DocHeader {
  /** Cơ quan chủ quản, upper, regular, one line or more (e.g. ["UBND TỈNH TRÀ VINH"]); absent or empty: none. */
  parentBody?: string[];
  /**
   * Cơ quan ban hành, upper, bold: the lines the data gives (often the whole name
   * on one); the arrangement breaks a line too wide for the header's column.
   */
  issuer: string[];
  /** The bloc's own compounds that a line break must not split, besides the built-in ones (src/arrange/name-lines.ts). */
  compounds?: string[];
  /** The whole number line, e.g. "Số: 05/KH-K8" or "Số:      /KH-K8" (blank for electronic issuance). */
  number: string;
  /** "V/v ..." trích yếu of a công văn, under the number. */
  abstract?: string;
  /** "Trà Vinh, ngày 05 tháng 02 năm 2020"; absent in minutes (no date line). */
  placeDate?: string;
}

export type Authority = "TM." | "KT." | "TL." | "TUQ." | "Q.";

export interface SignatureBlock {
  /** Stable role, used for signature field names: "signer", "secretary", "chair". */
  role: string;
  /** Title lines, upper case, bold, including the authority prefix ("TM. KHỐI 8", "KHỐI TRƯỞNG", ...). */
  lines: string[];
  /** Signer's name, bold; empty string leaves the line blank. */
  name: string;
}

export interface Appendix {
  /** "Phụ lục" or "Phụ lục I". */
  label: string;
  /** Title lines under the label (bold). */
  title: string[];
  /** "(Kèm theo Báo cáo số .../BC-K8 ngày ... của ...)" in italic. */
  attachedTo?: string;
  body: Block[];
  /** Lay the appendix on landscape pages (wide tables). */
  landscape?: boolean;
}

export interface DocMeta {
  title: string;
  subject: string;
  author: string;
  keywords: string[];
  /** BCP 47 language tag, "vi-VN". */
  lang: string;
  /** Document date as an ISO date (YYYY-MM-DD), from the data, for metadata. */
  date: string;
}

export interface AdminDocument {
  /** File name stem under out/<year>/, e.g. "ke-hoach", "dang-ky-svhttdl". */
  stem: string;
  /** Type code (KH, BC, BB, TTr...) or "" for a document without one. */
  typeCode: string;
  meta: DocMeta;
  header: DocHeader;
  /** Tên loại (upper, bold) and trích yếu lines (bold) with a short line under them. */
  title?: { type: string; summary: string[] };
  /** "Kính gửi:" recipients: one on the same line, several as a "-" list. */
  kinhGui?: string[];
  /** Căn cứ lines (italic), punctuation included. */
  bases?: string[];
  body: Block[];
  /**
   * "single": one signer on the right, Nơi nhận on the left.
   * "pair": minutes: THƯ KÝ left, CHỦ TỌA right, Nơi nhận below.
   */
  signatureLayout: "single" | "pair";
  signatures: SignatureBlock[];
  /** Nơi nhận items, punctuation included ("- Như trên;", "- Lưu: VT."). Absent: no Nơi nhận. */
  recipients?: string[];
  appendices: Appendix[];
}
