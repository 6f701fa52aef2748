/**
 * Text folding shared by the alias map, the search index and the query parser,
 * so that "Kazakstan", "KAZAKSTAN" and "Kazakstán" all meet on the same key.
 */

const DIACRITICS = /[\u0300-\u036f]/g;

/** Lower case, no accents, curly quotes and dashes made plain, whitespace folded. */
export function fold(text: string): string {
  // Decomposing accents is the slow part; plain ASCII has none to decompose.
  return (/^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFKD'))
    .replace(DIACRITICS, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/[\u201c\u201d«»]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A lookup key: folded, punctuation dropped, so "Alma-Ata" and "alma ata" are one key. */
export function key(text: string): string {
  return fold(text)
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

