/**
 * American Soundex of a normalised (lower-case a–z) name: first letter plus three digits coding
 * the following consonant sounds. Coarse on purpose: it is only a blocking key, so that "Smith",
 * "Smyth" and "Smithe" are compared with each other; the comparison itself decides.
 */
const CODES: Record<string, string> = {
  b: '1',
  f: '1',
  p: '1',
  v: '1',
  c: '2',
  g: '2',
  j: '2',
  k: '2',
  q: '2',
  s: '2',
  x: '2',
  z: '2',
  d: '3',
  t: '3',
  l: '4',
  m: '5',
  n: '5',
  r: '6',
};

export function soundex(name: string): string {
  if (name.length === 0) return '';
  let result = name[0]!.toUpperCase();
  let previous = CODES[name[0]!] ?? '';
  for (let i = 1; i < name.length && result.length < 4; i++) {
    const ch = name[i]!;
    const code = CODES[ch];
    if (code !== undefined) {
      if (code !== previous) result += code;
      previous = code;
    } else if (ch !== 'h' && ch !== 'w') {
      // A vowel separates two letters with the same code; h and w do not.
      previous = '';
    }
  }
  return result.padEnd(4, '0');
}
