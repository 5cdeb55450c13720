import type { Bloc } from "../schema/bloc.ts";
import type { Filing } from "../schema/common.ts";
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
  /** Cơ quan chủ quản's lines above the bloc's name ([] for none). */
  parentBody: string[];
  issuer: string[];
  /** Compounds a line break in a name must not split, besides the built-in ones. */
  compounds: string[];
  /** Each document type's code in its number line, by the key of khoi.yaml's ma_loai_van_ban. */
  typeCodes: Bloc["ma_loai_van_ban"];
  /** The default of the "Lưu: VT, ..." line of the documents the bloc issues (khoi.yaml's luu). */
  filing?: Filing;
  /** The bloc's number series in a calendar year: one for every code (default), or one per type code (khoi.yaml's so_van_ban). */
  numbering: "one" | "per-code";
  /** Agencies outside the bloc that receive its documents by edXML, with their ids (khoi.yaml's co_quan_nhan). */
  receivers: { name: string; organId: string }[];
}

export interface UnitInfo {
  id: string;
  name: string;
  shortName: string;
  abbr: string;
  /** Mã định danh điện tử (khoi.yaml's ma_dinh_danh), for edXML. */
  organId?: string;
  head: { name: string; title: string };
  women70: boolean;
  /** Cơ quan chủ quản's lines above the unit's name in the documents it issues: its own, else the bloc's ([] for none). */
  parentBody: string[];
  /** The name's lines in a header, when the data fixes them by hand. */
  headerLines?: string[];
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
  voteRule: {
    num: number;
    den: number;
    basis: "thanh_vien" | "co_mat";
    /** Whether an absent unit's written opinion counts as a ballot (binh_bau.tinh_y_kien_van_ban). */
    countWritten: boolean;
  };
  awards: Award[];
  /** Each unit's registration (the data of the dang-ky documents), also read by other documents' tables. */
  registrations: Map<string, Registration>;
  /** The year's nam.yaml. */
  yearFile: string;
  results: Map<string, Results>;
  /** Totals and ranks of the members with year-end results (tong_ket); ranks are among them only. */
  scores: UnitScore[];
  /**
   * The members without year-end results, in khoi.yaml's order: the documents list each as
   * "chưa có kết quả", without a rank, never drop it (validation makes it an error unless
   * khoi.yaml's cho_phep_chua_co_ket_qua allows it).
   */
  unscored: string[];
  ballots: Ballot[];
  votes: VoteOutcome[];
  /** Each single document type's data file, by the type's id (src/documents/registry.ts). */
  docs: ReadonlyMap<string, DocSource<unknown>>;
  /** Each per-unit document type's files, by the type's id, then by member unit. */
  unitDocs: ReadonlyMap<string, ReadonlyMap<string, DocSource<unknown>>>;
}
