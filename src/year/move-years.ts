/** Moving a year's texts to the next year: "năm 2020" → "năm 2021", "năm 2021" → "năm 2022", in one pass. */

/** The years prev and prev+1 written as numbers (not inside a longer number) moved one year on. */
export function moveYears(text: string, prev: number): string {
  const re = new RegExp(`(?<!\\d)(${prev}|${prev + 1})(?!\\d)`, "g");
  return text.replace(re, (y) => String(Number(y) + 1));
}

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/** A date YYYY-02-29 that moved into a year without one becomes YYYY-02-28. */
export function clampFeb29(text: string): string {
  return text.replace(/(?<!\d)(\d{4})-02-29(?!\d)/g, (all, y: string) => (isLeap(Number(y)) ? all : `${y}-02-28`));
}
