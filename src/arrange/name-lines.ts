/**
 * Names of agencies broken into lines where a typist would: never inside a
 * compound word of an agency name ("CÔNG NGHỆ", "NHÀ NƯỚC", "KHU VỰC"...),
 * preferably after a comma or before "VÀ", never after "VÀ"/"CỦA" or at a
 * dash, and with lines as even as the rules allow. Pure: the width of a line
 * comes from the caller's measurer (the real font metrics of the arrangement).
 *
 * Vietnamese writes one syllable per word, so a compound is two or more
 * space-separated words; the list below holds the compounds of provincial and
 * central-line agency names. A break between two words that are neither in
 * a known compound nor a word that stands alone in such names ("SỞ", "TỈNH",
 * "VÀ"...) costs more: they may be a compound the list does not know (a place
 * name such as "TRÀ VINH"). A bloc adds its own compounds in its data
 * (khoi.yaml `cum_tu_khong_tach`), carried on the document's header.
 */

const COMPOUNDS = [
  // Fields of the departments (sở, bộ) and their offices.
  "công nghệ", "khoa học", "nhà nước", "khu vực", "thương mại", "đầu tư", "du lịch", "xã hội", "văn hóa", "thể thao",
  "giáo dục", "đào tạo", "y tế", "tài chính", "kế hoạch", "nông nghiệp", "phát triển", "nông thôn", "tài nguyên",
  "môi trường", "giao thông", "vận tải", "xây dựng", "công thương", "lao động", "thương binh", "nội vụ", "tư pháp",
  "thông tin", "truyền thông", "ngoại vụ", "dân tộc", "thanh tra", "ngân hàng", "kho bạc", "bảo hiểm", "thống kê",
  "hải quan", "công nghiệp", "khu công nghiệp", "khu kinh tế", "kinh tế", "quản lý", "ban quản lý", "ủy ban",
  "nhân dân", "ủy ban nhân dân", "hội đồng", "hội đồng nhân dân", "mặt trận", "tổ quốc", "mặt trận tổ quốc",
  "phát thanh", "truyền hình", "đại học", "cao đẳng", "trung cấp", "trung học", "phổ thông", "bệnh viện", "đa khoa",
  "trung tâm", "thi đua", "khen thưởng", "cơ quan", "tỉnh ủy", "thành ủy", "huyện ủy", "công an", "quân sự",
  "biên phòng", "bộ đội", "bộ chỉ huy", "chỉ huy", "liên đoàn", "công đoàn", "thanh niên", "cộng sản", "hồ chí minh",
  "phụ nữ", "cựu chiến binh", "chiến binh", "nông dân", "khuyến học", "chữ thập đỏ", "kiểm sát", "viện kiểm sát",
  "tòa án", "thi hành án", "dân sự", "kiểm toán", "thị trường", "quản lý thị trường", "điện lực", "bưu điện",
  "viễn thông", "an ninh", "hợp tác", "liên minh", "doanh nghiệp", "tổng cục", "chi cục", "cục thuế", "văn phòng",
  "đoàn đại biểu", "đại biểu", "quốc hội", "chính phủ", "chính trị", "hành chính", "dịch vụ", "công ích", "cấp nước",
  "thủy lợi", "lâm nghiệp", "kiểm lâm", "thủy sản", "chăn nuôi", "thú y", "bảo vệ", "thực vật", "khuyến nông",
  "đo đạc", "bản đồ", "đăng ký", "đất đai", "quy hoạch", "đô thị", "nhà ở", "việc làm", "dạy nghề", "giáo dục nghề nghiệp",
  "nghề nghiệp", "trẻ em", "gia đình", "dân số", "kế hoạch hóa", "an toàn", "thực phẩm", "vệ sinh", "dịch tễ",
  "kiểm soát", "bệnh tật", "y học", "cổ truyền", "dược phẩm", "mỹ phẩm", "bảo tàng", "thư viện", "nghệ thuật",
  "biểu diễn", "điện ảnh", "thể dục", "báo chí", "xuất bản", "phát hành", "lưu trữ", "lịch sử", "tôn giáo",
  "ban tôn giáo", "biên giới", "hải đảo", "hợp tác xã", "phát triển nông thôn", "xúc tiến", "tiết kiệm",
  "cảnh sát", "phòng cháy", "chữa cháy", "cứu nạn", "cứu hộ", "khí tượng", "thủy văn", "tuyên giáo", "dân vận",
  "tổ chức", "kiểm tra", "nội chính", "trà vinh", "cần thơ", "hà nội", "vĩnh long", "sóc trăng", "bến tre",
  "đồng tháp", "an giang", "kiên giang", "hậu giang", "bạc liêu", "cà mau", "long an", "tiền giang", "đà nẵng",
  "hải phòng", "thành phố", "thị xã", "thị trấn", "xổ số", "kiến thiết", "phát thanh truyền hình", "việt nam",
  "thi hành án dân sự", "chi nhánh", "liên hiệp", "công ty", "câu lạc bộ",
  // Names of agencies that read as one word: "NGÂN HÀNG / NHÀ NƯỚC" would split a name in two.
  "ngân hàng nhà nước", "kho bạc nhà nước", "bảo hiểm xã hội", "khí tượng thủy văn", "ủy ban nhân dân", "hội đồng nhân dân",
  // (Short enough to fit a line of the header's column: a longer name must break somewhere.)
  "kiểm toán nhà nước", "thanh tra chính phủ", "tòa án nhân dân", "công an nhân dân", "quân đội nhân dân", "chính sách",
  "bảo hiểm y tế", "đoàn thanh niên", "liên đoàn lao động", "quản lý thị trường", "thi đua khen thưởng", "văn hóa thông tin",
  "xúc tiến đầu tư",
  // Companies: "CÔNG TY TNHH MỘT THÀNH VIÊN / XỔ SỐ KIẾN THIẾT".
  "thành viên", "một thành viên", "trách nhiệm", "hữu hạn", "trách nhiệm hữu hạn", "cổ phần", "xổ số kiến thiết", "tập đoàn", "tổng công ty",
];

