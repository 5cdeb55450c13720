/** Length conversions; Word measures in twips (twentieths of a point). */
export const mmToTwips = (mm: number): number => Math.round((mm / 25.4) * 1440);
export const ptToTwips = (pt: number): number => Math.round(pt * 20);
