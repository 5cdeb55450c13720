/**
 * The build lock under every kind of interleaving: processes that start
 * together against a lock left by a dead process are simulated as
 * coroutines over an in-memory file system, each file operation a point
 * where the scheduler (a seeded random choice) may switch to another
 * process. Exactly one may hold the lock at any time, and one gets it.
 */
import { describe, expect, it } from "vitest";
import { acquireLock, type LockOps } from "../../src/io/lock-file.ts";

/** A file system of one folder, whose every operation first waits for the scheduler. */
function simulation(seed: number) {
  const files = new Map<string, string>();
  const alive = new Set<number>();
  const waiting: (() => void)[] = [];
  let rnd = seed;
  const step = () => new Promise<void>((go) => waiting.push(go));
  const opsFor = (pid: number): LockOps => ({
    pid,
    isAlive: (p) => alive.has(p),
    async createExclusive(path, content) {
      await step();
      if (files.has(path)) return false;
      files.set(path, content);
      return true;
    },
    async read(path) {
      await step();
      return files.get(path);
    },
    async remove(path) {
      await step();
      files.delete(path);
    },
  });
  /** Runs until every process is done, waking one waiting operation at a time, chosen at random. */
  async function run(tasks: Promise<unknown>[]) {
    let done = false;
    const all = Promise.all(tasks).then(() => (done = true));
    while (!done) {
      await new Promise((r) => setImmediate(r));
      if (waiting.length === 0) continue;
      rnd = (rnd * 1103515245 + 12345) % 2 ** 31;
      waiting.splice(rnd % waiting.length, 1)[0]!();
    }
    await all;
  }
  return { files, alive, opsFor, run };
}

describe("the build lock", () => {
  it("gives a stale lock to exactly one of several processes that start together, in every schedule tried", async () => {
    for (let seed = 1; seed <= 400; seed++) {
      const sim = simulation(seed);
      sim.files.set("out/.lock", "999"); // left by process 999, which is gone
      const pids = seed % 2 ? [101, 102] : [101, 102, 103];
      for (const p of pids) sim.alive.add(p);
      const got: number[] = [];
      let holding = 0;
      let most = 0;
      await sim.run(
        pids.map(async (pid) => {
          const release = await acquireLock(sim.opsFor(pid), "out/.lock");
          if (!release) return;
          got.push(pid);
          most = Math.max(most, ++holding);
          // Hold it across a few more scheduling points, as a build would.
          await sim.opsFor(pid).read("out/.lock");
          await sim.opsFor(pid).read("out/.lock");
          holding--;
        }),
      );
      expect(most, `seed ${seed}: two processes held the lock at once (${got})`).toBe(1);
      expect(got, `seed ${seed}`).toHaveLength(1);
      expect(sim.files.get("out/.lock"), `seed ${seed}`).toBe(String(got[0]));
      expect([...sim.files.keys()].filter((k) => k.includes("takeover")), `seed ${seed}`).toEqual([]);
    }
  });

  it("refuses while the holder lives, takes over a lock that is not a number, and releases only its own lock", async () => {
    const sim = simulation(7);
    sim.alive.add(1).add(2);
    sim.files.set("l", "1");
    let r: unknown;
    await sim.run([(async () => (r = await acquireLock(sim.opsFor(2), "l")))()]);
    expect(r).toBeUndefined();
    sim.files.set("l", "0"); // no process: kill(0) would ask about our own process group
    let zero: unknown;
    await sim.run([(async () => (zero = await acquireLock({ ...sim.opsFor(2), isAlive: () => true }, "l")))()]);
    expect(zero).toBeTypeOf("function");
    sim.files.set("l", "garbage");
    let release: (() => Promise<void>) | undefined;
    await sim.run([(async () => (release = await acquireLock(sim.opsFor(2), "l")))()]);
    expect(sim.files.get("l")).toBe("2");
    sim.files.set("l", "1"); // taken over by someone else meanwhile
    await sim.run([release!()]);
    expect(sim.files.get("l")).toBe("1");
  });

  it("takes over a takeover left half-way by a killed process", async () => {
    const sim = simulation(3);
    sim.alive.add(5);
    sim.files.set("l", "999");
    sim.files.set("l.takeover-999", "998"); // 998 died while taking over from 999
    let release: unknown;
    await sim.run([(async () => (release = await acquireLock(sim.opsFor(5), "l")))()]);
    expect(release).toBeTypeOf("function");
    expect(sim.files.get("l")).toBe("5");
  });
});
