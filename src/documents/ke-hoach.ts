import { blocDocument } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { blocSigner } from "../compose/parts.ts";
import { PlanFront } from "../schema/documents.ts";
import { PLAN } from "./keys.ts";
import { singleDoc } from "./types.ts";

/** Kế hoạch thi đua: issued by the bloc leader at the start of the year; the other documents cite it. */
export const keHoach = singleDoc({
  key: PLAN,
  stem: "ke-hoach",
  template: "ke-hoach",
  typeCode: "ke_hoach",
  schema: PlanFront,
  schemaName: "ke-hoach",
  dependsOn: [],
  signers: (m, front) => [blocSigner(m, front.ky, "leader")],
  compose({ m, template, ctx, diags, data, stem, typeCode }, signatures) {
    const f = fill(template, ctx, diags, new Map(), data);
    return f && blocDocument(m, template, stem, typeCode, "Kế hoạch", data.front, f, signatures, data.front.noi_nhan ?? f.recipients);
  },
});
