// How many one-letter edits turn one word into another: for "did you mean …?" answers to typos.

/**
 * Levenshtein distance; gives up past `limit` (returning limit + 1) so long junk stays cheap. With
 * `transpositions`, two neighbouring letters swapped count as one edit ("вчреа" is one from "вчера"):
 * the optimal-string-alignment form of Damerau-Levenshtein, which the phrase suggestions use.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY, transpositions = false): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let beforePrevious = new Uint32Array(b.length + 1);
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
      if (transpositions && i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return limit + 1;
    [beforePrevious, previous, current] = [previous, current, beforePrevious];
  }
  return previous[b.length]!;
}
