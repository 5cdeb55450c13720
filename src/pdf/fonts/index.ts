/** The PDF body font: Times New Roman metrics with Vietnamese, from settings, the system or @fontsource/tinos. */
export { FACES, PACKAGE_SUBSETS, packageCandidate, settingsCandidate, systemCandidates } from "./candidates.ts";
export type { FaceFiles, FamilyCandidate, FontSource, SystemOptions } from "./candidates.ts";
export { FontFileError, parseFontFile } from "./font-file.ts";
export type { FontFile } from "./font-file.ts";
export { memoryFontReader } from "./font-reader.ts";
export type { FontReader } from "./font-reader.ts";
export { FontSet, MissingCharacterError } from "./font-set.ts";
export type { FontRun } from "./font-set.ts";
export { FontNotFoundError, loadFontSet } from "./load-font-set.ts";
export type { FontSetOptions } from "./load-font-set.ts";
export { VIETNAMESE_REPERTOIRE, describeChar } from "./vietnamese.ts";
