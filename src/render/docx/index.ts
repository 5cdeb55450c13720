/** The DOCX renderer: fill the Decree 30 shell with an AdminDocument. */
export { renderDocx } from "./render.ts";
export { readShellStyle, textWidthMm, type LineSpacing, type PageSetup, type ParagraphStyle, type ShellStyle } from "./style.ts";
export { buildShell, SHELL_PATH } from "./shell.ts";
export { STYLE, type StyleRole } from "../../document/style-roles.ts";
export { HEADER_LEFT_FRACTION, SHORT_RULE_FRACTION, SIGNATURE_LEFT_FRACTION } from "../../document/conventions.ts";
export { MOTTO, NATIONAL_TITLE } from "./header-xml.ts";
export { KINH_GUI } from "./title-xml.ts";
export { NOI_NHAN, SIGNATURE_SPACE_LINES } from "./signature-xml.ts";
