/**
 * The document types, in the order their documents are built and listed. Everything
 * specific to a type is in its entry (src/documents/<id>.ts). Only src/pipeline.ts imports
 * this list: it hands it down to load, validate, compose and the JSON Schema, which take
 * it as an argument (the types they share are in ./types.ts and ./keys.ts, below them).
 * Adding a type: its entry here, its template, its data, its tests (docs/phat-trien.md).
 */
import { bienBan } from "./bien-ban.ts";
import { dangKy } from "./dang-ky.ts";
import { giayMoi } from "./giay-moi.ts";
import { keHoach } from "./ke-hoach.ts";
import { soKet } from "./so-ket.ts";
import { toTrinh } from "./to-trinh.ts";
import { tongKet } from "./tong-ket.ts";
import type { DocTypes } from "./types.ts";

/** In the workflow's order (the reference workflow of a bloc's year): the order of the build, the report and the print bundle. */
export const DOC_TYPES: DocTypes = [keHoach, dangKy, soKet, giayMoi, tongKet, bienBan, toTrinh];
