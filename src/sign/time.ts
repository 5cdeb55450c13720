/**
 * Signing time. Signing is an act in time, so "now" is the clock, but always
 * read through a Clock so tests (and anyone re-running a signing) can fix it.
 * Shown in ISO 8601 with Vietnam's offset (Decree 30: "múi giờ Việt Nam theo
 * tiêu chuẩn ISO 8601"), e.g. 2021-02-05T09:30:00+07:00.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const VN_OFFSET_MS = 7 * 3600 * 1000;
const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "2021-02-05T09:30:00+07:00" (whole seconds). */
export function isoVn(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error("sign: not a valid time");
  const v = new Date(Math.floor(d.getTime() / 1000) * 1000 + VN_OFFSET_MS);
  return `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}+07:00`;
}
