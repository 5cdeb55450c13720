import { readFileSync, writeFileSync } from "node:fs"; import { Script } from "node:vm"; import { createRequire } from "node:module";
const file = process.argv[2]; const enc = process.argv[3];
const wrap = (src) => `(function (exports, require, module, __filename, __dirname, __bundle_import) {${src}\n})`;
if (process.argv[4] === "train") { const s = new Script(wrap(readFileSync(file).toString(enc)), { filename: file }); const fn = s.runInThisContext(); const m={exports:{}}; fn(m.exports, createRequire(file), m, file, "/work/main/dist/cli", null); writeFileSync(file + ".c", s.createCachedData()); process.exit(0); }
let t0=performance.now();
const bytes = readFileSync(file); const cache = readFileSync(file + ".c");
let t1=performance.now();
const src = bytes.toString(enc);
let t2=performance.now();
const s = new Script(wrap(src), { filename: file, cachedData: cache });
let t3=performance.now();
const fn = s.runInThisContext(); const m = { exports: {} };
fn(m.exports, createRequire(file), m, file, "/work/main/dist/cli", null);
let t4=performance.now();
console.log(`read ${(t1-t0).toFixed(0)} decode ${(t2-t1).toFixed(0)} script ${(t3-t2).toFixed(0)} run ${(t4-t3).toFixed(0)} total ${(t4-t0).toFixed(0)} rejected ${s.cachedDataRejected}`);
