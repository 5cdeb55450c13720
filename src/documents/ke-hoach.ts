import { blocDocument } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { COMMON_TEMPLATE_KEYS } from "../compose/front-parts.ts";
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
  defaultCode: "KH",
  schema: PlanFront,
  schemaName: "ke-hoach",
  dependsOn: [],
  // A plan is addressed to no one (Decree 30's form for a document with a type name): no Kính gửi.
  templateKeys: COMMON_TEMPLATE_KEYS,
  signers: (m, front) => [blocSigner(m, front.ky, "leader")],
  compose(input, signatures) {
    const { template, ctx, diags, data } = input;
    const f = fill(template, ctx, diags, new Map(), data);
    return f && blocDocument(input, "Kế hoạch", f, signatures);
  },
});