/** Words that stand alone in agency names: a break beside one is a word boundary for sure. */
const STANDALONE = [
  "sở", "ban", "bộ", "cục", "vụ", "viện", "đài", "báo", "trường", "hội", "khối", "tỉnh", "huyện", "quận", "xã",
  "phường", "và", "của", "các", "cho", "về", "với", "tại", "số", "chi", "phòng", "đội", "trạm", "tổng", "liên",
  "ủy", "đảng", "đoàn", "quỹ", "cảng", "nhà",
];

/** Words after which a line must not end. */
const NO_END = ["và", "của", "các", "cho", "về", "với", "tại", "&"];
/** Dashes: a line may end with one ("SỞ LAO ĐỘNG -"), but should not start with one (it would read as a list item). */
const DASHES = ["-", "–"];

import { wordKey } from "../format/word-key.ts";
export { wordKey };
/** The compounds a break must not split, as comparison keys. */
export interface Compounds {
  readonly keys: ReadonlySet<string>;
  /** Words in the longest. */
  readonly longest: number;
}

function compoundsOf(list: readonly string[]): Compounds {
  const keys = list.map((c) => c.trim().split(/\s+/).map(wordKey)).filter((c) => c.length > 1);
  return { keys: new Set(keys.map((c) => c.join(" "))), longest: Math.max(2, ...keys.map((c) => c.length)) };
}

/** The built-in compounds of agency names. */
export const BUILT_IN_COMPOUNDS: Compounds = compoundsOf(COMPOUNDS);
const NO_COMPOUNDS: Compounds = { keys: new Set(), longest: 2 };

/** The built-in compounds and a bloc's own (its data's `cum_tu_khong_tach`). */
export function withCompounds(extra: readonly string[] | undefined): Compounds {
  return extra?.length ? compoundsOf([...COMPOUNDS, ...extra]) : BUILT_IN_COMPOUNDS;
}
const STANDALONE_SET = new Set(STANDALONE.map(wordKey));
const NO_END_SET = new Set(NO_END.map(wordKey));
const DASH_SET = new Set(DASHES);

