/**
 * The trailer /ID (src/pdf/emit/document-id.ts): both entries are the first 16 bytes of the
 * SHA-256 of the file as written with a zero ID, filled in place in the bytes just written.
 */
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { fillDocumentId } from "../../../src/pdf/emit/document-id.ts";

const ZERO = "0".repeat(32);
const file = (id: string) => new TextEncoder().encode(`%PDF-1.7\n1 0 obj\n<< >>\nendobj\ntrailer\n<<\n/Size 2\n/ID [ <${id}> <${id}> ]\n>>\n%%EOF\n`);

describe("the document's /ID", () => {
  it("is the first half of the SHA-256 of the file with a zero ID, in both entries, filled in the bytes given", () => {
    const bytes = file(ZERO);
    const want = createHash("sha256").update(file(ZERO)).digest("hex").slice(0, 32).toUpperCase();
    const filled = fillDocumentId(bytes);
    expect(filled).toBe(bytes);
    expect(new TextDecoder().decode(filled)).toBe(new TextDecoder().decode(file(want)));
  });

  it("is refused without the reserved zeros in the trailer", () => {
    expect(() => fillDocumentId(file("1".repeat(32)))).toThrow(/placeholder/);
  });
});
