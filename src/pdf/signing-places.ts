/**
 * Where to sign and stamp on a laid-out document, for any signing tool (VNPT SmartCA, Viettel
 * MySign, the Ban Cơ yếu's VGCA tools place their own images at page coordinates; the records
 * office stamps the number and the date at issuance): each signature field and the seal's area
 * (the layout's anchors, as the PDF's widgets have them), the number's slot between "Số:" and
 * "/", and the day's and the month's slots of the date line. Each box is given in PDF points
 * (origin bottom left, as a PDF's /Rect) and in millimetres from the page's top-left corner.
 * Pure: from the layout and the font metrics.
 */
import { SIGNATURE_FIELD_PREFIX, FIELD } from "../sign/field-names.ts";
import type { FontMetrics, LaidOutDocument, TextItem } from "./types.ts";

export const PLACES_VERSION = 1;

export type PlaceKind = "chu-ky" | "dau" | "so" | "ngay" | "thang";

export interface Place {
  /** The signature field's name ("ky.nguoi-ky"), or "so", "ngay", "thang". */
  ten: string;
  loai: PlaceKind;
  /** 1-based page. */
  trang: number;
  /** [x1, y1, x2, y2] in PDF points, origin bottom left. */
  pt: [number, number, number, number];
  /** From the page's top-left corner, in millimetres. */
  mm: { trai: number; tren: number; rong: number; cao: number };
  /** For a number or date slot: what the document already shows there ("03"), or null when it is left blank. */
  da_ghi?: string | null;
}

export interface SigningPlaces {
  phien_ban: number;
  tep: string;
  trang: { so: number; rong_pt: number; cao_pt: number }[];
  o: Place[];
}

const MM = 25.4 / 72;
const r2 = (n: number) => Math.round(n * 100) / 100;

function place(ten: string, loai: PlaceKind, page: number, pageHeight: number, x: number, top: number, w: number, h: number, extra: Partial<Place> = {}): Place {
  return {
    ten,
    loai,
    trang: page + 1,
    pt: [r2(x), r2(pageHeight - top - h), r2(x + w), r2(pageHeight - top)],
    mm: { trai: r2(x * MM), tren: r2(top * MM), rong: r2(w * MM), cao: r2(h * MM) },
    ...extra,
  };
}

/** The box of text[from, to) of a text item: from its advance widths, from the ascent to the descent. */
function slot(item: TextItem, from: number, to: number, metrics: FontMetrics): { x: number; top: number; w: number; h: number } {
  const v = metrics.vertical(item.face);
  const x = item.x + metrics.width(item.text.slice(0, from), item.face, item.size);
  const w = metrics.width(item.text.slice(from, to), item.face, item.size);
  return { x, top: item.y - v.ascent * item.size, w, h: (v.ascent + v.descent) * item.size };
}

const shown = (s: string) => (s.trim() ? s.trim() : null);

export function signingPlaces(laid: LaidOutDocument, pdfName: string, placeDate: string | undefined, metrics: FontMetrics): SigningPlaces {
  const o: Place[] = [];
  laid.pages.forEach((page, i) => {
    for (const a of page.anchors) {
      if (!a.name.startsWith(SIGNATURE_FIELD_PREFIX)) continue;
      o.push(place(a.name, a.name === FIELD.seal ? "dau" : "chu-ky", i, page.height, a.x, a.y, a.w, a.h));
    }
  });
  const first = laid.pages[0];
  if (first) {
    const texts = first.items.filter((t): t is TextItem => t.kind === "text");
    const number = texts.find((t) => /^Số:/u.test(t.text) && t.text.includes("/"));
    if (number) {
      const end = number.text.indexOf("/");
      const b = slot(number, "Số:".length, end, metrics);
      o.push(place("so", "so", 0, first.height, b.x, b.top, b.w, b.h, { da_ghi: shown(number.text.slice(3, end)) }));
    }
    const date = placeDate ? texts.find((t) => t.text === placeDate) : undefined;
    const m = date ? /(ngày)(.*?)(tháng)(.*?)(năm)/u.exec(date.text) : null;
    if (date && m) {
      const dayFrom = m.index + m[1]!.length;
      const dayTo = dayFrom + m[2]!.length;
      const monthFrom = dayTo + m[3]!.length;
      const monthTo = monthFrom + m[4]!.length;
      const d = slot(date, dayFrom, dayTo, metrics);
      const t = slot(date, monthFrom, monthTo, metrics);
      o.push(place("ngay", "ngay", 0, first.height, d.x, d.top, d.w, d.h, { da_ghi: shown(m[2]!) }));
      o.push(place("thang", "thang", 0, first.height, t.x, t.top, t.w, t.h, { da_ghi: shown(m[4]!) }));
    }
  }
  return {
    phien_ban: PLACES_VERSION,
    tep: pdfName,
    trang: laid.pages.map((p, i) => ({ so: i + 1, rong_pt: r2(p.width), cao_pt: r2(p.height) })),
    o,
  };
}
