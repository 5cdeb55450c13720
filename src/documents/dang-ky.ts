import { meta } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { recipientLines } from "../compose/filing.ts";
import { frontParts, requireSummary } from "../compose/front-parts.ts";
import { unitHeader } from "../compose/parts.ts";
import { registrationTable } from "../compose/tables.ts";
import type { AdminDocument } from "../document/model.ts";
import { upperVi } from "../format/text.ts";
import { Registration } from "../schema/unit-files.ts";
import { checkRegistrations } from "../validate/check-registrations.ts";
import { REGISTRATION } from "./keys.ts";
import { perUnitDoc } from "./types.ts";

/** Bản đăng ký thi đua: each member unit's, under its own name and number series, signed by its head. */
export const dangKy = perUnitDoc({
  key: REGISTRATION,
  template: "dang-ky",
  groupTitle: "Đăng ký thi đua của các đơn vị",
  typeCode: "dang_ky",
  defaultCode: "",
  schema: Registration,
  schemaName: "dang-ky",
  dependsOn: ["ke-hoach.md"],
  check: checkRegistrations,
  signers: (_m, _front, u) => [{ role: "signer", lines: [upperVi(u!.head.title)], name: u!.head.name }],
  compose({ m, template, ctx, diags, data, stem, typeCode, unit: u }, signatures) {
    const r = data.front;
    const f = fill(template, { ...ctx, ...r, don_vi: { ten: u.name, ten_ngan: u.shortName } }, diags, new Map([["chi-tieu", registrationTable(m, r)]]));
    if (!f) return undefined;
    // The unit's registration has no trích yếu or Kính gửi of its own data: the template's; drafted in the
    // unit itself: its own luu, else the template's (the bloc's is the leader's office).
    const parts = frontParts(r, f, template);
    if (!requireSummary(parts, { file: data.file, template: template.file, type: "Đăng ký" }, diags)) return undefined;
    const doc: AdminDocument = {
      stem,
      typeCode,
      meta: meta(m, `Đăng ký thi đua năm ${m.year}: ${u.name}`, `Đăng ký thi đua năm ${m.year}`, u.name, r.ngay),
      header: unitHeader(m, u, typeCode, r.so, r.ngay),
      title: { type: template.front.loai, summary: [parts.summary] },
      ...(parts.kinhGui.length ? { kinhGui: parts.kinhGui } : {}),
      body: f.body,
      signatureLayout: template.front.chu_ky,
      signatures,
      recipients: recipientLines(parts.recipients, parts.luu),
      appendices: [],
    };
    return { doc, origins: f.origins };
  },
});
