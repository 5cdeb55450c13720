/**
 * Fixed texts and proportions of a Decree 30 document that both renderers share
 * (the DOCX shell holds the sizes and spacing of each style; these are the parts
 * no style can hold). Lengths in points.
 */
export const NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
export const MOTTO = "Độc lập - Tự do - Hạnh phúc";
export const KINH_GUI = "Kính gửi:";
export const NOI_NHAN = "Nơi nhận:";
/** What starts each item of Nơi nhận; an item's wrapped lines start after it. */
export const RECIPIENT_MARK = "- ";

/** Share of the text width taken by the header's left column (issuer, number). */
export const HEADER_LEFT_FRACTION = 0.4;
/** Share of the text width taken by Nơi nhận beside a single signature. */
export const SIGNATURE_LEFT_FRACTION = 0.4;
/** Lines under the issuer and the title: this share of the text above (Decree 30: 1/3 to 1/2). */
export const SHORT_RULE_FRACTION = 0.4;
/** Shortest drawn line: 1 cm. */
export const MIN_RULE_PT = 28.35;
/** Lines of the Signature Space style in the room for the signature, between the title and the name. */
export const SIGNATURE_SPACE_LINES = 4;
/**
 * The organisation's seal field, a square of this side: Decree 30 draws the
 * seal at its real size, and an agency's round seal is about 34–42 mm across
 * (36 mm is common); `sign` draws the seal image at its own size inside it.
 */
export const SEAL_FIELD_MM = 36;
/** The sizes a seal can really have (mm): an image stating a size outside them is refused, not drawn as a dot or a poster. */
export const SEAL_MIN_MM = 20;
export const SEAL_MAX_MM = 60;
/** Space between the line under the title and what follows. */
export const AFTER_TITLE_PT = 12;
/** Space between a table and the paragraph after it. */
export const AFTER_TABLE_PT = 12;
/** Top and bottom cell padding of data tables, so text does not touch the borders. */
export const TABLE_CELL_PADDING_V_PT = 2;
/** Gap between the trích yếu and the short line under it. */
export const TITLE_RULE_GAP_PT = 3;
/** Space above Nơi nhận when it follows the two signatures of minutes. */
export const RECIPIENTS_AFTER_PAIR_PT = 18;
/** Left and right cell margins of the borderless layout tables (header, signature). */
export const LAYOUT_CELL_MARGIN_PT = 2.85;
/** Left and right cell margins of data tables. */
export const TABLE_CELL_MARGIN_PT = 4.25;