/** For each gap between words i and i+1: whether a known compound spans it; and per word whether a compound holds it. */
function compoundGaps(keys: readonly string[], compounds: Compounds): { inside: boolean[]; known: boolean[]; spans: [number, number][] } {
  const inside = Array<boolean>(Math.max(0, keys.length - 1)).fill(false);
  const known = Array<boolean>(keys.length).fill(false);
  const spans: [number, number][] = [];
  for (let i = 0; i < keys.length; i++) {
    for (let len = 2; len <= compounds.longest && i + len <= keys.length; len++) {
      if (!compounds.keys.has(keys.slice(i, i + len).join(" "))) continue;
      spans.push([i, i + len]);
      for (let j = i; j < i + len; j++) known[j] = true;
      for (let j = i; j < i + len - 1; j++) inside[j] = true;
    }
  }
  return { inside, known, spans };
}

/** Whether a break between `before` and `after` (words, as written) falls inside a known compound. */
export function breaksCompound(before: string, after: string, compounds: Compounds = BUILT_IN_COMPOUNDS): boolean {
  const a = before.trim().split(/ +/);
  const b = after.trim().split(/ +/);
  const longest = compounds.longest;
  const keys = [...a.slice(-longest), ...b.slice(0, longest)].map(wordKey);
  const gap = Math.min(a.length, longest) - 1;
  return compoundGaps(keys, compounds).inside[gap] ?? false;
}

export type Measure = (line: string) => number;

/** Cost of breaking after word i, as a share of the available width (Infinity: never). */
function gapCosts(words: readonly string[], compounds: Compounds): number[] {
  const keys = words.map(wordKey);
  const { inside, known } = compoundGaps(keys, compounds);
  return inside.map((isInside, i) => {
    if (isInside) return Infinity;
    const a = keys[i]!;
    const b = keys[i + 1]!;
    let cost = 0;
    if (NO_END_SET.has(a)) cost += 0.6;
    if (DASH_SET.has(words[i]!)) cost += 0.2;
    if (DASH_SET.has(words[i + 1]!)) cost += 0.6;
    if (words[i]!.endsWith(",")) cost -= 0.05;
    if (b === "va") cost -= 0.02;
    if (words[i + 1]!.startsWith("(")) cost -= 0.05;
    const sure =
      known[i] || known[i + 1] || STANDALONE_SET.has(a) || STANDALONE_SET.has(b) || DASH_SET.has(words[i]!) || DASH_SET.has(words[i + 1]!) || words[i]!.endsWith(",");
    if (!sure) cost += 0.4;
    return cost;
  });
}

/** Up to this many words the best breaks are searched exhaustively; a longer text is filled greedily. */
const SEARCH_WORDS = 40;
const MAX_LINES = 4;
const LONE_WORD = 0.5;

/**
 * `name` as lines no wider than `maxWidth`: one line when it fits, else the
 * fewest lines that fit (at most four; more only by greedy filling of a very
 * long text), with the breaks that keep compounds whole and the lines even.
 * When no split keeps every compound whole and fits, the best that fits wins.
 */
