/**
 * The bar chart of the totals, inline SVG: one row per unit in rank order, the
 * name and total on a line of text, the bar under it. Positions are in
 * percent of the chart's width, so the text keeps its size on a phone and a
 * desktop alike (no viewBox scaling). Named for screen readers by role="img",
 * <title> and an aria-label listing every total.
 */
import { formatScore } from "../format/number.ts";
import { h, type Html } from "./markup.ts";

export interface Bar {
  label: string;
  value: number;
}

const ROW = 44;

export function barChart(title: string, bars: readonly Bar[], max: number): Html {
  const height = bars.length * ROW + 4;
  const scale = max > 0 ? max : Math.max(1, ...bars.map((b) => b.value));
  const label = `${title}: ${bars.map((b) => `${b.label} ${formatScore(b.value)}`).join("; ")}`;
  const rows = bars.map((b, i) => {
    const y = i * ROW;
    const pct = Math.max(0, Math.min(100, (b.value / scale) * 100));
    const width = `${(Math.round(pct * 100) / 100).toFixed(2)}%`;
    return h`<g><text x="0" y="${y + 16}" font-size="14" fill="#1a1a1a">${b.label}</text><text x="100%" y="${y + 16}" font-size="14" font-weight="700" text-anchor="end" fill="#1a1a1a">${formatScore(b.value)}</text><rect x="0" y="${y + 22}" width="100%" height="14" fill="#e9eef5"/><rect x="0" y="${y + 22}" width="${width}" height="14" fill="#1f5fa8"/></g>`;
  });
  return h`<figure class="bieu-do"><svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${label}" height="${height}" width="100%" font-family="inherit"><title>${label}</title>${rows}</svg><figcaption class="nho">${title} (thang đo đến ${formatScore(scale)} điểm).</figcaption></figure>`;
}
