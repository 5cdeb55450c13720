/**
 * Titles (tên loại, trích yếu, an appendix's title) broken into lines as a
 * typist would: at phrase boundaries (after a comma, before "và", "của",
 * "năm"...), never inside a compound word or a name ("Ủy ban nhân dân tỉnh",
 * "Khối thi đua các cơ quan Kinh tế – Kỹ thuật", "Bằng khen của Chủ tịch..."
 * up to "của"), never before a number ("năm 2020", "Khối 8"), never leaving
 * one word or a short fragment alone on a line, and with lines as even as
 * these rules allow. Pure: the width of a line comes from the caller's
 * measurer (the real font metrics of the arrangement).
 *
 * A name starts at a word other than the first that is capitalised (in a
 * title in capitals: one of the heads of names, "KHỐI", "ỦY BAN"...), and runs to the next word that opens a phrase ("của", "và",
 * "năm"...) or to a comma. Compound words are those of
 * {@link breaksCompound} (the agency names' list) and those of titles below.
 */
import { breaksCompound, wordKey, type Measure } from "./name-lines.ts";

/** Compound words of titles of emulation documents, beside those of agency names. */
const TITLE_COMPOUNDS = [
  "phong trào", "sơ kết", "tổng kết", "bình xét", "bình bầu", "đề nghị", "phương hướng", "nhiệm vụ", "chủ tịch",
  "bằng khen", "giấy khen", "phát động", "kết quả", "đánh giá", "chấm điểm", "thực hiện", "đăng ký", "xét tặng",
  "danh hiệu", "tập thể", "cá nhân", "giao ước", "hưởng ứng", "triển khai", "hướng dẫn", "quyết định", "nghị quyết",
  "chỉ thị", "công văn", "thông báo", "tờ trình", "biên bản", "kế hoạch", "báo cáo", "chương trình", "đầu năm",
  "cuối năm", "tiêu biểu", "xuất sắc", "hoàn thành", "tiên tiến", "chiến sĩ", "lao động",
].map((c) => c.split(" ").map(wordKey).join(" "));
const TITLE_COMPOUND_SET = new Set(TITLE_COMPOUNDS);

/** Whether the words a and b form a compound of titles (a break between them splits it). */
const titleCompound = (a: string, b: string) => TITLE_COMPOUND_SET.has(`${wordKey(a)} ${wordKey(b)}`);

/** Words a new phrase starts with, and the cost of a break before each (a share of the line's width). */
const OPENERS = new Map<string, number>([
  ["và", 0],
  ["của", 0.05],
  ["về", 0.05],
  ["cho", 0.08],
  ["với", 0.08],
  ["tại", 0.08],
  ["theo", 0.08],
  ["năm", 0.1],
  ["giai", 0.1],
  ["trong", 0.12],
  ["nhằm", 0.1],
  ["để", 0.1],
]);
/** Words after which a line must not end (a break after one costs this much more). */
const NO_END = new Set(["và", "của", "các", "cho", "về", "với", "tại", "theo", "trong", "năm", "số", "nhằm", "để"]);
const DASHES = new Set(["-", "–", "—"]);
/**
 * Words that start a name in a title in capitals, where capitals tell no name
 * apart: "KHỐI THI ĐUA CÁC CƠ QUAN...", "ỦY BAN NHÂN DÂN TỈNH".
 */
const NAME_HEADS = new Set(["khối", "ủy", "uỷ", "hội", "sở", "cục", "cờ", "bằng", "chủ", "tỉnh", "huyện"]);

/** Cost of a break between two words that are in no name and at no phrase boundary. */
const INSIDE_PHRASE = 0.4;
/** Cost of a break inside a name: taken only when no other split fits. */
const INSIDE_NAME = 1.5;
/** A line of one word, or of two words in a title of five or more ("năm 2020" alone). */
const LONE_WORD = 1;
const SHORT_LINE = 0.5;
/** Up to this many words the best breaks are searched exhaustively; a longer text is filled greedily. */
const SEARCH_WORDS = 40;
const MAX_LINES = 4;

const lower = (w: string) => w.normalize("NFC").toLocaleLowerCase("vi");
const isNumber = (w: string) => /^\p{N}/u.test(w);
const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);

/** For each word: whether it is inside a name (a name's words after the first). */
function nameWords(words: readonly string[]): boolean[] {
  const inName = Array<boolean>(words.length).fill(false);
  // In capitals, only the heads tell a name's start.
  const upper = words.every((w) => w === w.toLocaleUpperCase("vi"));
  let open = false;
  words.forEach((w, i) => {
    if (open && OPENERS.has(lower(w))) open = false;
    if (open) inName[i] = true;
    else if (i > 0 && (upper ? NAME_HEADS.has(lower(w)) : isCapitalised(w))) open = true;
    if (w.endsWith(",")) open = false;
  });
  return inName;
}

