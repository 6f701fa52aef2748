/**
 * Text → intent, by a table of rules tried in order (ROUTING_RULES): each names its cue, its
 * guards and why it is there. A leading command word is a command when it is one (`/sco member
 * india`, `sco members`, or `member india` where what follows fits the command); text is a claim
 * to check when it asks for a check ("is it true that …", "…, right?") or states a relation (a
 * verb of a relation frame, outside the names it gives) about something the fact base knows;
 * cues in a question pick the other commands, and any other question is a lookup.
 *
 * Before the rules, mistyped cue words are corrected (spelling.ts) and the names the question
 * gives are read (the Lexicon), so "wen did pakistn jion" routes like "when did Pakistan join".
 */
import type { Status } from '../facts/schema.js';
import type { Intent } from '../answer/model.js';
import { FRAME_VERBS } from '../check/frames.js';
import { key } from '../text/normalize.js';
import { findDates, type QueryDate } from './dates.js';
import { correctCueWords } from './spelling.js';

export interface Route {
  intent: Intent;
  /** The text the intent works on, without the command word or check cue. */
  query: string;
  dates: QueryDate[];
  /** A membership status the question is about: "observers", "dialogue partners". */
  status?: Status;
  /** True when the intent came from a command word rather than from cues. */
  explicit: boolean;
  /** The rule that chose the intent, for tests and the log. */
  rule?: string;
}

/** What the router needs to know about the fact base: the names a text gives, and its words. */
export interface Lexicon {
  /** The known names in the text, as word spans of key(text), with their entity's type and id. */
  names(text: string): { id: string; type: string; start: number; end: number }[];
  /** True when the fact base uses this (folded) word: it is then not a typo. */
  isWord(word: string): boolean;
}

/** A lexicon that knows no names: routing by wording alone. */
export const NO_LEXICON: Lexicon = { names: () => [], isWord: () => false };

/** Command words, and the intent each stands for. */
const COMMANDS = new Map<string, Intent>([
  ['member', 'member'], ['country', 'member'], ['status', 'member'],
  ['members', 'members'], ['membership', 'members'], ['observers', 'members'], ['partners', 'members'],
  ['treaty', 'treaty'], ['treaties', 'treaty'], ['agreement', 'treaty'], ['document', 'treaty'],
  ['date', 'date'], ['when', 'date'],
  ['onthisday', 'onthisday'], ['otd', 'onthisday'],
  ['check', 'check'], ['factcheck', 'check'], ['fact-check', 'check'], ['verify', 'check'], ['claim', 'check'],
  ['sources', 'sources'], ['source', 'sources'], ['documents', 'sources'], ['bibliography', 'sources'],
  ['help', 'help'], ['usage', 'help'], ['commands', 'help'], ['?', 'help'],
  ['ask', 'lookup'], ['lookup', 'lookup'], ['about', 'lookup'],
]);

export function statusIn(text: string): Status | undefined {
  const t = text.toLowerCase();
  if (/\bdialog(ue)?[- ]partners?\b|\bpartners?\b|\bpartnership status\b/.test(t)) return 'dialogue-partner';
  if (/\bobservers?\b|\bobserver status\b/.test(t)) return 'observer';
  if (/\bapplicants?\b|\bappl(y|ied|ication)\b|\bcandidates?\b/.test(t)) return 'applicant';
  if (/\bfull[- ]members?\b|\bmembers?\b|\bmember[- ]states?\b|\bjoin(ed|s)?\b|\bmembership\b|\baccession\b|\badmitted\b/.test(t)) return 'member';
  return undefined;
}

/** A question as the rules see it. */
interface Reading {
  /** Whitespace collapsed, cue words' typos corrected. */
  text: string;
  dates: QueryDate[];
  /** Starts with a question word or ends with "?". */
  asks: boolean;
  /** The leading command word and what follows it; `prefixed` when "/sco" or "sco" came first. */
  command?: { word: string; intent: Intent; rest: string; prefixed: boolean };
  /** Entity types of the names given, in order. */
  names: { id: string; type: string }[];
  /** The text with its known names taken out, for cues that must not come from a name ("Council of Heads of State"). */
  outsideNames: string;
}

