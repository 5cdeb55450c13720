/**
 * The signed appearance as Decree 30 draws it: the organisation's seal at its
 * real size (a setting in mm; by default the size its image file states, else
 * the seal field's), over about the left third of the signer's image; the
 * text of one signature never runs over the other's image. Read from the
 * appearance streams of the signed example plan.
 */
import { inflateSync } from "node:zlib";
import { PDFDocument, PDFName, PDFRawStream, PDFDict } from "@cantoo/pdf-lib";
import { beforeAll, describe, expect, it } from "vitest";
import { SEAL_FIELD_MM } from "../../src/document/conventions.ts";
import type { FontSet } from "../../src/pdf/fonts/font-set.ts";
import { fontsourceTinosDir, loadNodeFontSet } from "../../src/pdf/fonts/node-font-reader.ts";
import { FIELD } from "../../src/sign/field-names.ts";
import { readPkcs12, type SigningIdentity } from "../../src/sign/p12.ts";
import { listSignatureFields } from "../../src/sign/pdf-fields.ts";
import { signPdf } from "../../src/sign/sign-pdf.ts";
import { buildExample } from "../helpers/example.ts";
import { testCa, testIdentity } from "./identity.ts";
import { chunk, sealPng, signaturePng } from "./images.ts";

const MM = 72 / 25.4;
const clock = () => new Date("2021-02-05T02:30:00Z");
let plan: Uint8Array;
let fonts: FontSet;
let signer: SigningIdentity;
let organisation: SigningIdentity;

beforeAll(async () => {
  plan = (await buildExample()).outputs.get("out/2020/ke-hoach.pdf")!;
  fonts = await loadNodeFontSet({ system: false, packageDir: fontsourceTinosDir()! });
  const ca = testCa();
  const load = (o: Parameters<typeof testIdentity>[0]) => {
    const t = testIdentity({ ...o, ca });
    return readPkcs12(t.p12, t.password);
  };
  signer = load({ commonName: "Dương Hoàng Sum", organization: "Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh" });
  organisation = load({ commonName: "Sở Văn hóa, Thể thao và Du lịch tỉnh Trà Vinh", organization: "UBND tỉnh Trà Vinh" });
}, 60_000);

interface Drawn {
  rect: [number, number, number, number];
  /** The image's box in page coordinates, when one is drawn. */
  image?: { x1: number; x2: number; y1: number; y2: number };
  /** Left ends of the glyphs drawn (page coordinates). */
  glyphXs: number[];
}

/** What each signed field draws, in page coordinates. */
async function drawn(bytes: Uint8Array): Promise<Map<string, Drawn>> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const out = new Map<string, Drawn>();
  for (const f of listSignatureFields(pdf)) {
    const ap = f.widget.lookup(PDFName.of("AP"), PDFDict);
    if (!ap) continue;
    const stream = pdf.context.lookup(ap.get(PDFName.of("N"))) as PDFRawStream;
    const ops = inflateSync(stream.getContents()).toString("latin1");
    const [x0, y0] = f.rect;
    const im = /([\d.]+) 0 0 ([\d.]+) (-?[\d.]+) (-?[\d.]+) cm\n\/Im0 Do/.exec(ops);
    const glyphXs = [...ops.matchAll(/q\n([\d.]+) 0 0 \1 (-?[\d.]+) (-?[\d.]+) cm\n[^\n]* m /g)].map((m) => x0 + Number(m[2]));
    out.set(f.name, {
      rect: f.rect,
      ...(im ? { image: { x1: x0 + Number(im[3]), x2: x0 + Number(im[3]) + Number(im[1]), y1: y0 + Number(im[4]), y2: y0 + Number(im[4]) + Number(im[2]) } } : {}),
      glyphXs,
    });
  }
  return out;
}

async function signBoth(sealOpts: { sealMm?: number; seal?: Uint8Array } = {}) {
  const first = await signPdf(plan, { identity: signer, fonts, clock, image: signaturePng() });
  const second = await signPdf(first.bytes, { identity: organisation, fonts, clock, image: sealOpts.seal ?? sealPng(), ...(sealOpts.sealMm !== undefined ? { sealMm: sealOpts.sealMm } : {}) });
  expect(second.field).toBe(FIELD.seal);
  const d = await drawn(second.bytes);
  return { sig: d.get(FIELD.signer)!, seal: d.get(FIELD.seal)! };
}

/** The seal PNG stating its resolution (pHYs): 200 px at `mm` millimetres. */
function sealAt(mm: number): Uint8Array {
  const png = Buffer.from(sealPng());
  const ppm = Math.round(200 / (mm / 1000));
  const data = Buffer.alloc(9);
  data.writeUInt32BE(ppm, 0);
  data.writeUInt32BE(ppm, 4);
  data[8] = 1;
  // After IHDR (8 bytes of signature + 25 of IHDR).
  return new Uint8Array(Buffer.concat([png.subarray(0, 33), chunk("pHYs", data), png.subarray(33)]));
}

describe("the seal and the signer's signature, as signed", () => {
  it("draws the seal at real size: the field's by default, the size the image states, or the setting", async () => {
    const byDefault = await signBoth();
    const w = (d: Drawn) => d.image!.x2 - d.image!.x1;
    expect(w(byDefault.seal)).toBeCloseTo(SEAL_FIELD_MM * MM, 0);
    expect(w((await signBoth({ seal: sealAt(32) })).seal)).toBeCloseTo(32 * MM, 0);
    expect(w((await signBoth({ sealMm: 30 })).seal)).toBeCloseTo(30 * MM, 0);
  }, 60_000);

  it("refuses a seal whose image states a size no seal has, naming --seal-mm", async () => {
    for (const mm of [0.5, 150]) await expect(signBoth({ seal: sealAt(mm) }), String(mm)).rejects.toMatchObject({ code: "image/seal-size" });
    // The setting wins over what the file states.
    expect((await signBoth({ seal: sealAt(150), sealMm: 40 })).seal.image).toBeDefined();
  }, 60_000);

  it("overlaps about the left third of the signer's image; neither text runs over the other's image", async () => {
    const { sig, seal } = await signBoth();
    const si = sig.image!;
    const overlap = (seal.image!.x2 - si.x1) / (si.x2 - si.x1);
    expect(seal.image!.x1).toBeLessThan(si.x1);
    expect(overlap).toBeGreaterThan(0.25);
    expect(overlap).toBeLessThan(0.42);
    // The signer's text is right of the seal's image; the seal draws no text over the signer's image.
    expect(sig.glyphXs.length).toBeGreaterThan(10);
    expect(Math.min(...sig.glyphXs)).toBeGreaterThanOrEqual(seal.image!.x2);
    expect(seal.glyphXs.filter((x) => x >= si.x1 && x <= si.x2)).toEqual([]);
  }, 60_000);
});
