import type { Stage } from "./stages.ts";

/** Everything a form is made from: plain data taken from the validated project (src/forms/collect.ts). */
export interface FormInput {
  bloc: { code: string; name: string };
  year: number;
  unit: { id: string; name: string };
  stage: Stage;
  criteria: { id: string; content: string; max: number }[];
  caps: { diem_cong_toi_da: number; diem_tru_toi_da: number };
  /** Drop-down suggestions for the collective titles. */
  collectiveTitles: string[];
  /** The stage's part of the unit's file as it is now (prefilled), or undefined. */
  existing: unknown;
}

/** The value at a path of plain data, or undefined. */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let cur: unknown = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return cur;
}
