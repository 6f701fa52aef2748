/**
 * Typos in the words that steer a question: "wen did pakistn jion" reads as "when did pakistn
 * join". Names are matched typo-tolerantly by the entity index; these are the other words the
 * router and the commands look for (question words, command words, status and relation verbs).
 *
 * A word is corrected only when it is one edit (a letter added, dropped, changed, or two
 * neighbours swapped) from exactly one cue word, and the fact base does not use it as it is,
 * so names ("Wen Jiabao") stay; in the question position (first word, before "did", "is"…)
 * short words are read too, since that is where "wen" and "wat" stand.
 */
import { FRAMES } from '../check/frames.js';
import { STOP_WORDS } from '../text/terms.js';

/** The words a typo is corrected to, by what they steer. */
const CUE_WORDS: readonly { words: string[]; reason: string }[] = [
  { words: ['who', 'what', 'when', 'where', 'which', 'whose', 'why', 'how'], reason: 'question words pick the intent and the focus' },
  { words: ['member', 'members', 'membership', 'observer', 'observers', 'partner', 'partners', 'dialogue', 'join', 'joined', 'joins', 'status', 'applicant'], reason: 'status words send a question to the member and members commands' },
  { words: ['treaty', 'treaties', 'agreement', 'charter', 'convention', 'declaration', 'summit', 'summits', 'meeting'], reason: 'kinds of document and meeting steer the treaty command and the summit index' },
  { words: ['date', 'happened', 'anniversary', 'anniversaries', 'timeline', 'events', 'today', 'history', 'sources', 'help', 'check', 'verify'], reason: 'command words and the cues of the date and on-this-day commands' },
  { words: FRAMES.flatMap((f) => f.verbs).filter((v) => /^[a-z]{4,}$/.test(v)), reason: "a relation frame's verbs make a statement a claim to check" },
];
const CUES = new Set(CUE_WORDS.flatMap((c) => c.words));

/** Ordinary words one edit from a cue word that must stay as they are. */
const KEEP = new Set(['here', 'hen', 'then', 'them', 'wet', 'hat', 'chat', 'hot', 'whom', 'were', 'wear', 'data', 'dates']);

/** Auxiliaries that follow a question word: the word before them is in the question position. */
const AUXILIARY = new Set(['did', 'does', 'do', 'is', 'was', 'were', 'are', 'has', 'have', 'had', 'can', 'will', 'would', 'should', 'could']);

/** True when a and b are at most one edit apart, a swap of neighbours counting as one. */
export function oneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // neighbours swapped
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function cueFor(word: string): string | undefined {
  let found: string | undefined;
  for (const cue of CUES) {
    if (Math.abs(cue.length - word.length) > 1 || !oneEdit(word, cue)) continue;
    if (found && found !== cue) return undefined; // two cues as close: no guess
    found = cue;
  }
  return found;
}

/**
 * The text with mistyped cue words corrected; every other character as it was.
 * `known(word)` says whether the fact base uses the word (then it is not a typo).
 */
export function correctCueWords(text: string, known: (word: string) => boolean): string {
  const words = [...text.matchAll(/[A-Za-z]+/g)];
  let out = '';
  let last = 0;
  words.forEach((m, i) => {
    const word = m[0].toLowerCase();
    if (CUES.has(word) || STOP_WORDS.has(word) || KEEP.has(word)) return;
    const next = words[i + 1]?.[0].toLowerCase();
    const questionPosition = i === 0 && next !== undefined && AUXILIARY.has(next);
    if (word.length < (questionPosition ? 3 : 4)) return;
    if (!questionPosition && known(word)) return;
    const cue = cueFor(word);
    if (!cue) return;
    out += text.slice(last, m.index) + matchCase(m[0], cue);
    last = m.index + m[0].length;
  });
  return out + text.slice(last);
}

function matchCase(original: string, word: string): string {
  return original[0] === original[0]!.toUpperCase() ? word[0]!.toUpperCase() + word.slice(1) : word;
}
