import { blocDocument } from "../compose/bloc-document.ts";
import { fill } from "../compose/fill.ts";
import { blocSigner } from "../compose/parts.ts";
import { yearTables } from "../compose/tables.ts";
import { ProposalFront } from "../schema/documents.ts";
import { singleDoc } from "./types.ts";

/** Tờ trình đề nghị khen thưởng: by the bloc leader, with the list the vote proposed. */
export const toTrinh = singleDoc({
  id: "to-trinh",
  stem: "to-trinh",
  template: "to-trinh",
  typeCode: "to_trinh",
  defaultCode: "TTr",
  schema: ProposalFront,
  schemaName: "to-trinh",
  dependsOn: ["bien-ban.md", "ket-qua/"],
  dates: { stage: "year-end", what: "Tờ trình", whatEn: "The proposal" },
  signers: (m, front) => [blocSigner(m, front.ky, "leader")],
  compose(input, signatures) {
    const { m, template, ctx, diags, data } = input;
    const f = fill(template, ctx, diags, yearTables(m), data);
    // Addressed to the province: a Kính gửi it must have; "Như trên" first in its Nơi nhận.
    const recipients = (items: string[]) => ["Như trên", ...items.filter((x) => x !== "Như trên")];
    return f && blocDocument(input, "Tờ trình", f, signatures, { needsKinhGui: true, recipients });
  },
});
