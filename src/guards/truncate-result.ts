// Head+tail truncation of an oversized tools/call, resources/read or prompts/get result, so the re-serialised
// message fits a byte cap and says visibly that it was cut. Linear in the result: strings are sliced once per
// attempt and only the (small) output is serialised; the oversized input never is.
//
// Decisions:
// - All text of the result is one stream (content blocks, embedded resource text, prompt messages in order);
//   the first half of the budget keeps its head, the second half its tail; blocks wholly in the middle are
//   removed; the notice sits at the cut.
// - Binary payloads (image/audio `data`, resource `blob`) cannot be cut usefully: they become the notice text.
// - `structuredContent` cannot be cut and still match the tool's outputSchema, so it is dropped; when the tool
//   declares an outputSchema the result is marked `isError: true`, because conforming clients reject a success
//   result without structured content (MCP 2025-06-18, "Structured Content").
// - If even the notice alone does not fit, the caller refuses (returns undefined).

export type CappedMethod = "tools/call" | "resources/read" | "prompts/get";

/** Each list holding slots, with its original elements (apply() rebuilds lists from these). */
type Lists = Map<unknown[], unknown[]>;

interface Slot {
  holder: Record<string, unknown>;
  key: string;
  text: string;
  list: unknown[];
  element: unknown;
}

export interface TruncateOptions {
  method: CappedMethod;
  limit: number;
  originalBytes: number;
  hasOutputSchema: boolean;
}

/** Mutates `message` in place; returns its new serialised size, or undefined when it cannot be made to fit. */
export function truncateResult(message: { result?: unknown }, opts: TruncateOptions): number | undefined {
  const result = message.result;
  if (!isRecord(result)) return undefined;
  const notice = `[mcp-warden: response truncated from ${opts.originalBytes} to ${opts.limit} bytes]`;
  if (opts.method === "tools/call" && result.structuredContent !== undefined) {
    delete result.structuredContent;
    if (opts.hasOutputSchema) result.isError = true;
  }
  const slots: Slot[] = [];
  const binaryReplaced = collect(result, opts.method, notice, slots);
  const lists: Lists = new Map();
  for (const s of slots) if (!lists.has(s.list)) lists.set(s.list, [...s.list]);
  const total = slots.reduce((n, s) => n + s.text.length, 0);
  const measure = () => Buffer.byteLength(JSON.stringify(message));
  // Start optimistic (every kept UTF-16 unit costs at least one byte) and shrink by the overshoot: keeping k
  // fewer units saves at least k bytes, so this converges in one or two rounds.
  let budget = Math.min(total, Math.max(0, opts.limit - Buffer.byteLength(notice) - 16));
  // Nothing to cut (dropping structuredContent or binaries suffices): the notice must still be visible.
  if (budget >= total && !binaryReplaced) appendNotice(result, opts.method, notice, lists);
  for (let attempt = 0; attempt < 12; attempt++) {
    apply(slots, lists, budget, total, notice);
    const size = measure();
    if (size <= opts.limit) return size;
    if (budget === 0) return undefined;
    budget = Math.max(0, Math.min(budget - (size - opts.limit) - 16, budget - 1));
  }
  return undefined;
}

/** Keeps `budget` UTF-16 units of the text stream: its head and its tail, the notice at the cut. */
function apply(slots: Slot[], lists: Lists, budget: number, total: number, notice: string): void {
  const removed = new Set<unknown>();
  const head = Math.ceil(budget / 2);
  const tailStart = total - (budget - head);
  let placed = false;
  let start = 0;
  for (const s of slots) {
    const end = start + s.text.length;
    if (budget >= total) {
      s.holder[s.key] = s.text;
    } else {
      const keepHead = safeEnd(s.text, clamp(head - start, 0, s.text.length));
      const keepTail = safeStart(s.text, clamp(end - tailStart, 0, s.text.length));
      const cutHere: boolean = !placed && keepHead < s.text.length;
      if (keepHead === 0 && keepTail === s.text.length && !cutHere) removed.add(s.element);
      const middle = cutHere ? `\n\n${notice}\n\n` : "";
      s.holder[s.key] = s.text.slice(0, keepHead) + middle + s.text.slice(keepTail);
      placed ||= cutHere;
    }
    start = end;
  }
  for (const [list, original] of lists) {
    list.length = 0;
    for (const el of original) if (!removed.has(el)) list.push(el);
  }
}

function appendNotice(result: Record<string, unknown>, method: CappedMethod, notice: string, lists: Lists): void {
  if (method !== "tools/call") return;
  if (!Array.isArray(result.content)) result.content = [];
  const content = result.content as unknown[];
  const block = { type: "text", text: notice };
  content.push(block);
  lists.get(content)?.push(block); // apply() rebuilds the list from this copy
}

// Collects truncatable text in stream order and replaces binary payloads; returns true if any was replaced.
function collect(result: Record<string, unknown>, method: CappedMethod, notice: string, slots: Slot[]): boolean {
  let replaced = false;
  // `set` replaces the block where it lives; `list`/`element` say what to remove when its text is cut away.
  const visit = (block: unknown, set: (b: unknown) => void, list: unknown[], element: unknown) => {
    if (!isRecord(block)) return;
    if (typeof block.data === "string") {
      set({ type: "text", text: notice });
      replaced = true;
    } else if (typeof block.text === "string") {
      slots.push({ holder: block, key: "text", text: block.text, list, element: element ?? block });
    } else if (isRecord(block.resource)) {
      replaced = visitResource(block.resource, list, element ?? block, notice, slots) || replaced;
    }
  };
  const visitList = (list: unknown[]) => {
    for (let i = 0; i < list.length; i++) visit(list[i], (b) => (list[i] = b), list, undefined);
  };
  if (method === "tools/call" && Array.isArray(result.content)) visitList(result.content);
  if (method === "resources/read" && Array.isArray(result.contents)) {
    for (const entry of result.contents) {
      if (isRecord(entry)) replaced = visitResource(entry, result.contents, entry, notice, slots) || replaced;
    }
  }
  if (method === "prompts/get" && Array.isArray(result.messages)) {
    for (const m of result.messages) {
      if (!isRecord(m)) continue;
      if (Array.isArray(m.content)) visitList(m.content);
      else visit(m.content, (b) => (m.content = b), result.messages, m);
    }
  }
  return replaced;
}

function visitResource(r: Record<string, unknown>, list: unknown[], element: unknown, notice: string, slots: Slot[]) {
  if (typeof r.blob === "string") {
    delete r.blob;
    r.mimeType = "text/plain";
    r.text = notice;
    return true;
  }
  if (typeof r.text === "string") slots.push({ holder: r, key: "text", text: r.text, list, element });
  return false;
}

// Never split a surrogate pair: a lone surrogate would serialise as an escape, not as the character.
function safeEnd(s: string, end: number): number {
  const c = s.charCodeAt(end - 1);
  return end > 0 && end < s.length && c >= 0xd800 && c <= 0xdbff ? end - 1 : end;
}

function safeStart(s: string, fromEnd: number): number {
  const start = s.length - fromEnd;
  const c = s.charCodeAt(start);
  return start > 0 && start < s.length && c >= 0xdc00 && c <= 0xdfff ? start + 1 : start;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(n, hi));
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
