// Verifies an audit log's hash chain (DESIGN.md "Audit event") and names the first bad line and why.
// Limits: the chain is unkeyed, so it proves the log is internally consistent; removing lines from the END, or
// rewriting the whole log, is only detected against a hash recorded elsewhere (`expectHash`, `--expect-hash`).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";
import { eventHash, GENESIS_HASH, HASH_PATTERN } from "./chain.ts";
import type { AuditEvent } from "./event.ts";
import { parseLine } from "./line.ts";
import { readTail } from "./tail-read.ts";

export type VerifyFailure = "edited" | "deleted" | "reordered" | "inserted" | "unparsable";

export type VerifyResult =
  | { ok: true; lines: number; head: string }
  | { ok: false; lines: number; line: number; reason: VerifyFailure; message: string };

export interface VerifyOptions {
  /** A hash recorded earlier (e.g. a previous `verify` head): the log must still contain it. */
  expectHash?: string;
}

interface Cursor {
  line: number;
  seq: number;
  prev: string;
  /** Whether `expectHash` was seen (constant memory, unlike a set of every hash). */
  sawExpected: boolean;
}

type Check = { reason: VerifyFailure; message: string; seqJump?: number } | undefined;

function checkLine(text: string, at: Cursor): Check {
  const e = parseLine(text) as Partial<AuditEvent> | undefined;
  if (!e) return { reason: "unparsable", message: "not a JSON object" };
  if (!Number.isSafeInteger(e.seq) || !HASH_PATTERN.test(String(e.hash)) || !HASH_PATTERN.test(String(e.prev))) {
    return { reason: "unparsable", message: "missing or malformed seq, prev or hash" };
  }
  if (eventHash(e as AuditEvent) !== e.hash) {
    return { reason: "edited", message: "the content does not match its hash (the line was edited)" };
  }
  const seq = e.seq as number;
  const expected = at.seq + 1;
  if (seq > expected) {
    return { reason: "deleted", message: `seq jumps from ${at.seq} to ${seq}`, seqJump: expected };
  }
  if (seq < expected) {
    return { reason: "inserted", message: `seq ${seq} after seq ${at.seq}: a line was inserted or moved here` };
  }
  if (e.prev !== at.prev) {
    const after = at.line === 0 ? "the genesis value" : `the hash of line ${at.line}`;
    return { reason: "inserted", message: `prev is not ${after}: a line was inserted or replaced` };
  }
  return undefined;
}

/** Reads the rest of the file after a seq jump: if the missing seq is there, lines were reordered, not deleted. */
async function seqAppearsLater(lines: AsyncIterator<string>, wanted: number): Promise<boolean> {
  for (let next = await lines.next(); !next.done; next = await lines.next()) {
    if ((parseLine(next.value) as Partial<AuditEvent> | undefined)?.seq === wanted) return true;
  }
  return false;
}

/** Verifies the whole file in one streaming pass, in constant memory. */
export async function verifyAuditLog(file: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const { size } = await stat(file);
  const { endsWithNewline } = size > 0 ? await readTail(file, 0) : { endsWithNewline: true };
  const rl = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  const lines = rl[Symbol.asyncIterator]();
  const at: Cursor = { line: 0, seq: 0, prev: GENESIS_HASH, sawExpected: false };
  try {
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      const line = at.line + 1;
      const check = checkLine(next.value, at);
      if (check) {
        let { reason, message } = check;
        if (check.seqJump !== undefined && (await seqAppearsLater(lines, check.seqJump))) {
          reason = "reordered";
          message = `seq ${check.seqJump} comes later in the file: lines are out of order`;
        }
        return { ok: false, lines: line, line, reason, message };
      }
      const event = parseLine(next.value) as unknown as AuditEvent;
      Object.assign(at, { line, seq: event.seq, prev: event.hash });
      if (event.hash === options.expectHash) at.sawExpected = true;
    }
  } finally {
    rl.close();
  }
  if (!endsWithNewline) {
    const line = at.line;
    return { ok: false, lines: line, line, reason: "unparsable", message: "the last line is incomplete (no newline)" };
  }
  if (options.expectHash && !at.sawExpected) {
    const line = at.line + 1;
    const message = "the expected hash is not in the log: lines were removed from the end or the log was rewritten";
    return { ok: false, lines: at.line, line, reason: "deleted", message };
  }
  return { ok: true, lines: at.line, head: at.prev };
}
