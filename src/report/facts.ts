/**
 * The facts of the year's HTML report, as plain data: read from the year model
 * (its computed scores, ranks and votes), the year's validation diagnostics and,
 * per document, what its PDF holds (page count, signature fields). Pure: the
 * same model gives the same facts. Formatting is left to html.ts.
 */
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { UnitScore } from "../model/scores.ts";
import type { YearModel } from "../model/types.ts";
import { yearFigures, type DeadlineFigures, type SentFigure } from "../compose/figures.ts";
import { voteBase as figuresVoteBase, voteFigures } from "../compose/vote-figures.ts";

/** When a unit handed in one stage's paper: on time, late (after the deadline) or not at all. */
export type Delivery = { unitId: string; date?: string; status: "dung-han" | "tre-han" | "chua-nop" };

export interface Stage {
  id: "dang-ky" | "so-ket" | "tong-ket";
  name: string;
  deadline: string;
  deliveries: Delivery[];
}

export interface DocFacts {
  stem: string;
  /** What the document is: its type and summary, or its metadata title. */
  title: string;
  pages: number;
  signatureFields: string[];
  /** The file names next to the report (relative links). */
  files: string[];
}

export interface ReportFacts {
  year: number;
  bloc: { name: string; shortName: string; province: string };
  units: { id: string; name: string; shortName: string; head: string }[];
  leader: { id: string; name: string; head: string };
  deputy: { id: string; name: string; head: string };
  months: { mid: string; end: string };
  stages: Stage[];
  criteria: { id: string; text: string; max: number }[];
  maxTotal: number;
  bonusCap: number;
  penaltyCap: number;
  /** Members without year-end results (allowed by khoi.yaml): listed after the ranked units, without a rank. */
  unscored: string[];
  /** The model's scores, per criterion as a list (plain data, no Map). */
  scores: (Omit<UnitScore, "perCriterion"> & { perCriterion: { criterionId: string; self: number; verified: number }[] })[];
  vote: {
    num: number;
    den: number;
    basis: "thanh_vien" | "co_mat";
    /** The number ratios are measured against (members, or those present, with written opinions counted as votes). */
    base: number;
    /** What the base is, as the minutes say it: "số đơn vị có mặt (13) cộng số ý kiến bằng văn bản …". */
    baseText: string;
    awards: {
      id: string;
      name: string;
      quota: number;
      ballot?: { issued: number; received: number; valid: number; invalid: number };
      /** Round 1's count; `proposed` on a row: proposed by round 1. */
      rows: VoteRowFacts[];
      /** Proposed in the end, by every round. */
      proposed: string[];
      /** Tied at the quota's last place after the last round: not settled. */
      tiedAtQuota: string[];
      /** Units tied in round 1 (settled by a later round, or not). */
      tiedInRound1: string[];
      /** Second ballots among tied units, in order (round 2, 3...). */
      laterRounds: {
        round: number;
        places: number;
        ballot: { issued: number; received: number; valid: number; invalid: number };
        rows: VoteRowFacts[];
        proposed: string[];
        tiedAtQuota: string[];
      }[];
    }[];
  };
  diagnostics: Diagnostic[];
  documents: DocFacts[];
  /** The year's print bundle next to the report (every PDF in one, src/bundle/), its file name. */
  bundle?: string;
}

type VoteRowFacts = { unitId: string; votes: number; ratio: number; rank: number; reachesThreshold: boolean; proposed: boolean };

const ballotFacts = (b: { issued: number; received: number; valid: number; invalid: number }) => ({ issued: b.issued, received: b.received, valid: b.valid, invalid: b.invalid });

