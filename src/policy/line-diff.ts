// A small line diff (longest common subsequence) for `mcp-warden pin --diff`: descriptions and schemas read as
// `-`/`+` lines the way a code review shows them. Bounded: beyond MAX_CELLS the texts are shown as replaced whole.

const MAX_CELLS = 4_000_000;

export interface DiffLine {
  op: " " | "-" | "+";
  text: string;
}

export function lineDiff(before: string, after: string): DiffLine[] {
  const a = before.split("\n");
  const b = after.split("\n");
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((text) => ({ op: "-" as const, text })), ...b.map((text) => ({ op: "+" as const, text }))];
  }
  const lcs = lcsTable(a, b);
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ op: " ", text: a[i] as string });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || cell(lcs, b.length, i + 1, j) >= cell(lcs, b.length, i, j + 1))) {
      out.push({ op: "-", text: a[i] as string });
      i++;
    } else {
      out.push({ op: "+", text: b[j] as string });
      j++;
    }
  }
  return out;
}

/** lcs[i][j] = length of the LCS of a[i..] and b[j..], stored row-major in one typed array. */
function lcsTable(a: string[], b: string[]): Uint32Array {
  const width = b.length + 1;
  const table = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * width + j] =
        a[i] === b[j]
          ? (table[(i + 1) * width + j + 1] as number) + 1
          : Math.max(table[(i + 1) * width + j] as number, table[i * width + j + 1] as number);
    }
  }
  return table;
}

function cell(table: Uint32Array, bLength: number, i: number, j: number): number {
  return table[i * (bLength + 1) + j] as number;
}
