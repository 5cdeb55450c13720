import v8 from "node:v8";
import { vi } from "vitest";

/** The V8 flags set from now on, in order; passed on to V8 unless `apply` is false (a Node that takes them as nothing). */
export function recordV8Flags(apply = true): string[] {
  const flags: string[] = [];
  const real = v8.setFlagsFromString.bind(v8);
  vi.spyOn(v8, "setFlagsFromString").mockImplementation((f: string) => {
    flags.push(f);
    if (apply) real(f);
  });
  return flags;
}
