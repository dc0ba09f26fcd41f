// The warden.yaml schema (version 1), DESIGN.md "Policy file". Every object is strict: an unknown key is an error.
// docs/policy.md documents every key; keep both in step (a contract test compares them).
import { z } from "zod";

const byteSize = z.number().int().positive();
const durationPattern = /^\d+(ms|s|m|h|d)$/;
export const duration = z.string().regex(durationPattern, "a duration such as 500ms, 30s, 5m, 8h or 7d");
export const confirmMode = z.enum(["never", "elicit", "mrtr", "console", "param"]);
export const redactMode = z.enum(["mask", "block", "off"]);

const stdioUpstream = z.strictObject({
  command: z.string().min(1),
  args: z.array(z.string()).default([]),
  env: z.record(z.string(), z.string()).default({}),
  cwd: z.string().optional(),
  /** What to do when the child exits: restart it with backoff, or stop the gateway. */
  on_exit: z.enum(["restart", "exit"]).default("restart"),
  max_restarts: z.number().int().min(0).default(5),
  call_timeout: duration.default("60s"),
});

const httpUpstream = z.strictObject({
  url: z.url(),
  headers: z.record(z.string(), z.string()).default({}),
  call_timeout: duration.default("60s"),
});

export const upstreamSchema = z.union([stdioUpstream, httpUpstream]);

const argConstraint = z.strictObject({
  maxLength: z.number().int().nonnegative().optional(),
  minLength: z.number().int().nonnegative().optional(),
  pattern: z.string().optional(),
  enum: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
  format: z.enum(["email", "uri", "uuid", "date", "date-time", "hostname", "ipv4", "ipv6"]).optional(),
  path_prefix: z.union([z.string(), z.array(z.string())]).optional(),
  minimum: z.number().optional(),
  maximum: z.number().optional(),
});

const redactSetting = z.union([
  z.array(z.enum(["secrets", "pii"])),
  z.strictObject({ secrets: redactMode.optional(), pii: redactMode.optional() }),
]);

const toolPolicy = z.strictObject({
  allow: z.boolean().default(true),
  scopes: z.array(z.string()).default([]),
  args: z.record(z.string(), argConstraint).default({}),
  /** Opt-out of "unknown argument fields are refused" for this tool. */
  allow_unknown_args: z.boolean().default(false),
  response: z
    .strictObject({
      fields: z.array(z.string()).optional(),
      non_json: z.enum(["refuse", "allow"]).default("refuse"),
      max_bytes: byteSize.optional(),
    })
    .optional(),
  confirm: confirmMode.optional(),
  redact: redactSetting.optional(),
  call_timeout: duration.optional(),
});

const rateLimit = z.strictObject({
  tool: z.string().default("*"),
  per: z.enum(["principal", "session", "global"]).default("principal"),
  limit: z.string().regex(/^\d+\/(s|sec|second|min|minute|h|hour|d|day)$/, "a rate such as 60/min"),
});

const defaults = z.strictObject({
  tools: z.enum(["deny", "allow"]).default("deny"),
  methods: z.enum(["deny", "allow"]).default("deny"),
  max_request_bytes: byteSize.default(1_048_576),
  max_response_bytes: byteSize.default(262_144),
  on_oversize: z.enum(["truncate", "refuse"]).default("truncate"),
  max_depth: z.number().int().min(4).max(1024).default(64),
  max_string_length: byteSize.default(1_048_576),
  redact: redactSetting.default(["secrets", "pii"]),
  confirm: z.union([z.literal("writes"), confirmMode]).default("writes"),
  call_timeout: duration.default("60s"),
  /** Tool definitions flagged as poisoned: quarantine (hide and refuse) or flag (audit only). */
  on_poisoned: z.enum(["quarantine", "flag"]).default("quarantine"),
});

const audit = z.strictObject({
  enabled: z.boolean().default(true),
  file: z.string().default("./audit/warden.jsonl"),
  hmac_key: z.string().optional(),
  fail_closed: z.boolean().default(true),
  /** fdatasync: a call is answered after its event is on disk (group commit); write: after write(2) only. */
  durability: z.enum(["fdatasync", "write"]).default("write"),
});

