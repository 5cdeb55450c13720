import type { Code, Params } from "../diagnostics/diagnostic.ts";
import { LIMITS } from "../load/limits.ts";

/** A position in the template text: 1-based line, 0-based column (as Handlebars gives it). */
export interface TemplateLoc {
  line: number;
  column: number;
}

/**
 * What one template expansion may do, checked while it runs: the block
 * iterations and value insertions ("steps") and the characters the blocks
 * produce. The real templates take a few thousand steps and tens of thousands
 * of characters; a document may hold LIMITS.maxDocumentChars (checked after
 * composing), the expansion ten times that with its marks.
 */
export const TEMPLATE_BUDGET = {
  maxSteps: 500_000,
  maxChars: 10 * LIMITS.maxDocumentChars,
} as const;

/** A located reason to stop filling a template, with its diagnostic code; thrown through Handlebars. */
export class TemplateFailure extends Error {
  constructor(
    readonly code: Code,
    readonly params: Params,
    readonly loc: TemplateLoc | undefined,
  ) {
    super(code);
  }
}

/** The running count of one expansion; `at` is the last expression started, for errors Handlebars does not locate. */
export class Budget {
  steps = 0;
  chars = 0;
  at: TemplateLoc | undefined;
  constructor(
    readonly template: string,
    readonly limits: { maxSteps: number; maxChars: number } = TEMPLATE_BUDGET,
  ) {}

  step(loc: TemplateLoc | undefined): void {
    if (++this.steps > this.limits.maxSteps) throw new TemplateFailure("limit/template-steps", { template: this.template, max: this.limits.maxSteps }, loc ?? this.at);
  }

  output(length: number, loc: TemplateLoc | undefined): void {
    this.chars += length;
    if (this.chars > this.limits.maxChars) throw new TemplateFailure("limit/template-output", { template: this.template, max: this.limits.maxChars }, loc ?? this.at);
  }
}
