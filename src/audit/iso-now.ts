// The current time as an ISO 8601 string, built at most once per millisecond: the audit log stamps two events per
// call, and under load many events share a millisecond (toISOString was about a tenth of building an event).

let lastMs = Number.NaN;
let lastIso = "";

export function isoNow(): string {
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  return lastIso;
}
