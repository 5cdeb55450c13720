import { z } from "zod";
import { type Diagnostic, Diagnostics, type SourcePos } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { parseMarkdownSource } from "../load/markdown-source.ts";
import { readText } from "../load/read-text.ts";
import { Filing, RecipientItem } from "../schema/common.ts";
import { validateWith } from "../validate/zod-issues.ts";
import { KeptResults } from "../write/content-memo.ts";

/** A document type's template: fixed parts in front matter, the body in Handlebars + light Markdown. */
export const TemplateFront = z.strictObject({
  loai: z.string().describe("Tên loại văn bản, viết hoa (KẾ HOẠCH, BÁO CÁO...); để trống nếu không có"),
  tieu_de: z.string().optional().describe("Trích yếu (Handlebars), khi dữ liệu không ghi"),
  noi_nhan: z
    .array(RecipientItem)
    .default([])
    .describe("Nơi nhận mặc định (Handlebars), dùng khi dữ liệu không ghi noi_nhan; không ghi dòng “Lưu: ...” (xem luu)"),
  luu: Filing.optional().describe("Dòng “Lưu: VT, ...” của loại văn bản, khi dữ liệu không ghi luu; thay cho luu của Khối (biên bản: Hồ sơ)"),
  kinh_gui: z.array(z.string()).optional().describe("Kính gửi (Handlebars)"),
  chu_ky: z
    .enum(["single", "pair"])
    .default("single")
    .describe("Bố cục chữ ký: single (một người ký, bên phải), pair (hai người ký, hai bên: biên bản: thư ký bên trái, chủ tọa bên phải)"),
});
export type TemplateFront = z.infer<typeof TemplateFront>;
/** A key of a template's front matter. */
export type TemplateKey = keyof TemplateFront;

export interface Template {
  file: string;
  front: TemplateFront;
  body: string;
  bodyLine: number;
  /** Where the Handlebars strings of the front matter start in the file. */
  positions: { tieu_de?: SourcePos; kinh_gui: SourcePos[]; noi_nhan: SourcePos[]; chu_ky?: SourcePos; keys: Partial<Record<TemplateKey, SourcePos>> };
}

/** Reads templates/<name>.md; problems are diagnostics on the template file. */
export async function loadTemplate(world: World, name: string, diags: Diagnostics): Promise<Template | undefined> {
  const file = `templates/${name}.md`;
  const text = await readText(world, file, diags, "missing");
  if (text === undefined) return undefined;
  // What this file and text gave before, said again (a process that builds again, --watch, does not parse it again).
  const read = READ.get(`${file}\u0000${text}`, () => {
    const said = new Diagnostics();
    return { template: parseTemplate(file, text, said), said: said.items };
  });
  diags.repeat(read.said);
  return read.template;
}

/** Templates by file and text, with what reading them said. */
const READ = new KeptResults<{ template: Template | undefined; said: readonly Diagnostic[] }>(64);

function parseTemplate(file: string, text: string, diags: Diagnostics): Template | undefined {
  const md = parseMarkdownSource(file, text, diags);
  const front = md.frontMatter.value === undefined ? undefined : validateWith(TemplateFront, md.frontMatter, diags);
  if (!front) return undefined;
  const at = (path: (string | number)[]) => textStart(text, md.frontMatter.locate(path));
  const written = md.frontMatter.value && typeof md.frontMatter.value === "object" ? Object.keys(md.frontMatter.value) : [];
  const keys: Partial<Record<TemplateKey, SourcePos>> = {};
  for (const k of Object.keys(TemplateFront.shape) as TemplateKey[]) if (written.includes(k)) keys[k] = md.frontMatter.locate([k], "key");
  const positions = {
    ...(front.tieu_de !== undefined ? { tieu_de: at(["tieu_de"]) } : {}),
    kinh_gui: (front.kinh_gui ?? []).map((_, i) => at(["kinh_gui", i])),
    noi_nhan: front.noi_nhan.map((_, i) => at(["noi_nhan", i])),
    ...(written.includes("chu_ky") ? { chu_ky: md.frontMatter.locate(["chu_ky"]) } : {}),
    keys,
  };
  return { file, front, body: md.body, bodyLine: md.bodyLine, positions };
}

/** The position of a scalar's first character: after its opening quote, if it has one. */
function textStart(text: string, pos: SourcePos): SourcePos {
  let offset = 0;
  for (let line = 1; line < pos.line && offset >= 0; line++) offset = text.indexOf("\n", offset) + 1;
  const ch = text[offset + pos.column - 1];
  return ch === '"' || ch === "'" ? { ...pos, column: pos.column + 1 } : pos;
}
