import type { z } from "zod";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { MarkdownSource } from "../load/markdown-source.ts";
import type { RawProject, RawYear } from "../load/project.ts";
import type { YamlSource } from "../load/yaml-source.ts";
import { Bloc } from "../schema/bloc.ts";
import { MinutesFront, PlanFront, ProposalFront, ReportFront } from "../schema/documents.ts";
import { Registration, Results } from "../schema/unit-files.ts";
import { Year } from "../schema/year.ts";
import { checkBloc, checkYear } from "./cross-checks.ts";
import { validateWith } from "./zod-issues.ts";

/** Validated data together with the source that locates it. */
export interface Located<T> {
  data: T;
  src: YamlSource;
}

export interface MarkdownDoc<T> extends Located<T> {
  body: string;
  bodyLine: number;
  file: string;
}

export interface ValidYear {
  folder: string;
  dir: string;
  year: Located<Year>;
  plan?: MarkdownDoc<PlanFront>;
  soKet?: MarkdownDoc<ReportFront>;
  tongKet?: MarkdownDoc<ReportFront>;
  minutes?: MarkdownDoc<MinutesFront>;
  proposal?: MarkdownDoc<ProposalFront>;
  registrations: Map<string, Located<Registration>>;
  results: Map<string, Located<Results>>;
}

export interface ValidProject {
  bloc: Located<Bloc>;
  years: ValidYear[];
}

/** Schema validation of every file, then the checks across files. Undefined when the bloc itself is unusable. */
export function validateProject(raw: RawProject, diags: Diagnostics): ValidProject | undefined {
  if (!raw.bloc) return undefined;
  const bloc = located(Bloc, raw.bloc, diags);
  if (!bloc) return undefined;
  checkBloc(bloc, diags);
  const years: ValidYear[] = [];
  for (const ry of raw.years) {
    const vy = validateYear(ry, diags);
    if (vy) {
      checkYear(bloc, vy, diags);
      years.push(vy);
    }
  }
  return { bloc, years };
}

function validateYear(ry: RawYear, diags: Diagnostics): ValidYear | undefined {
  if (!ry.nam) return undefined;
  const year = located(Year, ry.nam, diags);
  const vy: Partial<ValidYear> & { registrations: Map<string, Located<Registration>>; results: Map<string, Located<Results>> } = {
    folder: ry.folder,
    dir: ry.dir,
    registrations: new Map(),
    results: new Map(),
  };
  for (const f of ry.registrations) {
    const r = located(Registration, f.src, diags);
    if (r) vy.registrations.set(f.unitId, r);
  }
  for (const f of ry.results) {
    const r = located(Results, f.src, diags);
    if (r) vy.results.set(f.unitId, r);
  }
  vy.plan = markdown(PlanFront, ry.plan, diags);
  vy.soKet = markdown(ReportFront, ry.soKet, diags);
  vy.tongKet = markdown(ReportFront, ry.tongKet, diags);
  vy.minutes = markdown(MinutesFront, ry.minutes, diags);
  vy.proposal = markdown(ProposalFront, ry.proposal, diags);
  if (!year) return undefined;
  return { ...vy, year } as ValidYear;
}

function located<S extends z.ZodType>(schema: S, src: YamlSource, diags: Diagnostics): Located<z.output<S>> | undefined {
  // A file that did not parse has its errors reported already.
  if (src.value === undefined) return undefined;
  const data = validateWith(schema, src, diags);
  return data === undefined ? undefined : { data, src };
}

function markdown<S extends z.ZodType>(schema: S, md: MarkdownSource | undefined, diags: Diagnostics): MarkdownDoc<z.output<S>> | undefined {
  if (!md) return undefined;
  const l = located(schema, md.frontMatter, diags);
  return l ? { ...l, body: md.body, bodyLine: md.bodyLine, file: md.file } : undefined;
}
