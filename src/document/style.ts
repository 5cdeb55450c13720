/**
 * Page setup and paragraph styles in format-neutral units (millimetres for the
 * page, points for type). Read from the DOCX shell (src/render/docx/style.ts),
 * the one source of style; the PDF layout takes its measures from it.
 */
import type { Align } from "./model.ts";
import type { StyleRole } from "./style-roles.ts";

export type LineSpacing = { rule: "auto"; multiple: number } | { rule: "exact" | "atLeast"; pt: number };

export interface ParagraphStyle {
  id: string;
  name: string;
  font: string;
  sizePt: number;
  bold: boolean;
  italic: boolean;
  align: Align;
  indentLeftPt: number;
  indentRightPt: number;
  /** First-line indent; negative for a hanging indent. */
  firstLinePt: number;
  spaceBeforePt: number;
  spaceAfterPt: number;
  line: LineSpacing;
  keepNext: boolean;
  /**
   * Widow and orphan control (Word's widowControl): a paragraph split across
   * pages leaves at least two lines on each page.
   */
  widowControl: boolean;
  /** Spacing before/after is dropped between two paragraphs of this style (Word's contextualSpacing). */
  contextualSpacing: boolean;
  /** Width of the bottom border (a drawn line), when the style has one. */
  borderBottomPt?: number;
  /** Distance between the text and that border (w:space, in points). */
  borderSpacePt?: number;
}

export interface PageSetup {
  widthMm: number;
  heightMm: number;
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  /** Distance from the top edge to the page-number header. */
  headerMm: number;
  footerMm: number;
  landscape: boolean;
  /** First page without header (no page number on page 1). */
  titlePage: boolean;
}

export interface ShellStyle {
  page: PageSetup;
  /** By role ("body", "issuer", "signatureTitle"...; the roles of STYLE in style-roles.ts). */
  styles: Record<StyleRole, ParagraphStyle>;
}
