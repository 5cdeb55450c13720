/** Pure formatting helpers (dates, numbers, text) for Decree 30/2020/NĐ-CP documents. */
export * from "./date.ts";
export * from "./number.ts";
export * from "./text.ts";
