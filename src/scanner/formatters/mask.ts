// Secret masking for every output format: first 4 characters + "****" (never the full value unless --show-secrets).
export function mask(secret: string): string {
  return `${secret.slice(0, 4)}****`;
}

export function shownSecret(secret: string | undefined, show: boolean): string | undefined {
  if (secret === undefined) return undefined;
  return show ? secret : mask(secret);
}
