// Every error class and code of mcp-warden. Callers switch on `err.code`, never on message text.
//
// Two families:
// - PolicyError: client-facing. Its message is safe to send to an MCP client (no upstream internals, no values).
// - ConfigError / OperatorError: operator-facing (stderr, logs, audit); may name files, lines, keys and paths.

/** JSON-RPC 2.0 error codes (JSON-RPC spec §5.1) and the MCP conventions built on them. */
export const JSONRPC = {
  PARSE_ERROR: -32700,
  INVALID_REQUEST: -32600,
  METHOD_NOT_FOUND: -32601,
  INVALID_PARAMS: -32602,
  INTERNAL_ERROR: -32603,
  /** Implementation-defined server error range (-32000..-32099); used for upstream/gateway failures. */
  SERVER_ERROR: -32000,
  REQUEST_TIMEOUT: -32001,
} as const;

/** Stable error codes sent as `error.data.code`; documented in docs/errors.md. */
export const ERROR_CODES = {
  // protocol / framing
  ERR_PROTOCOL_PARSE: "The message is not valid JSON.",
  ERR_PROTOCOL_INVALID: "The message is not a valid JSON-RPC 2.0 message.",
  ERR_PROTOCOL_BATCH: "JSON-RPC batches are not accepted.",
  ERR_PROTOCOL_DUPLICATE_ID: "A request with this id is already in flight.",
  // policy
  ERR_POLICY_METHOD_NOT_ALLOWED: "The method is not allowed.",
  ERR_POLICY_TOOL_NOT_ALLOWED: "The tool does not exist or is not allowed.",
  ERR_POLICY_ARGS_INVALID: "The tool arguments are not valid.",
  ERR_POLICY_ARGS_PLACEHOLDER: "The arguments contain a redaction placeholder; masked values cannot be sent back.",
  ERR_POLICY_REQUEST_TOO_LARGE: "The request exceeds the size limit.",
  ERR_POLICY_RESPONSE_TOO_LARGE: "The response exceeds the size limit.",
  ERR_POLICY_TOO_DEEP: "The message is nested too deeply.",
  ERR_POLICY_STRING_TOO_LONG: "A string in the message exceeds the length limit.",
  ERR_POLICY_RATE_LIMITED: "Rate limit exceeded.",
  ERR_POLICY_RESPONSE_BLOCKED: "The response was withheld because it contains sensitive data.",
  ERR_POLICY_RESPONSE_NOT_JSON: "The response is not JSON and the tool requires field projection.",
  ERR_POLICY_TOOL_QUARANTINED: "The tool does not exist or is not allowed.",
  ERR_POLICY_CONFIRMATION_REQUIRED: "The call needs human confirmation.",
  ERR_POLICY_CONFIRMATION_DENIED: "The call was not confirmed.",
  // auth
  ERR_AUTH_REQUIRED: "Authentication is required.",
  ERR_AUTH_INVALID_TOKEN: "The access token is not valid.",
  ERR_AUTH_INSUFFICIENT_SCOPE: "The access token lacks a required scope.",
  ERR_AUTH_WRONG_ENVIRONMENT: "The token was issued for another environment.",
  ERR_AUTH_SESSION_MISMATCH: "The session belongs to another principal.",
  ERR_AUTH_UNAVAILABLE: "The access token could not be verified right now.",
  // state store (operator-facing; callers fail closed)
  ERR_STORE_UNAVAILABLE: "The state store is unavailable.",
  // audit
  ERR_AUDIT_UNAVAILABLE: "The call was refused because it could not be audited.",
  // upstream
  ERR_UPSTREAM_UNAVAILABLE: "The upstream server is unavailable.",
  ERR_UPSTREAM_TIMEOUT: "The upstream server did not answer in time.",
  ERR_UPSTREAM_EXITED: "The upstream server exited before answering.",
  // server toolkit (mcp-warden/server)
  ERR_TOOL_FAILED: "The tool could not complete the call.",
  // internal
  ERR_INTERNAL: "The gateway could not process the message.",
  // configuration (operator-facing)
  ERR_CONFIG_INVALID: "The configuration is invalid.",
  ERR_CONFIG_MISSING_ENV: "An environment variable referenced by the configuration is not set.",
  ERR_CONFIG_LITERAL_SECRET: "The configuration contains a literal secret.",
  ERR_CONFIG_NOT_FOUND: "The configuration file does not exist.",
  ERR_USAGE: "The command line is invalid.",
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

/** Base class: every error we raise on purpose carries a stable code. */
export class WardenError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string = ERROR_CODES[code], options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/**
 * Client-facing refusal. `message` must be safe for the client: it never echoes argument values, upstream
 * internals or secrets. `jsonRpcCode` is the JSON-RPC error code used on the wire.
 */
export class PolicyError extends WardenError {
  readonly jsonRpcCode: number;
  readonly httpStatus: number | undefined;
  readonly data: Record<string, unknown> | undefined;
  constructor(
    code: ErrorCode,
    opts: { message?: string; jsonRpcCode?: number; httpStatus?: number; data?: Record<string, unknown> } = {},
  ) {
    super(code, opts.message ?? ERROR_CODES[code]);
    this.jsonRpcCode = opts.jsonRpcCode ?? JSONRPC.INVALID_REQUEST;
    this.httpStatus = opts.httpStatus;
    this.data = opts.data;
  }
}

/** A configuration problem, located as precisely as we can: file, line, key. Exit code 2 in the CLI. */
export class ConfigError extends WardenError {
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly key: string | undefined;
  constructor(
    code: ErrorCode,
    detail: string,
    where: { file?: string | undefined; line?: number | undefined; key?: string | undefined } = {},
  ) {
    super(code, formatConfigMessage(detail, where));
    this.file = where.file;
    this.line = where.line;
    this.key = where.key;
  }
}

/** Wrong command-line usage. Exit code 2. */
export class UsageError extends WardenError {
  constructor(message: string) {
    super("ERR_USAGE", message);
  }
}

/** An operator-facing runtime failure (upstream crashed, audit sink failed). Never sent verbatim to clients. */
export class OperatorError extends WardenError {}

function formatConfigMessage(detail: string, where: { file?: string; line?: number; key?: string }): string {
  const place = [where.file, where.line === undefined ? undefined : String(where.line)].filter(Boolean).join(":");
  const key = where.key ? ` (key ${where.key})` : "";
  return place ? `${place}${key}: ${detail}` : `${detail}${key}`;
}
