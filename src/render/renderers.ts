/**
 * The output formats: a list of renderers, each an extension and a function
 * from a document and its arrangement to bytes. Output paths come from this
 * list (outputPath, OUTPUT_EXTENSIONS); a new format (HTML) is one more entry.
 */
import type { Arrangement } from "../arrange/types.ts";
import type { ComposedDocument } from "../compose/compose-all.ts";
import { locateChar } from "../compose/origins.ts";
import type { Diagnostics } from "../diagnostics/diagnostic.ts";
import { emitPdf } from "../pdf/emit/emit-pdf.ts";
import type { FontSet } from "../pdf/fonts/font-set.ts";
import { describeChar } from "../pdf/fonts/vietnamese.ts";
import { missingGlyphs } from "../pdf/layout/check-glyphs.ts";
import { layoutDocument } from "../pdf/layout/document.ts";
import { signingPlaces } from "../pdf/signing-places.ts";
import type { LaidOutDocument } from "../pdf/types.ts";
import { renderDocx } from "./docx/render.ts";
import type { ShellStyle } from "./docx/style.ts";

export interface RenderInputs {
  shell: Uint8Array;
  /** Read from the shell: the one source of page setup and styles for both outputs. */
  style: ShellStyle;
  fonts: FontSet;
  sourceDateEpoch?: string;
}

export interface RenderJob {
  composed: ComposedDocument;
  arrangement: Arrangement;
  inputs: RenderInputs;
  diags: Diagnostics;
}

export interface Renderer {
  /** File extension without the dot; the output is `<out>/<year>/<stem>.<extension>`. */
  extension: string;
  /** The file's bytes, or undefined when the document cannot be rendered in this format (the reason is in `diags`). */
  render(job: RenderJob): Promise<Uint8Array | undefined>;
}

const docx: Renderer = {
  extension: "docx",
  render: async ({ composed, arrangement, inputs }) => renderDocx(composed.doc, inputs.shell, arrangement, inputs.style),
};

/**
 * Each document's PDF layout, made once for the PDF and its signing places (by its arrangement,
 * which renderAll makes once per document); `drawable` is false when a glyph is missing.
 */
const layouts = new WeakMap<Arrangement, { laid: LaidOutDocument; drawable?: boolean }>();
function laidOut(job: RenderJob): { laid: LaidOutDocument; drawable?: boolean } {
  let l = layouts.get(job.arrangement);
  if (!l) layouts.set(job.arrangement, (l = { laid: layoutDocument(job.composed.doc, job.inputs.style, job.inputs.fonts, { arrangement: job.arrangement }) }));
  return l;
}

const pdf: Renderer = {
  extension: "pdf",
  async render(job) {
    const { composed: { doc, source, origins }, inputs, diags } = job;
    const lay = laidOut(job);
    const laid = lay.laid;
    const missing = missingGlyphs(laid, inputs.fonts);
    lay.drawable = missing.length === 0;
    for (const m of missing) {
      // Where the character is written (a template or a data body) or inserted (a value); else the document's data file.
      const pos = locateChar(origins ?? [], m.char) ?? { file: source, line: 1, column: 1 };
      diags.error("pdf/missing-glyph", pos, { char: describeChar(m.char), page: m.page, document: `${doc.stem}.pdf`, context: m.context });
    }
    if (missing.length) return undefined;
    return emitPdf(laid, inputs.fonts, inputs.sourceDateEpoch ? { sourceDateEpoch: inputs.sourceDateEpoch } : {});
  },
};

/** Where to sign and stamp on the PDF (src/pdf/signing-places.ts), for signing tools: after the PDF, from its layout. */
const signing: Renderer = {
  extension: "ky-so.json",
  async render(job) {
    const { laid, drawable } = laidOut(job);
    if (drawable === false) return undefined;
    const places = signingPlaces(laid, `${job.composed.doc.stem}.pdf`, job.composed.doc.header.placeDate, job.inputs.fonts);
    return new TextEncoder().encode(JSON.stringify(places, null, 2) + "\n");
  },
};

/** The formats every document is written in, in this order. */
export const RENDERERS: readonly Renderer[] = [docx, pdf, signing];
