const { runBundle } = await import(process.argv[2]);
let t=performance.now();
const r = runBundle(process.argv[3] + "/engine.cjs", process.argv[3] + "/engine.cjs.cache");
console.log((performance.now()-t).toFixed(0));
