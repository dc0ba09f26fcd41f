// How rare a character or pair is in the texts the gateway scans (prose, JSON, logs): the keyword index keys each
// keyword on its rarest sampled pair, since every occurrence of a pair costs a compare against its keywords.

/**
 * Rough per-mille frequencies of lower-case letters in English text, a–f raised by 40 for the hex of ids, hashes
 * and trace ids in logs; other characters are ranked below.
 */
const LETTER_PER_MILLE = [
  122, 55, 68, 83, 167, 62, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1,
];

/** Higher is rarer: -log2 of an estimated frequency per character, letters folded. */
export function charRarity(code: number): number {
  const c = code >= 65 && code <= 90 ? code + 32 : code;
  if (c >= 97 && c <= 122) return -Math.log2((LETTER_PER_MILLE[c - 97] ?? 1) / 1000);
  if (c === 32) return 2.5;
  // Digits and the punctuation of JSON, URLs and logs are common there; the rest is rare.
  if ((c >= 48 && c <= 57) || '"-_.:/,='.includes(String.fromCharCode(c))) return 5;
  return 12;
}

/**
 * Rarity of the pair word[at], word[at + 1] (as if the two were independent), less a penalty for each other keyword
 * within the word that holds the pair: "pi" occurs wherever "api" does, so "co_api" is better keyed on "co" or "o_".
 */
export function pairRarity(word: string, at: number, keywords: readonly string[]): number {
  const pair = word.slice(at, at + 2);
  let shared = 0;
  for (const k of keywords) if (k !== word && word.includes(k) && k.includes(pair)) shared++;
  const common = COMMON_PAIRS.has(pair) ? 4 : 0;
  return charRarity(word.charCodeAt(at)) + charRarity(word.charCodeAt(at + 1)) - 4 * shared - common;
}

/** The most frequent letter pairs of English text, far more frequent than their letters suggest. */
const COMMON_PAIRS = new Set(
  "th he in er an re on at en nd ti es or te of ed is it al ar st to nt ng se ha as ou io le ve co me de hi ri ro ic ne ea ra ce li ch ll be ma si om ur".split(
    " ",
  ),
);
