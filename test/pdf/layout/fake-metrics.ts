import type { FaceKey, FontMetrics } from "../../../src/pdf/types.ts";

/** Every character is half the font size wide (bold: 0.6); single line height 1.15 em. */
export const fakeMetrics: FontMetrics = {
  width: (text: string, face: FaceKey, size: number) => [...text].length * size * (face.startsWith("bold") ? 0.6 : 0.5),
  vertical: () => ({ ascent: 0.9, descent: 0.25, lineHeight: 1.15 }),
  missing: (text: string) => [...text].filter((c) => c === "漢"),
};