/** The SCO itself, and the Shanghai Five before it: naming them says nothing about the focus. */
const ORG_ITSELF = new Set(['sco', 'shanghai-five']);

const QUESTION_START = /^\s*(who|whom|whose|what|when|where|which|why|how|is|are|was|were|do|does|did|can|could|has|have|had|list|show|tell|give|name|any|anything|should|will|would|since when|in what year)\b/i;
const ON_THIS_DAY = /\b(on|in) this day\b|\bonthisday\b|\bthis day in\b|\btoday in (sco )?history\b|\b(happened|events?|anniversar(y|ies)) (on )?today\b|\btoday'?s (date|anniversar(y|ies)|events?)\b|\banything (on )?today\b|\bon this date\b|\bwhat happened today\b/i;
/** Words before a claim that ask for it to be checked: "is it true (that) …", "I read that …". */
const CHECK_PREFIX = /^\s*(?:please\s+)?(?:fact[- ]?check(?:ing)?|check|verify|is it (?:true|correct|right)(?: that)?|true or false|claim|i (?:read|heard|was told) (?:somewhere )?that|someone (?:said|told me|claims) that|apparently)\b\s*[:,-]?\s*/i;
/** Words after a claim that ask for agreement: "…, right?", "…, yeah?", "… isn't it?". */
const CHECK_SUFFIX = /[,;]?\s*(?:right|correct|true|yeah|yes|no|isn'?t it|wasn'?t it|didn'?t (?:it|they|he|she)|aren'?t they|weren'?t they|am i right|or not)\s*\?+\s*$/i;
/** A yes-no question: "did Afghanistan become an observer in 2012?", "was the Charter signed in Moscow?". */
const YES_NO = /^\s*(?:did|was|were|is|are|has|have|does|do)\s+(?!there\b|it\b|this\b|that\b)/i;
/** Finite verbs that state something, beside the frames' own. */
const STATE_VERB = /\b(?:was|were|is|are|has|have|had|became|becomes|got|gets|gained|won|came|comes|went|consists|includes|included|received|obtained|acquired|moved|introduced|spent)\b/i;
/** Past-tense words ("introduced", "moved") also make a statement, except adjectives that look like them. */
const PAST_TENSE = /\b(?!united\b|red\b|need\b|speed\b|based\b|limited\b|related\b|armed\b|advanced\b)[a-z]{3,}ed\b/i;
/** The group is what is asked for: the question word, a few fillers, then the group ("who are the observers", not "what can observers do"). */
const MEMBERS_QUESTION = /\b(who|which|list|name|how many|what)\b(?:\s+(?:are|were|is|was|the|all|its|current|currently|now|full|founding|sco|sco's|shos|countries|states|nations|of|were the|have been|became|dialog(?:ue)?))*\s+(members?|member states|observers?|observer states|(?:dialog(?:ue)? )?partners?|countries|states)\b|\b(members?|observers?|dialogue partners?|member states|membership) (list|of the sco|as of|in \d{4})\b/i;
const MEMBERS_PHRASE = /^((the )?(sco|shos|shanghai cooperation organi[sz]ation)('s)? )?(full |founding )?(members?|member states|observers?|dialogue partners?|partners)( (in|as of|of))?( (the )?(sco|\d{4}))?\s*\??$/i;
const TREATY_WORDS = /\b(treaty|treaties|agreements?|conventions?|charter|declarations?|protocols?|memorand(um|a)|programmes?|programs?|strateg(y|ies)|concepts?|accords?|regulations?)\b/i;
const MEETING_WORDS = /\b(summits?|meetings?|met|host(ed|s)?|venue)\b/i;
/** Asking what a period holds: "what happened in 2002", "key events of 2008", "sco timeline 2017", "stuff from 2012". */
const PERIOD_ASKS = /\bwhat (happened|was (signed|held|decided|adopted))\b|\b(events?|happenings|timeline|chronology|notable|highlights?|moments|milestones|stuff|news|developments)\b|\bwhat went on\b|^\s*(on|in|from|during)\s/i;
/** Asking about a country's standing: "status", "in the SCO", "part of". */
const STANDING = /\b(status|part of|belong|standing|since when)\b|^\s*(is|was|are|were)\b[^?]*\bin the (sco|shanghai)\b/i;

/** What may follow a command word for the word to be that command: "member india", not "date of the summit". */
const FITS: Record<Intent, (rest: string, r: Reading) => boolean> = {
  member: (rest, r) => rest !== '' && (r.names.some((n) => n.type === 'country') || rest.split(' ').length <= 3) && !isStatement(rest),
  members: (rest) => /^((in|as of|of the sco|of sco)\s*)?(\d{4})?\s*\??$/i.test(rest),
  treaty: (rest) => rest !== '' && !isStatement(rest),
  date: (rest) => {
    const d = findDates(rest)[0];
    return d !== undefined && d.index === 0 && !/[a-z]{4,}/i.test(rest.replace(d.text, ''));
  },
  onthisday: (rest) => rest === '' || findDates(rest).some((d) => d.monthDayOnly || d.start.day !== undefined),
  check: (rest) => rest !== '',
  sources: (rest) => rest === '',
  help: (rest) => rest === '' || COMMANDS.has(rest.toLowerCase()),
  lookup: (rest) => rest !== '',
};

function isStatement(text: string): boolean {
  return FRAME_VERBS.test(text) || STATE_VERB.test(text) || PAST_TENSE.test(text);
}

/** States a relation: a frame's verb, or any finite verb, outside the names the text gives. */
function statesRelation(r: Reading): boolean {
  return isStatement(r.outsideNames);
}

const namesSomething = (r: Reading) => r.names.length > 0;
const focusBeyondOrg = (r: Reading) => r.names.some((n) => !ORG_ITSELF.has(n.id));
const withYear = (r: Reading) => r.dates.some((d) => !d.monthDayOnly);
/** A date or a number a claim could be compared on. */
const hasValue = (r: Reading) => r.dates.length > 0 || /\b\d+\b/.test(r.outsideNames);

function routeTo(intent: Intent, query: string, r: Reading, extra: Partial<Route> = {}): Route {
  return { intent, query, dates: query === r.text ? r.dates : findDates(query), explicit: false, ...extra };
}

export interface RoutingRule {
  name: string;
  /** Why the rule exists, and what its guard keeps out. */
  reason: string;
  route(r: Reading): Route | undefined;
}

function commandRoute(r: Reading): Route | undefined {
  const c = r.command!;
  const status = c.intent === 'members' || c.intent === 'member' ? statusIn(c.rest) ?? (c.intent === 'members' ? statusIn(c.word) : undefined) : undefined;
  const query = c.intent === 'members' && (c.word === 'observers' || c.word === 'partners') ? `${c.word} ${c.rest}`.trim() : c.rest;
  return { intent: c.intent, query, dates: findDates(query), explicit: true, ...(status ? { status } : {}) };
}

export const ROUTING_RULES: readonly RoutingRule[] = [
  {
    name: 'empty',
    reason: 'nothing was asked: say how to ask',
    route: (r) => (r.text === '' ? routeTo('help', '', r) : undefined),
  },
  {
    name: 'sco-command',
    reason: '"/sco member india" or "sco members 2010": the command word after /sco or sco is always the command',
    route: (r) => (r.command?.prefixed ? commandRoute(r) : undefined),
  },
  {
    name: 'command-word',
    reason: 'a leading command word is the command when what follows fits it ("member india", "date 2002"); "date of the Tashkent summit" and "members of RATS" are questions',
    route: (r) => (r.command && FITS[r.command.intent](r.command.rest, r) ? commandRoute(r) : undefined),
  },
  {
    name: 'check-asked',
    reason: '"is it true that …", "fact check: …", "I read that …" ask for a verdict on what follows',
    route: (r) => {
      const prefix = CHECK_PREFIX.exec(r.text);
      if (!prefix) return undefined;
      return routeTo('check', r.text.slice(prefix[0].length).replace(CHECK_SUFFIX, '').trim(), r);
    },
  },
  {
    name: 'on-this-day',
    reason: '"on this day", "today\'s anniversaries", "what happened on today\'s date": the events of today\'s date in past years',
    route: (r) => (ON_THIS_DAY.test(r.text) ? routeTo('onthisday', r.text, r) : undefined),
  },
  {
    name: 'check-tag',
    reason: '"India joined in 2017, right?": a statement with a tag asking for agreement (not a wh-question ending in "right?")',
    route: (r) => (CHECK_SUFFIX.test(r.text) && !QUESTION_START.test(r.text) ? routeTo('check', r.text.replace(CHECK_SUFFIX, '').trim(), r) : undefined),
  },
  {
    name: 'yes-no-claim',
    reason: '"was the Charter signed in Moscow?": a yes-no question stating a relation with a value to compare (a year, a place after in/at) about something known',
    route: (r) => {
      if (!YES_NO.test(r.text) || !namesSomething(r)) return undefined;
      if (!FRAME_VERBS.test(r.outsideNames) && !/\bbecome\b/i.test(r.outsideNames)) return undefined;
      const value = withYear(r) || /\b(?:in|at)\s+[a-z][a-z'-]+/i.test(r.text.replace(/\bin the sco\b/i, ''));
      return value ? routeTo('check', r.text.replace(/\?+\s*$/, '').trim(), r) : undefined;
    },
  },
  {
    name: 'statement',
    reason: 'a sentence of four or more words, not a question, that states a relation outside the names it gives, about something the fact base knows or with a value to compare (a date, a number): "thanks, that was helpful" has neither; "Council of Heads of State" states nothing',
    route: (r) =>
      !r.asks && r.text.split(' ').length >= 4 && statesRelation(r) && (namesSomething(r) || hasValue(r)) ? routeTo('check', r.text.replace(/[.!]+$/, ''), r) : undefined,
  },
  {
    name: 'members-question',
    reason: '"who are the observers?", "which countries were members in 2019?": a group of the SCO asked for, not one country\'s date ("when"), not another body\'s members ("members of RATS") and not a document about the group ("Regulations on the Status of Dialogue Partner of the SCO")',
    route: (r) => {
      const status = statusIn(r.text);
      if (!MEMBERS_QUESTION.test(r.text) || !status || status === 'applicant' || /\bwhen\b/i.test(r.text)) return undefined;
      if (r.names.some((n) => n.type === 'body' || n.type === 'treaty' || n.type === 'organisation' && !ORG_ITSELF.has(n.id))) return undefined;
      if (r.names.some((n) => n.type === 'country')) return undefined;
      return routeTo('members', r.text, r, { status });
    },
  },
  {
    name: 'members-phrase',
    reason: '"sco members 2010", "the SCO\'s dialogue partners", "founding members of the sco": a group named with at most a year',
    route: (r) => {
      if (!MEMBERS_PHRASE.test(r.text)) return undefined;
      const status = statusIn(r.text);
      return routeTo('members', r.text, r, status ? { status } : {});
    },
  },
  {
    name: 'date-question',
    reason: 'a date and little else ("7 June 2002"), or a period asked about ("what happened in 2002", "sco timeline 2017", "stuff from 2012") with no other focus named',
    route: (r) => {
      if (r.dates.length !== 1) return undefined;
      const d = r.dates[0]!;
      const onlyDate = r.text.replace(d.text, '').replace(/[^a-z]+/gi, ' ').trim().split(' ').filter((w) => w.length > 2 && !/^(sco|shos)$/i.test(w)).length === 0;
      if (onlyDate) return routeTo('date', r.text, r);
      if (!PERIOD_ASKS.test(r.text) || focusBeyondOrg(r) || MEETING_WORDS.test(r.text) || TREATY_WORDS.test(r.text)) return undefined;
      return routeTo('date', r.text, r);
    },
  },
  {
    name: 'country-standing',
    reason: '"since when is uzbekistan a member", "turkey sco status?", "kazakstan": a country named with its standing asked, or alone',
    route: (r) => {
      if (r.names.filter((n) => n.type === 'country').length === 0) return undefined;
      if (r.names.some((n) => n.type === 'treaty' || n.type === 'body' || n.type === 'exercise' || n.type === 'event')) return undefined;
      const status = statusIn(r.outsideNames);
      const onlyNames = r.outsideNames.replace(/[^a-z]+/gi, ' ').trim() === '';
      return status !== undefined || STANDING.test(r.text) || onlyNames ? routeTo('member', r.text, r) : undefined;
    },
  },
  {
    name: 'treaty-question',
    reason: 'a question about a kind of document ("when was the charter signed?"), not about a meeting where one was signed',
    route: (r) => (TREATY_WORDS.test(r.text) && !MEETING_WORDS.test(r.text) ? routeTo('treaty', r.text, r) : undefined),
  },
  {
    name: 'lookup',
    reason: 'any other question: full-text search for the facts about its focus',
    route: (r) => {
      const status = statusIn(r.text);
      return routeTo('lookup', r.text, r, status ? { status } : {});
    },
  },
];

function leadingCommand(text: string): Reading['command'] {
  const m = /^\s*(\/?\s*(?:sco\s+)|\/)?([a-z?-]+)\b[:,]?\s*(.*)$/is.exec(text);
  if (!m) return undefined;
  const word = m[2]!.toLowerCase();
  const intent = COMMANDS.get(word);
  if (!intent) return undefined;
  return { word, intent, rest: m[3]!.trim(), prefixed: Boolean(m[1]) };
}

/** Reads the text once for every rule: corrected cue words, dates, command word, names. */
export function read(input: string, lexicon: Lexicon = NO_LEXICON): Reading {
  const text = correctCueWords(input.replace(/\s+/g, ' ').trim(), lexicon.isWord);
  const spans = lexicon.names(text);
  const tokens = key(text).split(' ');
  const outsideNames = tokens.filter((_, i) => !spans.some((s) => i >= s.start && i < s.end)).join(' ');
  const leading = leadingCommand(text);
  // A command word that begins a name the text gives is that name's first word ("Agreement on
  // …", "Charter of …"): the command, if any, works on the whole text.
  const command = leading && !leading.prefixed && spans.some((s) => s.start === 0 && s.end > 1) ? { ...leading, rest: text } : leading;
  return {
    text,
    dates: findDates(text),
    asks: QUESTION_START.test(text) || /\?\s*$/.test(text),
    ...(command ? { command } : {}),
    names: spans.map((s) => ({ id: s.id, type: s.type })),
    outsideNames,
  };
}

export function route(input: string, lexicon: Lexicon = NO_LEXICON, rules: readonly RoutingRule[] = ROUTING_RULES): Route {
  const r = read(input, lexicon);
  for (const rule of rules) {
    const found = rule.route(r);
    if (found) return { ...found, rule: rule.name };
  }
  return { intent: 'lookup', query: r.text, dates: r.dates, explicit: false, rule: 'none' };
}

/** A command an adapter already knows (a Discord subcommand, the Fact-check menu): no routing of text. */
export function commandOf(intent: Intent, args: string): Route {
  const query = args.replace(/\s+/g, ' ').trim();
  const status = intent === 'members' || intent === 'member' ? statusIn(query) : undefined;
  return { intent, query, dates: findDates(query), explicit: true, rule: 'typed', ...(status ? { status } : {}) };
}