/** Cost of breaking after word i, as a share of the available width (Infinity: never). */
export function titleGapCosts(words: readonly string[]): number[] {
  const inName = nameWords(words);
  const costs: number[] = [];
  for (let i = 0; i < words.length - 1; i++) {
    const a = words[i]!;
    const b = words[i + 1]!;
    const before = words.slice(0, i + 1).join(" ");
    const after = words.slice(i + 1).join(" ");
    if (isNumber(b) || breaksCompound(before, after) || titleCompound(a, b) || DASHES.has(b)) {
      costs.push(Infinity);
      continue;
    }
    let cost = a.endsWith(",") || a.endsWith(";") ? 0 : (OPENERS.get(lower(b)) ?? INSIDE_PHRASE);
    if (inName[i + 1]) cost += INSIDE_NAME;
    if (NO_END.has(lower(a))) cost += 0.6;
    if (DASHES.has(a)) cost += 0.3;
    costs.push(cost);
  }
  return costs;
}

/**
 * `title` as lines no wider than `maxWidth`: one line when it fits, else the
 * fewest lines (at most four) that fit with breaks a typist would choose,
 * the widest as short as the rules allow. A text no split of which fits is
 * filled word by word.
 */
export function breakTitle(title: string, measure: Measure, maxWidth: number): string[] {
  const text = title.trim().replace(/\s+/g, " ");
  if (text === "" || measure(text) <= maxWidth) return [text];
  const words = text.split(" ");
  if (words.length < 2) return [text];
  const costs = titleGapCosts(words);
  if (words.length <= SEARCH_WORDS) {
    for (let lines = 2; lines <= Math.min(MAX_LINES, words.length); lines++) {
      const best = bestBreaks(words, costs, measure, maxWidth, lines);
      if (best) return linesAt(words, best);
    }
  }
  return greedy(words, costs, measure, maxWidth);
}

function linesAt(words: readonly string[], breaks: readonly number[]): string[] {
  let start = 0;
  return [...breaks, words.length].map((end) => {
    const l = words.slice(start, end).join(" ");
    start = end;
    return l;
  });
}

/** The breaks (indices of each line's end but the last) of the best split into `count` lines that fit, if any. */
function bestBreaks(words: readonly string[], costs: readonly number[], measure: Measure, maxWidth: number, count: number): number[] | undefined {
  const widths = new Map<string, number>();
  const width = (from: number, to: number) => {
    const key = `${from}:${to}`;
    let w = widths.get(key);
    if (w === undefined) widths.set(key, (w = measure(words.slice(from, to).join(" "))));
    return w;
  };
  let best: { cost: number; breaks: number[] } | undefined;
  const breaks: number[] = [];
  const search = (from: number, left: number, widest: number, penalty: number) => {
    if (left === 1) {
      const w = width(from, words.length);
      if (w > maxWidth) return;
      const cost = Math.max(widest, w) + (penalty + linePenalty(words.length - from, words.length)) * maxWidth;
      if (!best || cost < best.cost) best = { cost, breaks: [...breaks] };
      return;
    }
    for (let at = from + 1; at <= words.length - left + 1; at++) {
      const w = width(from, at);
      if (w > maxWidth) break;
      const p = penalty + costs[at - 1]! + linePenalty(at - from, words.length);
      if (!Number.isFinite(p)) continue;
      breaks.push(at);
      search(at, left - 1, Math.max(widest, w), p);
      breaks.pop();
    }
  };
  search(0, count, 0, 0);
  return best?.breaks;
}

function linePenalty(wordsOnLine: number, total: number): number {
  if (wordsOnLine === 1) return LONE_WORD;
  return wordsOnLine === 2 && total >= 5 ? SHORT_LINE : 0;
}

/** Fills lines word by word, breaking at the cheapest gap of the words that fit. */
function greedy(words: readonly string[], costs: readonly number[], measure: Measure, maxWidth: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    let bestEnd = end;
    let bestCost = Infinity;
    while (end <= words.length && (end === start + 1 || measure(words.slice(start, end).join(" ")) <= maxWidth)) {
      const c = end === words.length ? -Infinity : Math.min(costs[end - 1] ?? 0, 10);
      if (c <= bestCost) {
        bestCost = c;
        bestEnd = end;
      }
      end++;
    }
    out.push(words.slice(start, bestEnd).join(" "));
    start = bestEnd;
  }
  return out;
}