/** A deadline's deliveries, unit by unit in khoi.yaml's order, from the year's figures (figures.ts sorts them). */
function stage(m: YearModel, id: Stage["id"], name: string, d: DeadlineFigures<SentFigure>): Stage {
  const onTime = new Map(d.dung_han.map((s) => [s.ma, s.ngay]));
  const late = new Map(d.tre_han.map((s) => [s.ma, s.ngay]));
  return {
    id,
    name,
    deadline: d.han,
    deliveries: m.units.map((u): Delivery => {
      const date = onTime.get(u.id) ?? late.get(u.id);
      if (date === undefined) return { unitId: u.id, status: "chua-nop" };
      return { unitId: u.id, date, status: onTime.has(u.id) ? "dung-han" : "tre-han" };
    }),
  };
}

/** The year's three deadlines, each with every member's delivery (the report's timeline, the results file's thoi_han). */
export function yearStages(m: YearModel): Stage[] {
  const figures = yearFigures(m);
  return [
    stage(m, "dang-ky", "Đăng ký thi đua", figures.dang_ky),
    stage(m, "so-ket", "Báo cáo sơ kết 6 tháng", figures.so_ket),
    stage(m, "tong-ket", "Báo cáo tổng kết, tự chấm điểm", figures.tong_ket),
  ];
}

/** The number vote ratios are measured against, as the model and the minutes' tables take it (vote-figures.ts). */
export const voteBase = figuresVoteBase;

/** The report's facts, from the model, the year's diagnostics, what each document's PDF says of it, and the bundle's file. */
export function reportFacts(m: YearModel, diagnostics: readonly Diagnostic[], documents: readonly DocFacts[], bundle?: string): ReportFacts {
  const base = voteBase(m);
  const person = (u: YearModel["leader"]) => ({ id: u.id, name: u.name, head: `${u.head.title} ${u.head.name}`.trim() });
  return {
    year: m.year,
    bloc: { name: m.bloc.name, shortName: m.bloc.shortName, province: m.bloc.province },
    units: m.units.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName, head: `${u.head.title} ${u.head.name}`.trim() })),
    leader: person(m.leader),
    deputy: person(m.deputy),
    months: { mid: m.timeline.midMonth, end: m.timeline.endMonth },
    stages: yearStages(m),
    criteria: m.criteria.map((c) => ({ id: c.id, text: c.text, max: c.max })),
    maxTotal: m.maxTotal,
    bonusCap: m.bonusCap,
    penaltyCap: m.penaltyCap,
    unscored: [...m.unscored],
    scores: m.scores.map((s) => ({
      unitId: s.unitId,
      maxTotal: s.maxTotal,
      selfTotal: s.selfTotal,
      verifiedTotal: s.verifiedTotal,
      bonus: s.bonus,
      penalty: s.penalty,
      total: s.total,
      rank: s.rank,
      perCriterion: m.criteria.flatMap((c) => {
        const p = s.perCriterion.get(c.id);
        return p ? [{ criterionId: c.id, self: p.self, verified: p.verified }] : [];
      }),
    })),
    vote: {
      num: m.voteRule.num,
      den: m.voteRule.den,
      basis: m.voteRule.basis,
      base,
      baseText: voteFigures(m).co_so,
      awards: m.awards.map((a) => {
        const v = m.votes.find((x) => x.awardId === a.id);
        const first = v?.rounds[0];
        return {
          id: a.id,
          name: a.name,
          quota: a.quota,
          ...(first ? { ballot: ballotFacts(first.ballot) } : {}),
          rows: (first?.rows ?? []).map((r) => ({ ...r })),
          proposed: [...(v?.proposed ?? [])],
          tiedAtQuota: [...(v?.tiedAtQuota ?? [])],
          tiedInRound1: [...(first?.tiedAtQuota ?? [])],
          laterRounds: (v?.rounds.slice(1) ?? []).map((r) => ({
            round: r.round,
            places: r.places,
            ballot: ballotFacts(r.ballot),
            rows: r.rows.map((x) => ({ ...x })),
            proposed: [...r.proposed],
            tiedAtQuota: [...r.tiedAtQuota],
          })),
        };
      }),
    },
    diagnostics: [...diagnostics],
    documents: [...documents],
    ...(bundle ? { bundle } : {}),
  };
}
