import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MINI_FACTS, MINI_SOURCES } from '../helpers.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

// The CLI as a user runs it: the built JavaScript in a separate process.
const CLI = join(PACKAGE_ROOT, 'dist', 'adapters', 'cli', 'main.js');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, FACTBOT_CACHE_DIR: join(tmpdir(), 'factbot-cli-test-cache') } });

describe('factbot ask', () => {
  it('answers a misspelt country as JSON, with a quote', () => {
    const out = run(['ask', '--json', 'kazakstan']);
    expect(out.status).toBe(0);
    const a = JSON.parse(out.stdout);
    expect(a.intent).toBe('member');
    expect(a.facts[0].quotes[0].quote.length).toBeGreaterThan(20);
  });

  it('prints plain text by default', () => {
    const out = run(['ask', 'member', 'india']);
    expect(out.stdout.split('\n')[0]).toBe('India in the SCO');
    expect(out.stdout).toContain('— Janibekov 2018');
  });

  it('takes --today for on-this-day, and refuses a bad one', () => {
    expect(JSON.parse(run(['ask', '--json', '--today', '2001-06-15', 'on this day']).stdout).title).toContain('15 June');
    const bad = run(['ask', '--today', '2001-02-30', 'on this day']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--today must be a date as YYYY-MM-DD');
  });

  it('answers a batch in order, one JSON line per question, with an error line for a bad one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-batch-'));
    const file = join(dir, 'q.jsonl');
    writeFileSync(file, ['{"q": "member india"}', 'not json', '{"q": "on this day", "today": "1998-07-03"}', '{"q": "help"}'].join('\n'));
    const out = run(['ask', '--json', '--batch', file]);
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].intent).toBe('member');
    expect(lines[1].error).toMatch(/q\.jsonl:2: not JSON/);
    expect(lines[2].intent).toBe('onthisday');
    expect(lines[2].text).toContain('Almaty');
    expect(lines[3].intent).toBe('help');
  });

  it('stops with the list of problems when the fact base is broken', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-broken-'));
    cpSync(MINI_FACTS, dir, { recursive: true });
    writeFileSync(join(dir, 'bad.yaml'), 'facts:\n  - id: bad\n    kind: event\n    about: [sco]\n    date: 2005-02-30\n    statement: x\n    sources: [{doc: mini-2020, quote: "In 2017 India", where: p}]\n');
    const out = run(['ask', '--facts', dir, 'help']);
    expect(out.status).toBe(1);
    expect(out.stderr).toContain('bad.yaml:5: bad.date: "2005-02-30" has no day 30 in February 2005');
    expect(out.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});

describe('factbot validate', () => {
  it('passes a good fact base and says how many quotes it checked', () => {
    const out = run(['validate', '--facts', MINI_FACTS, '--sources', MINI_SOURCES]);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('quotes: 4 of 4 found word for word');
  });

  it('exits 1 listing a quote that is not in its document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'factbot-validate-'));
    cpSync(MINI_FACTS, dir, { recursive: true });
    const facts = join(dir, 'facts.yaml');
    execFileSync('sed', ['-i', 's/has its seat in Tashkent\\./has its seat in Bishkek./', facts]);
    const out = run(['validate', '--facts', dir, '--sources', MINI_SOURCES]);
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/facts\.yaml:\d+: rats-seat\.sources: quote not found in mini-2020/);
  });

  it('says plainly that the quote check was skipped without the documents', () => {
    const out = run(['validate', '--facts', MINI_FACTS, '--sources', '/nonexistent']);
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('quotes: SKIPPED');
  });
});

describe('factbot onthisday', () => {
  it('prints the post for a date', () => {
    const out = run(['onthisday', '--date', '3 July']);
    expect(out.status).toBe(0);
    expect(out.stdout.split('\n')[0]).toBe('On this day in SCO history: 3 July');
    expect(out.stdout).toContain('Almaty');
  });

  it('counts the days of the year that have an event, month by month', () => {
    const out = run(['onthisday', '--calendar']);
    expect(out.stdout).toMatch(/^\d+ of 366 days of the year have at least one event/);
    expect(out.stdout).toMatch(/\nJune +\d+ .*\b15\b/);
  });
});

describe('factbot chat', () => {
  it('answers each line typed, the same as ask', () => {
    const out = run(['chat'], 'member india\nwhat is RATS?\nquit\nmember china\n');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain('India in the SCO');
    expect(out.stdout).toContain('Regional Anti-Terrorist Structure');
    expect(out.stdout).not.toContain('China in the SCO'); // after "quit"
  });

  it('is what start runs with no tokens set', () => {
    const env = { ...process.env, SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '' };
    const out = spawnSync(process.execPath, [CLI, 'start'], { encoding: 'utf8', input: 'help\n', env });
    expect(out.stdout).toContain('member india');
  });
});
