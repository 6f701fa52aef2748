/**
 * Text → intent. An explicit command word wins ("member india", "members 2010");
 * otherwise cues in the wording pick the intent ("when did india join?" → member,
 * "what happened on 7 june 2002" → date, "India joined in 2015, right?" → check),
 * and any other question is a lookup.
 */
import type { Status } from '../facts/schema.js';
import type { Intent } from '../answer/model.js';
import { FRAME_VERBS } from '../check/frames.js';
import { findDates, type QueryDate } from './dates.js';

export interface Route {
  intent: Intent;
  /** The text the intent works on, without the command word or check cue. */
  query: string;
  dates: QueryDate[];
  /** A membership status the question is about: "observers", "dialogue partners". */
  status?: Status;
  /** True when the intent came from a command word rather than from cues. */
  explicit: boolean;
}

const COMMANDS = new Map<string, Intent>([
  ['member', 'member'], ['country', 'member'], ['status', 'member'],
  ['members', 'members'], ['membership', 'members'], ['observers', 'members'], ['partners', 'members'],
  ['treaty', 'treaty'], ['treaties', 'treaty'], ['agreement', 'treaty'], ['document', 'treaty'],
  ['date', 'date'], ['when', 'date'],
  ['onthisday', 'onthisday'], ['otd', 'onthisday'],
  ['check', 'check'], ['factcheck', 'check'], ['fact-check', 'check'], ['verify', 'check'], ['claim', 'check'],
  ['sources', 'sources'], ['source', 'sources'], ['documents', 'sources'], ['bibliography', 'sources'],
  ['help', 'help'], ['usage', 'help'], ['commands', 'help'], ['?', 'help'],
  ['ask', 'lookup'], ['lookup', 'lookup'], ['about', 'lookup'], ['what', 'lookup'],
]);
/** Command words that also start ordinary questions: only a command when something follows that fits. */
const AMBIGUOUS = new Set(['when', 'what', 'about', 'status', 'country', 'agreement', 'document', 'observers', 'partners', 'claim', 'source', 'documents']);

export function statusIn(text: string): Status | undefined {
  const t = text.toLowerCase();
  if (/\bdialog(ue)?[- ]partners?\b|\bpartners?\b|\bpartnership status\b/.test(t)) return 'dialogue-partner';
  if (/\bobservers?\b|\bobserver status\b/.test(t)) return 'observer';
  if (/\bapplicants?\b|\bappl(y|ied|ication)\b|\bcandidates?\b/.test(t)) return 'applicant';
  if (/\bfull[- ]members?\b|\bmembers?\b|\bmember[- ]states?\b|\bjoin(ed|s)?\b|\bmembership\b|\baccession\b|\badmitted\b/.test(t)) return 'member';
  return undefined;
}

