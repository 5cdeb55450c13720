/**
 * The paragraph styles of the shell, by role, with their style ids in
 * templates/shell.docx. Both renderers refer to styles only through these roles;
 * the shell defines what they look like, and a user may change them in Word.
 */
export const STYLE = {
  /** Body text (Word's "Normal"). */
  body: "Normal",
  parentBody: "ParentBody",
  issuer: "Issuer",
  number: "DocNumber",
  abstract: "DocAbstract",
  nationalTitle: "NationalTitle",
  motto: "Motto",
  placeDate: "PlaceDate",
  docType: "DocType",
  summary: "DocSummary",
  /** The paragraph that carries a drawn line (its bottom border). */
  rule: "Rule",
  addressee: "Addressee",
  basis: "Basis",
  heading1: "Heading1",
  heading2: "Heading2",
  heading3: "Heading3",
  item: "Item",
  tableText: "TableText",
  recipientsLabel: "RecipientsLabel",
  recipientsItem: "RecipientsItem",
  signatureTitle: "SignatureTitle",
  signatureSpace: "SignatureSpace",
  signatureName: "SignatureName",
  appendixLabel: "AppendixLabel",
  appendixTitle: "AppendixTitle",
  appendixAttachedTo: "AppendixAttachedTo",
  /** The page-number header. */
  pageNumber: "Header",
} as const;

export type StyleRole = keyof typeof STYLE;

export const STYLE_ROLES = Object.keys(STYLE) as StyleRole[];