export function breakName(name: string, measure: Measure, maxWidth: number, compounds: Compounds = BUILT_IN_COMPOUNDS): string[] {
  const text = name.trim();
  if (text === "" || measure(text) <= maxWidth) return [text];
  const words = text.split(/ +/);
  if (words.length < 2) return [text];
  const costs = gapCosts(words, compounds);
  if (words.length > SEARCH_WORDS) return greedy(words, costs, measure, maxWidth);
  // Without a split that keeps every compound whole, the compounds give way in turn: first those too
  // wide for a line ("ĐÀI PHÁT THANH VÀ TRUYỀN HÌNH TRÀ VINH" as one, a bloc's own), then the bloc's
  // own; the built-in ones that fit stay whole. A gap given way costs 1 more than it would outside
  // any compound, so the other rules (no line ending in "VÀ") still hold there.
  const keys = words.map(wordKey);
  const base = gapCosts(words, NO_COMPOUNDS);
  const relaxed = (keep: (from: number, to: number) => boolean) => {
    const hard = new Set<number>();
    for (const [from, to] of compoundGaps(keys, compounds).spans) if (keep(from, to)) for (let j = from; j < to - 1; j++) hard.add(j);
    return costs.map((c, i) => (Number.isFinite(c) || hard.has(i) ? c : 1 + base[i]!));
  };
  const fits = (from: number, to: number) => measure(words.slice(from, to).join(" ")) <= maxWidth;
  const builtIn = (from: number, to: number) => BUILT_IN_COMPOUNDS.keys.has(keys.slice(from, to).join(" "));
  return (
    search(words, costs, measure, maxWidth) ??
    search(words, relaxed(fits), measure, maxWidth) ??
    search(words, relaxed((f, t) => fits(f, t) && builtIn(f, t)), measure, maxWidth) ??
    greedy(words, relaxed(() => false), measure, maxWidth)
  );
}

/** The fewest lines (two to four) that fit `maxWidth` with finite cost, the cheapest and most even of them; undefined when none. */
function search(words: readonly string[], costs: readonly number[], measure: Measure, maxWidth: number): string[] | undefined {
  const line = (from: number, to: number) => words.slice(from, to).join(" ");
  for (let lines = 2; lines <= Math.min(MAX_LINES, words.length); lines++) {
    let best: { cost: number; breaks: number[] } | undefined;
    const breaks: number[] = [];
    const visit = (from: number, left: number) => {
      if (left === 1) {
        const ends = [...breaks, words.length];
        let widest = 0;
        let penalty = 0;
        let start = 0;
        for (const end of ends) {
          widest = Math.max(widest, measure(line(start, end)));
          if (end < words.length) penalty += costs[end - 1]!;
          // A word alone on a line ("SỞ" over the rest of the name) reads as a fragment.
          if (end - start === 1) penalty += LONE_WORD;
          start = end;
        }
        if (widest > maxWidth || !Number.isFinite(penalty)) return;
        const cost = widest + penalty * maxWidth;
        if (!best || cost < best.cost) best = { cost, breaks: [...breaks] };
        return;
      }
      for (let at = from + 1; at <= words.length - left + 1; at++) {
        breaks.push(at);
        visit(at, left - 1);
        breaks.pop();
      }
    };
    visit(0, lines);
    if (best) {
      const ends = [...best.breaks, words.length];
      let start = 0;
      return ends.map((end) => {
        const l = line(start, end);
        start = end;
        return l;
      });
    }
  }
  return undefined;
}

/** Fills lines word by word, breaking at the cheapest gap of the words that fit. Linear in the words. */
function greedy(words: readonly string[], costs: readonly number[], measure: Measure, maxWidth: number): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < words.length) {
    let end = start + 1;
    let bestEnd = end;
    let bestCost = Infinity;
    while (end <= words.length && (end === start + 1 || measure(words.slice(start, end).join(" ")) <= maxWidth)) {
      const c = end === words.length ? -Infinity : (costs[end - 1] ?? 0);
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

/**
 * The lines of a name as the arrangement sets them: the lines the data gives
 * are kept (the data fixes the lines of a name by hand), except that lines
 * whose boundary falls inside a compound are joined and broken again, and a
 * line wider than `maxWidth` is broken by {@link breakName}.
 */
export function nameLines(lines: readonly string[], measure: Measure, maxWidth: number, compounds: Compounds = BUILT_IN_COMPOUNDS): string[] {
  const groups: string[] = [];
  const given = lines.map((l) => l.trim()).filter((l) => l !== "");
  for (const l of given) {
    const last = groups[groups.length - 1];
    if (last !== undefined && breaksCompound(last, l, compounds)) groups[groups.length - 1] = `${last} ${l}`;
    else groups.push(l);
  }
  return groups.flatMap((g) => breakName(g, measure, maxWidth, compounds));
}
