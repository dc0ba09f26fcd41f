// Guard `args`: tools/call arguments are checked against the tool's inputSchema (JSON Schema 2020-12, ajv)
// and the policy's per-argument constraints; argument names declared by neither are refused (CWE-20, CWE-915).
//
// Decisions (fail closed):
// - `params.arguments` must be a JSON object or absent (absent is validated as `{}`, MCP "tools/call").
// - Unknown names: a name not in the schema's `properties` nor in the policy's `args` is refused, even when the
//   schema allows additionalProperties or declares patternProperties, unless `allow_unknown_args: true`.
//   Only top-level names are checked this way; nested shapes are the schema's job.
// - No schema known (tools/call before any tools/list; the gateway should fetch the list first): only the
//   policy constraints apply and the policy's `args` are the only names allowed, so a call with arguments to a
//   tool the policy says nothing about is refused.
// - A schema ajv cannot compile (absurd, remote $ref, pattern RE2 cannot run) refuses the call and logs for the
//   operator; so does a policy pattern RE2 cannot run (the loader should reject it earlier).
// - Refusals name the argument and the rule, never the value (PolicyError -32602, ERR_POLICY_ARGS_INVALID).
import type { ErrorObject } from "ajv";
import { JSONRPC, PolicyError } from "../errors.ts";
import type { ToolPolicy } from "../policy/schema.ts";
import { toolPolicyFor } from "../policy/tool-key.ts";
import { type ArgCheck, compileArgConstraint } from "./arg-constraints.ts";
import { createSchemaValidators, type SchemaValidators } from "./schema-validators.ts";
import type { Guard, MessageContext, SessionState } from "./types.ts";

/** Where the guard takes a tool's inputSchema from; `pin` supplies the pinned one instead of the live one. */
export type SchemaSource = (session: SessionState, tool: string) => unknown;

/** Operator-facing log sink (pino-compatible). Never receives argument values. */
export interface OperatorLog {
  warn(fields: Record<string, unknown>, msg: string): void;
}

export interface ArgsOptions {
  schemaFor?: SchemaSource;
  log?: OperatorLog;
  validators?: SchemaValidators;
}

/** The definition seen in the session's last tools/list. */
export const liveSchema: SchemaSource = (session, tool) => session.tools.get(tool)?.inputSchema;

const stderrLog: OperatorLog = {
  warn: (fields, msg) => process.stderr.write(`${JSON.stringify({ level: "warn", msg, ...fields })}\n`),
};

type CompiledPolicy = { checks: [string, ArgCheck][] } | { error: Error };

