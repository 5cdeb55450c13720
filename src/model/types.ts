import type { MinutesFront, PlanFront, ProposalFront, ReportFront } from "../schema/documents.ts";
import type { Registration, Results } from "../schema/unit-files.ts";
import type { UnitScore } from "./scores.ts";
import type { Ballot, VoteOutcome } from "./votes.ts";

/** The resolved model of one bloc's year: ids resolved, numbers computed, ready for the documents. */
export interface BlocInfo {
  name: string;
  shortName: string;
  code: string;
  province: string;
  place: string;
  parentBody?: string;
  issuer: string[];
  typeCodes: { plan: string; registration: string; report: string; minutes: string; proposal: string; invitation: string };
}

export interface UnitInfo {
  id: string;
  name: string;
  shortName: string;
  abbr: string;
  head: { name: string; title: string };
  women70: boolean;
}

export interface Criterion {
  id: string;
  text: string;
  max: number;
}

export interface Award {
  id: string;
  name: string;
  quota: number;
}

/** A document's data file: its validated front matter, its Markdown body and where the body starts. */
export interface DocSource<T> {
  front: T;
  body: string;
  file: string;
  bodyLine: number;
}

export interface YearModel {
  year: number;
  bloc: BlocInfo;
  /** Members of the bloc this year, in the order of khoi.yaml. */
  units: UnitInfo[];
  unitById: Map<string, UnitInfo>;
  leader: UnitInfo;
  deputy: UnitInfo;
  foundingDecision?: string;
  criteria: Criterion[];
  maxTotal: number;
  bonusCap: number;
  penaltyCap: number;
  timeline: { registration: string; midReport: string; midMonth: string; endReport: string; endMonth: string };
  voteRule: { num: number; den: number; basis: "thanh_vien" | "co_mat" };
  awards: Award[];
  registrations: Map<string, Registration>;
  /** The data file of each registration, for messages about the documents made from it. */
  registrationFiles: Map<string, string>;
  /** The year's nam.yaml. */
  yearFile: string;
  results: Map<string, Results>;
  scores: UnitScore[];
  ballots: Ballot[];
  votes: VoteOutcome[];
  plan?: DocSource<PlanFront>;
  soKet?: DocSource<ReportFront>;
  tongKet?: DocSource<ReportFront>;
  minutes?: DocSource<MinutesFront>;
  proposal?: DocSource<ProposalFront>;
}
