/**
 * The year's report as a year output (src/write/year-outputs.ts): out/<year>/index.html.
 * Its content hash covers the facts it shows and each document's composed
 * content (from which, with the tool, fonts and shell, the page counts and
 * signature fields follow); rendering lays every document of the year out
 * again for those, so the page never depends on which documents this build
 * happened to rebuild.
 */
import type { ComposedDocument } from "../compose/compose-all.ts";
import { parseStem } from "../documents/registry.ts";
import type { YearModel } from "../model/types.ts";
import type { RenderInputs } from "../render/renderers.ts";
import { sha256, stableJson } from "../write/hash.ts";
import type { YearContext, YearOutputKind } from "../write/year-outputs.ts";
import { reportFacts, type DocFacts } from "./facts.ts";
import { renderReportHtml } from "./html.ts";

/** The page's make-up, in the content hash (a change of the sources also changes the tool version, which rebuilds it anyway). */
const REPORT_FORMAT = 1;

/** "Kế hoạch Tổ chức và phát động ..."; a unit's document adds the unit: "Bản đăng ký thi đua năm 2020: Sở Y tế". */
export function documentTitle(c: ComposedDocument, model: YearModel): string {
  const t = c.doc.title;
  let title = c.doc.meta.title;
  if (t) {
    const type = t.type.charAt(0) + t.type.slice(1).toLocaleLowerCase("vi");
    const summary = t.summary.join(" ");
    title = [type, /^[A-ZĐ]/u.test(summary) && summary === summary.toLocaleUpperCase("vi") ? summary.toLocaleLowerCase("vi") : summary].join(" ").replace(/\s+/g, " ").trim();
  }
  const unit = parseStem(c.doc.stem)?.unit;
  return unit ? `${title}: ${model.unitById.get(unit)?.name ?? unit}` : title;
}

/** Page count and signature field names of each document, from the layout the PDF is made from. */
export async function documentFacts(documents: readonly ComposedDocument[], model: YearModel, inputs: Pick<RenderInputs, "style" | "fonts">): Promise<DocFacts[]> {
  const [{ arrangeDocument }, { layoutDocument }, { signatureFieldPlacements }, { OUTPUT_EXTENSIONS }] = await Promise.all([
    import("../arrange/arrange.ts"),
    import("../pdf/layout/document.ts"),
    import("../pdf/emit/signature-fields.ts"),
    import("../render/output-paths.ts"),
  ]);
  return documents.map((c) => {
    const arrangement = arrangeDocument(c.doc, inputs.style, inputs.fonts);
    const laid = layoutDocument(c.doc, inputs.style, inputs.fonts, { arrangement });
    return {
      stem: c.doc.stem,
      title: documentTitle(c, model),
      pages: laid.pages.length,
      signatureFields: signatureFieldPlacements(laid).map((p) => p.name),
      files: OUTPUT_EXTENSIONS.map((ext) => `${c.doc.stem}.${ext}`),
    };
  });
}

export async function reportHtml(ctx: YearContext, inputs: Pick<RenderInputs, "style" | "fonts">): Promise<string> {
  return renderReportHtml(reportFacts(ctx.model, ctx.diagnostics, await documentFacts(ctx.documents, ctx.model, inputs)));
}

export const reportOutput: YearOutputKind = {
  id: "bao-cao-nam",
  contentHash: (ctx) =>
    sha256(
      stableJson({
        format: REPORT_FORMAT,
        facts: reportFacts(ctx.model, ctx.diagnostics, []),
        documents: ctx.documents.map((d) => [d.doc.stem, sha256(stableJson(d.doc))]),
      }),
    ),
  render: async (ctx, inputs) => new TextEncoder().encode(await reportHtml(ctx, inputs)),
};