export function args(opts: ArgsOptions = {}): Guard {
  const schemaFor = opts.schemaFor ?? liveSchema;
  const log = opts.log ?? stderrLog;
  const validators = opts.validators ?? createSchemaValidators();
  const compiled = new WeakMap<ToolPolicy, CompiledPolicy>();

  function policyChecks(tp: ToolPolicy): CompiledPolicy {
    let c = compiled.get(tp);
    if (c === undefined) {
      try {
        c = { checks: Object.entries(tp.args).map(([name, rule]) => [name, compileArgConstraint(rule, validators)]) };
      } catch (err) {
        c = { error: err instanceof Error ? err : new Error(String(err)) };
      }
      compiled.set(tp, c);
    }
    return c;
  }

  function run(ctx: MessageContext): void {
    const msg = ctx.message as { method?: unknown; params?: unknown };
    if (msg.method !== "tools/call") return;
    const params = isRecord(msg.params) ? msg.params : {};
    const tool = params.name;
    if (typeof tool !== "string") throw refusal("name", "type");
    const raw = params.arguments;
    if (raw !== undefined && !isRecord(raw)) throw refusal("arguments", "type");
    const values = raw ?? {};
    const tp = toolPolicyFor(ctx.policy, ctx.session.upstream, tool);
    const schema = schemaFor(ctx.session, tool);
    if (schema !== undefined && !isRecord(schema))
      throw schemaFailure(ctx, tool, new Error("inputSchema is not an object"));
    if (tp?.allow_unknown_args !== true) checkNames(values, schema, tp);
    if (tp !== undefined) checkPolicy(ctx, tool, values, tp);
    if (schema !== undefined) checkSchema(ctx, tool, values, schema);
  }

  function checkPolicy(ctx: MessageContext, tool: string, values: Record<string, unknown>, tp: ToolPolicy): void {
    const c = policyChecks(tp);
    if ("error" in c) {
      log.warn(
        { tool, upstream: ctx.session.upstream, err: c.error.message },
        "policy argument constraint cannot be compiled",
      );
      throw refusal("arguments", "policy");
    }
    for (const [name, check] of c.checks) {
      if (!Object.hasOwn(values, name)) continue;
      const rule = check(values[name]);
      if (rule !== undefined) throw refusal(name, rule);
    }
  }

  function checkSchema(
    ctx: MessageContext,
    tool: string,
    values: Record<string, unknown>,
    schema: Record<string, unknown>,
  ) {
    let validate: ReturnType<SchemaValidators["get"]>;
    try {
      validate = validators.get(schema);
    } catch (err) {
      throw schemaFailure(ctx, tool, err);
    }
    if (passes(validate, values, ctx, tool)) return;
    const first = validate.errors?.[0];
    throw refusal(first === undefined ? "arguments" : argumentOf(first), first?.keyword ?? "schema");
  }

  // ajv's enum/const/uniqueItems comparison (fast-deep-equal) calls an object's own `valueOf`/`toString`, so a
  // client sending `{"valueOf": false}` against an enum of objects makes it throw a TypeError. Any throw while
  // validating is a refusal, never a crash of the call.
  function passes(
    validate: ReturnType<SchemaValidators["get"]>,
    values: Record<string, unknown>,
    ctx: MessageContext,
    tool: string,
  ): boolean {
    try {
      return validate(values) === true;
    } catch (err) {
      throw schemaFailure(ctx, tool, err);
    }
  }

  function schemaFailure(ctx: MessageContext, tool: string, err: unknown): PolicyError {
    const detail = err instanceof Error ? err.message : String(err);
    log.warn(
      { tool, upstream: ctx.session.upstream, err: detail.slice(0, 500) },
      "tool inputSchema cannot be enforced",
    );
    return refusal("arguments", "schema");
  }

  return { id: "args", phases: ["request"], run };
}

function checkNames(values: Record<string, unknown>, schema: unknown, tp: ToolPolicy | undefined): void {
  const props = isRecord(schema) && isRecord(schema.properties) ? schema.properties : undefined;
  for (const name of Object.keys(values)) {
    if (props !== undefined && Object.hasOwn(props, name)) continue;
    if (tp !== undefined && Object.hasOwn(tp.args, name)) continue;
    throw refusal(name, "unknown");
  }
}

/** The argument an ajv error is about: the missing/extra property, else the instance path (JSON Pointer). */
function argumentOf(e: ErrorObject): string {
  const p = e.params as { missingProperty?: unknown; additionalProperty?: unknown; propertyName?: unknown };
  const extra = p.missingProperty ?? p.additionalProperty ?? p.propertyName;
  const base = e.instancePath.slice(1).replaceAll("~1", "/").replaceAll("~0", "~");
  if (typeof extra === "string") return base === "" ? extra : `${base}/${extra}`;
  return base === "" ? "arguments" : base;
}

/** A client-safe refusal: the argument name (clipped) and the rule, never the value. */
export function refusal(argument: string, rule: string): PolicyError {
  const name = argument.length > 64 ? `${argument.slice(0, 64)}…` : argument;
  return new PolicyError("ERR_POLICY_ARGS_INVALID", {
    message: `Invalid argument ${JSON.stringify(name)}: rule ${rule} not satisfied.`,
    jsonRpcCode: JSONRPC.INVALID_PARAMS,
    data: { argument: name, rule },
  });
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