const pins = z.strictObject({
  lockfile: z.string().default("warden.lock"),
  on_drift: z.enum(["quarantine", "block-server", "warn"]).default("quarantine"),
  /** Tools absent from the lock; default depends on `environment` (warn in dev, quarantine elsewhere). */
  unpinned: z.enum(["quarantine", "warn"]).optional(),
});

const listen = z.strictObject({
  host: z.string().default("127.0.0.1"),
  port: z.number().int().min(0).max(65535).optional(),
  public_url: z.url().optional(),
  tls: z.strictObject({ cert: z.string(), key: z.string(), client_ca: z.string().optional() }).optional(),
  allowed_hosts: z.array(z.string()).default(["localhost", "127.0.0.1", "[::1]"]),
  allowed_origins: z.array(z.string()).default([]),
  max_body_bytes: byteSize.default(1_048_576),
  header_timeout: duration.default("10s"),
  idle_timeout: duration.default("60s"),
});

const auth = z.strictObject({
  oauth: z
    .strictObject({
      issuer: z.url(),
      jwks_uri: z.url().optional(),
      audience: z.string(),
      algorithms: z.array(z.string()).default(["RS256", "PS256", "ES256", "EdDSA"]),
      clock_skew: duration.default("30s"),
    })
    .optional(),
  warden_tokens: z
    .strictObject({
      signing_key: z.string(),
      default_ttl: duration.default("8h"),
      max_ttl: duration.default("24h"),
    })
    .optional(),
  mtls: z.strictObject({ principal_from: z.enum(["subject", "san"]).default("san") }).optional(),
});

const store = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("file"), path: z.string().default(".warden") }),
  z.strictObject({ kind: z.literal("memory") }),
  z.strictObject({ kind: z.literal("redis"), url: z.string(), prefix: z.string().default("warden:") }),
]);

const approvals = z.strictObject({
  timeout: duration.default("5m"),
  self_approval: z.boolean().default(false),
  approver_scope: z.string().default("warden:approve"),
});

/** `mcp-warden scan`: the organisation's vetted servers (not-allowlisted) and how configs map to environments. */
const scanAllowEntry = z.strictObject({
  name: z.string().min(1).optional(),
  argv: z.array(z.string()).min(1).optional(),
  package: z.string().min(1).optional(),
  image: z.string().min(1).optional(),
  url_prefix: z.string().min(1).optional(),
});
const scanSettings = z.strictObject({
  /** Absent: not-allowlisted does not run. Present (even empty): every server must match an entry. */
  allow: z.array(scanAllowEntry).optional(),
  /** environment name → substrings of file paths or server names that mark a config as that environment. */
  environments: z.record(z.string(), z.array(z.string())).default({}),
});

export const policySchema = z.strictObject({
  version: z.literal(1),
  environment: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/, "lowercase letters, digits, - and _")
    .default("production"),
  upstreams: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, "letters, digits, . _ -"), upstreamSchema).default({}),
  defaults: defaults.default(defaults.parse({})),
  tools: z.record(z.string(), toolPolicy).default({}),
  /** Extra methods allowed on top of the spec's methods when defaults.methods is deny (exact names). */
  methods: z.strictObject({ allow: z.array(z.string()).default([]), deny: z.array(z.string()).default([]) }).optional(),
  rate_limits: z.array(rateLimit).default([]),
  audit: audit.default(audit.parse({})),
  pins: pins.default(pins.parse({})),
  listen: listen.optional(),
  auth: auth.optional(),
  store: store.default({ kind: "file", path: ".warden" }),
  approvals: approvals.default(approvals.parse({})),
  scan: scanSettings.optional(),
});

export type Policy = z.infer<typeof policySchema>;
export type UpstreamConfig = z.infer<typeof upstreamSchema>;
export type StdioUpstreamConfig = z.infer<typeof stdioUpstream>;
export type HttpUpstreamConfig = z.infer<typeof httpUpstream>;
export type ToolPolicy = z.infer<typeof toolPolicy>;
export type ArgConstraint = z.infer<typeof argConstraint>;
export type RedactSetting = z.infer<typeof redactSetting>;

export function isStdioUpstream(u: UpstreamConfig): u is StdioUpstreamConfig {
  return "command" in u;
}
