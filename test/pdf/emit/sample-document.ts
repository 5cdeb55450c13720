/** Laid-out documents for the emit tests, built by hand (no layout involved). */
import type { FontSet } from "../../../src/pdf/fonts/font-set.ts";
import type { FaceKey, LaidOutDocument, LaidOutPage, PageItem } from "../../../src/pdf/types.ts";
import type { DocMeta } from "../../../src/document/model.ts";

export const A4 = { width: 595.28, height: 841.89 };

export const VIETNAMESE_LINE = "Cộng hòa xã hội chủ nghĩa Việt Nam — Độc lập - Tự do - Hạnh phúc; Nguyễn Thị Ngọc Hân; ỹ Ỹ ữ ự đ Đ";

export const FACES: FaceKey[] = ["regular", "bold", "italic", "boldItalic"];

export const META: DocMeta = {
  title: "Kế hoạch tổ chức phong trào thi đua năm 2020",
  subject: "Kế hoạch của Khối thi đua số 8",
  author: "Khối thi đua số 8 tỉnh Trà Vinh",
  keywords: ["thi đua", "khen thưởng", "2020"],
  lang: "vi-VN",
  date: "2020-02-05",
};

/** One A4 page: the Vietnamese line in each face (one word per item, as justified lines are), a rule and a box. */
export function fourFacesDocument(fonts: FontSet, meta: DocMeta = META): LaidOutDocument {
  const items: PageItem[] = [];
  let y = 100;
  for (const face of FACES) {
    let x = 85;
    for (const word of VIETNAMESE_LINE.split(" ")) {
      items.push({ kind: "text", x, y, text: word, face, size: 13 });
      x += fonts.width(word, face, 13) + fonts.width(" ", face, 13);
      if (x > 500) {
        x = 85;
        y += 15;
      }
    }
    y += 30;
  }
  items.push({ kind: "line", x1: 85, y1: y, x2: 552, y2: y, width: 0.5 });
  items.push({ kind: "rect", x: 85, y: y + 20, w: 200, h: 60, stroke: 0.75 });
  return { meta, pages: [{ ...A4, items, anchors: [] }] };
}

const WORDS = (VIETNAMESE_LINE + " Thực hiện Kế hoạch số 05/KH-K8 ngày 05 tháng 02 năm 2020 của Khối thi đua các sở, ban, ngành tỉnh Trà Vinh về việc tổ chức phong trào thi đua yêu nước năm 2020, các đơn vị thành viên đã đăng ký chỉ tiêu, nhiệm vụ và đề ra giải pháp thực hiện; kết quả đạt được như sau:").split(" ");

/** `pages` pages of `wordsPerPage` words each (one item per word), faces changing every 16 words; the last page landscape when asked. */
export function longDocument(fonts: FontSet, pages = 3, wordsPerPage = 500, landscapeLast = false): LaidOutDocument {
  const out: LaidOutPage[] = [];
  let n = 0;
  for (let p = 0; p < pages; p++) {
    const size = landscapeLast && p === pages - 1 ? { width: A4.height, height: A4.width } : A4;
    const items: PageItem[] = [];
    let x = 85;
    let y = 80;
    for (let i = 0; i < wordsPerPage; i++, n++) {
      const text = WORDS[n % WORDS.length] as string;
      const face = FACES[(n >> 4) % 4] as FaceKey;
      const w = fonts.width(text, face, 14);
      if (x + w > size.width - 43) {
        x = 85;
        y += 16.1;
      }
      items.push({ kind: "text", x, y, text, face, size: 14 });
      x += w + fonts.width(" ", face, 14);
    }
    out.push({ ...size, items, anchors: [] });
  }
  return { meta: META, pages: out };
}
