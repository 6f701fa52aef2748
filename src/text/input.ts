/**
 * What a question may be before the core reads it: Unicode normalised (NFKC, so full-width
 * and compatibility forms read as plain letters), control characters removed, and cut at
 * MAX_QUERY_LENGTH characters, so no input can make an answer slow or strange.
 */
export const MAX_QUERY_LENGTH = 500;

// C0 and C1 controls except tab and newline, zero-width characters, and every bidi control
// (embeddings and overrides U+202A–202E, isolates U+2066–2069, the Arabic letter mark U+061C).
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function cleanQuery(text: string): string {
  // A lone surrogate (half of an emoji, cut) is no character: dropped, not sent on as U+FFFD.
  const whole = text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
  const clean = whole.normalize('NFKC').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUERY_LENGTH ? clean.slice(0, MAX_QUERY_LENGTH) : clean;
}
