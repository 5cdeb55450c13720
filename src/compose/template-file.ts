import { z } from "zod";
import { Diagnostics } from "../diagnostics/diagnostic.ts";
import type { World } from "../io/world.ts";
import { parseMarkdownSource } from "../load/markdown-source.ts";
import { readText } from "../load/read-text.ts";
import { validateWith } from "../validate/zod-issues.ts";

/** A document type's template: fixed parts in front matter, the body in Handlebars + light Markdown. */
export const TemplateFront = z.strictObject({
  loai: z.string().describe("Tên loại văn bản, viết hoa (KẾ HOẠCH, BÁO CÁO...); để trống nếu không có"),
  tieu_de: z.string().optional().describe("Trích yếu (Handlebars), khi dữ liệu không ghi"),
  noi_nhan: z.array(z.string()).default([]).describe("Nơi nhận mặc định (Handlebars), dùng khi dữ liệu không ghi noi_nhan"),
  kinh_gui: z.array(z.string()).optional().describe("Kính gửi (Handlebars)"),
  chu_ky: z.enum(["single", "pair"]).default("single"),
});
export type TemplateFront = z.infer<typeof TemplateFront>;

export interface Template {
  file: string;
  front: TemplateFront;
  body: string;
  bodyLine: number;
}

/** Reads templates/<name>.md; problems are diagnostics on the template file. */
export async function loadTemplate(world: World, name: string, diags: Diagnostics): Promise<Template | undefined> {
  const file = `templates/${name}.md`;
  const text = await readText(world, file, diags, "missing");
  if (text === undefined) return undefined;
  const md = parseMarkdownSource(file, text, diags);
  const front = md.frontMatter.value === undefined ? undefined : validateWith(TemplateFront, md.frontMatter, diags);
  return front ? { file, front, body: md.body, bodyLine: md.bodyLine } : undefined;
}
