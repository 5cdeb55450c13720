/**
 * The year's results file as plain data (schema.ts), from the year model (its computed scores,
 * ranks and votes: the same numbers the documents print), each document's identity and what its
 * files are (pages, signature fields, SHA-256). Pure: the same inputs give the same object, in the
 * same key order, so the same bytes.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import { voteBase } from "../compose/vote-figures.ts";
import { yearStages } from "../report/facts.ts";
import type { UnitInfo, YearModel } from "../model/types.ts";
import type { Ballot, VoteRow } from "../model/votes.ts";
import type { Place } from "../pdf/signing-places.ts";
import { RESULTS_VERSION, type ResultsFile } from "./schema.ts";

/** One file of a document, as written. */
export interface FileFacts {
  name: string;
  sha256: string;
  size: number;
}

/** What the build knows of a document's files: its PDF's pages and fields, every file's hash. */
export interface DocFileFacts {
  pages: number;
  signatureFields: readonly string[];
  /** Where to sign and stamp (the document's .ky-so.json). */
  places: readonly Place[];
  files: readonly FileFacts[];
}

const person = (u: UnitInfo) => ({ ho_ten: u.head.name, chuc_vu: u.head.title });
const leader = (u: UnitInfo) => ({ ma: u.id, ten: u.name, thu_truong: person(u) });
const ballot = (b: Ballot) => ({ phat_ra: b.issued, thu_vao: b.received, hop_le: b.valid, khong_hop_le: b.invalid });
const row = (r: VoteRow) => ({ don_vi: r.unitId, so_phieu: r.votes, ty_le: r.ratio, thu_tu: r.rank, dat_nguong: r.reachesThreshold, de_nghi: r.proposed });

/** A document's row: who issued it, its number, code, date, signers, and its files. */
export function documentRow(c: ComposedDocument, f: DocFileFacts): ResultsFile["van_ban"][number] {
  return {
    ma: c.doc.stem,
    loai: c.type,
    ten_loai: c.doc.title?.type ?? "",
    trich_yeu: (c.doc.title?.summary ?? []).join(" ").replace(/\s+/g, " ").trim(),
    ban_hanh: { boi: c.issue.by === "bloc" ? "khoi" : "don-vi", don_vi: c.issue.by === "unit" ? (c.unit ?? null) : null },
    so: c.issue.number,
    ky_hieu: c.issue.notation,
    ngay: c.issue.date,
    nguoi_ky: c.doc.signatures.map((s) => ({ vai_tro: s.role, chuc_danh: [...s.lines], ho_ten: s.name })),
    so_trang: f.pages,
    o_chu_ky: [...f.signatureFields],
    vi_tri_ky: f.places.map((p) => ({ ...p, pt: [...p.pt] as Place["pt"], mm: { ...p.mm } })),
    tep: f.files.map((x) => ({ ten: x.name, sha256: x.sha256, kich_thuoc: x.size })),
  };
}

/** The results of the year, `docs` in the build's order with their files' facts. */
export function resultsFacts(m: YearModel, toolVersion: string, docs: readonly { doc: ComposedDocument; files: DocFileFacts }[]): ResultsFile {
  return {
    phien_ban: RESULTS_VERSION,
    cong_cu: { ten: "khoi-thi-dua", phien_ban: toolVersion },
    nam: m.year,
    khoi: {
      ma: m.bloc.code,
      ten: m.bloc.name,
      ten_ngan: m.bloc.shortName,
      tinh: m.bloc.province,
      co_quan_chu_quan: [...m.bloc.parentBody],
      khoi_truong: leader(m.leader),
      khoi_pho: leader(m.deputy),
    },
    don_vi: m.units.map((u) => ({ ma: u.id, ten: u.name, ten_ngan: u.shortName, viet_tat: u.abbr, co_quan_chu_quan: [...u.parentBody], thu_truong: person(u) })),
    tieu_chi: m.criteria.map((c) => ({ ma: c.id, noi_dung: c.text, diem_toi_da: c.max })),
    diem: {
      diem_toi_da: m.maxTotal,
      diem_cong_toi_da: m.bonusCap,
      diem_tru_toi_da: m.penaltyCap,
      don_vi: m.scores.map((s) => ({
        don_vi: s.unitId,
        theo_tieu_chi: m.criteria.flatMap((c) => {
          const p = s.perCriterion.get(c.id);
          return p ? [{ tieu_chi: c.id, tu_cham: p.self, khoi_cham: p.verified }] : [];
        }),
        diem_toi_da: s.maxTotal,
        tu_cham: s.selfTotal,
        khoi_cham: s.verifiedTotal,
        diem_cong: s.bonus,
        diem_tru: s.penalty,
        tong: s.total,
        xep_hang: s.rank,
      })),
      chua_co_ket_qua: [...m.unscored],
    },
    thoi_han: yearStages(m).map((s) => ({ ma: s.id, ten: s.name, han: s.deadline, don_vi: s.deliveries.map((d) => ({ don_vi: d.unitId, ngay: d.date ?? null, trang_thai: d.status })) })),
    binh_bau: {
      ty_le_toi_thieu: { tu: m.voteRule.num, mau: m.voteRule.den },
      co_so: m.voteRule.basis,
      so_co_so: voteBase(m),
      danh_hieu: m.awards.map((a) => {
        const v = m.votes.find((x) => x.awardId === a.id);
        return {
          ma: a.id,
          ten: a.name,
          chi_tieu: a.quota,
          vong: (v?.rounds ?? []).map((r) => ({
            vong: r.round,
            so_suat: r.places,
            phieu: ballot(r.ballot),
            ket_qua: r.rows.map(row),
            de_nghi: [...r.proposed],
            bang_phieu_o_suat_cuoi: [...r.tiedAtQuota],
          })),
          de_nghi: [...(v?.proposed ?? [])],
          chua_phan_dinh: [...(v?.tiedAtQuota ?? [])],
        };
      }),
    },
    van_ban: docs.map((d) => documentRow(d.doc, d.files)),
  };
}