const ON_THIS_DAY = /\b(on|in) this day\b|\bonthisday\b|\bthis day in\b|\btoday in (sco )?history\b|\bwhat happened today\b|\banything (on )?today\b|\bon this date\b/i;
/** Words before a claim that ask for it to be checked: "is it true (that) …", "I read that …". */
const CHECK_PREFIX = /^\s*(?:please\s+)?(?:fact[- ]?check(?:ing)?|check|verify|is it (?:true|correct|right)(?: that)?|true or false|claim|i (?:read|heard|was told) (?:somewhere )?that|someone (?:said|told me|claims) that|apparently)\b\s*[:,-]?\s*/i;
/** Words after a claim that ask for agreement: "…, right?", "…, yeah?", "… isn't it?". */
const CHECK_SUFFIX = /[,;]?\s*(?:right|correct|true|yeah|yes|no|isn'?t it|wasn'?t it|didn'?t (?:it|they|he|she)|aren'?t they|weren'?t they|am i right|or not)\s*\?+\s*$/i;
/** A yes-no question that states a relation: "did Afghanistan become an observer in 2012?", "was the Charter signed in Moscow?". */
const YES_NO = /^\s*(?:did|was|were|is|are|has|have|does|do)\s+(?!there\b|it\b|this\b|that\b)/i;
const QUESTION_START = /^\s*(who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|has|have|had|list|show|tell|give|name|any|anything|should|will|would)\b/i;
/** Finite verbs that make a sentence a statement someone could be claiming: every frame's verbs, and these. */
const CLAIM_VERB = new RegExp(`\\b(?:was|were|is|are|has|have|had|became|becomes|got|gets|gained|won|came|comes|went|consists|includes|included|received|obtained|acquired|moved|introduced|spent)\\b|${FRAME_VERBS.source}`, 'i');
/** Past-tense words ("introduced", "moved") also make a statement, except adjectives that look like them. */
const PAST_TENSE = /\b(?!united\b|red\b|need\b|speed\b|based\b|limited\b|related\b|armed\b|advanced\b)[a-z]{3,}ed\b/i;

function isStatement(text: string): boolean {
  return CLAIM_VERB.test(text) || PAST_TENSE.test(text);
}
const MEMBERS_QUESTION = /\b(who|which|list|name|how many|what)\b.*\b(members?|member states|observers?|partners?|countries|states)\b|\b(members?|observers?|dialogue partners?|member states|membership) (list|of the sco|as of|in \d{4})\b/i;
const TREATY_WORDS = /\b(treaty|treaties|agreements?|conventions?|charter|declarations?|protocols?|memorand(um|a)|programmes?|programs?|strateg(y|ies)|concepts?|accords?|regulations?)\b/i;
const DATE_QUESTION = /\bwhat (happened|was (signed|held|decided|adopted))\b|\bevents? (on|in)\b|^\s*(on|in)\s/i;

function explicitCommand(text: string): { intent: Intent; rest: string } | undefined {
  const m = /^\s*\/?(?:sco\s+)?([a-z?-]+)\b[:,]?\s*(.*)$/is.exec(text);
  if (!m) return undefined;
  const word = m[1]!.toLowerCase();
  const intent = COMMANDS.get(word);
  if (!intent) return undefined;
  const rest = m[2]!.trim();
  // "Treaty on Good-Neighbourliness was signed in 2007": a sentence that starts with a command word is a claim.
  if (intent !== 'check' && FRAME_VERBS.test(rest) && (/\b(?:was|were|is|are|been)\s+\w+/i.test(rest) || findDates(rest).some((d) => !d.monthDayOnly)) && rest.split(/\s+/).length >= 4) return undefined;
  if (!AMBIGUOUS.has(word)) return { intent, rest };
  // "date 2003-05-29" is a command; "when did india join" is a question.
  const first = word === 'when' ? findDates(rest)[0] : undefined;
  if (first && first.index === 0 && !/[a-z]{4,}/i.test(rest.replace(first.text, ''))) return { intent: 'date', rest };
  if ((word === 'observers' || word === 'partners') && /^(\d{4})?\s*$/.test(rest)) return { intent, rest: `${word} ${rest}`.trim() };
  if ((word === 'status' || word === 'country') && rest && rest.split(/\s+/).length <= 3) return { intent: 'member', rest };
  return undefined;
}

/** A claim to fact-check, read from the text without its cue words. */
function checkOf(claim: string): Route {
  return { intent: 'check', query: claim, dates: findDates(claim), explicit: false };
}

export function route(input: string): Route {
  const text = input.replace(/\s+/g, ' ').trim();
  const cmd = explicitCommand(text);
  if (cmd) {
    const status = cmd.intent === 'members' || cmd.intent === 'member' ? statusIn(cmd.rest) : undefined;
    return { intent: cmd.intent, query: cmd.rest, dates: findDates(cmd.rest), explicit: true, ...(status ? { status } : {}) };
  }
  const dates = findDates(text);
  const base = { dates, explicit: false };
  if (!text) return { intent: 'help', query: '', ...base };

  if (ON_THIS_DAY.test(text) && !CHECK_PREFIX.test(text)) return { intent: 'onthisday', query: text, ...base };

  const prefix = CHECK_PREFIX.exec(text);
  if (prefix) {
    const claim = text.slice(prefix[0].length).replace(CHECK_SUFFIX, '').trim();
    return checkOf(claim);
  }
  if (CHECK_SUFFIX.test(text) && !QUESTION_START.test(text)) {
    const claim = text.replace(CHECK_SUFFIX, '').trim();
    return checkOf(claim);
  }

  // A yes-no question with a verb of a relation and a value to compare (a date, a place after in/at) is a claim to check.
  if (YES_NO.test(text) && (FRAME_VERBS.test(text) || /\bbecome\b/i.test(text)) && (dates.some((d) => !d.monthDayOnly) || /\b(?:in|at)\s+[a-z][a-z'-]+/i.test(text.replace(/\bin the sco\b/i, '')))) {
    const claim = text.replace(/\?+\s*$/, '').trim();
    return checkOf(claim);
  }
  const isQuestion = QUESTION_START.test(text) || /\?\s*$/.test(text);
  const words = text.split(' ').length;
  if (!isQuestion && words >= 4 && isStatement(text)) return { intent: 'check', query: text.replace(/[.!]+$/, ''), ...base };

  const status = statusIn(text);
  if (MEMBERS_QUESTION.test(text) && status && status !== 'applicant' && !/\bwhen\b/i.test(text)) {
    return { intent: 'members', query: text, status, ...base };
  }
  if (/^((the )?(sco|shos|shanghai cooperation organi[sz]ation)('s)? )?(full )?(members?|member states|observers?|dialogue partners?|partners)( (in|as of|of))?( \d{4})?\s*\??$/i.test(text)) {
    return { intent: 'members', query: text, ...(status ? { status } : {}), ...base };
  }

  // A date and little else, or "what happened on …": the date command.
  const onlyDate = dates.length === 1 && text.replace(dates[0]!.text, '').replace(/[^a-z]+/gi, ' ').trim().split(' ').filter((w) => w.length > 2).length === 0;
  if (dates.length && (onlyDate || (DATE_QUESTION.test(text) && dates.some((d) => d.start.day !== undefined || d.start.month !== undefined)))) {
    return { intent: 'date', query: text, ...base };
  }

  if (TREATY_WORDS.test(text) && !/\b(summit|meeting|met)\b/i.test(text)) return { intent: 'treaty', query: text, ...base };
  // "member" is decided with the fact base (does the text name a country?): see answer.ts.
  return { intent: 'lookup', query: text, ...base, ...(status ? { status } : {}) };
}
