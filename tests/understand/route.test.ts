import { describe, expect, it } from 'vitest';
import { route } from '../../src/understand/route.js';

describe('routing text to an intent', () => {
  it.each([
    ['member india', 'member'],
    ['/sco member kazakhstan', 'member'],
    ['members 2010', 'members'],
    ['members', 'members'],
    ['shanghai cooperation organisation members', 'members'],
    ["the SCO's dialogue partners", 'members'],
    ['observers 2010', 'members'],
    ['dialogue partners 2016', 'members'],
    ['who are the observers', 'members'],
    ['which countries were full SCO members in 2019?', 'members'],
    ['treaty charter', 'treaty'],
    ['date 2003-05-29', 'date'],
    ['what happened on 7 june 2002', 'date'],
    ['7 June 2002', 'date'],
    ['onthisday', 'onthisday'],
    ['on this day', 'onthisday'],
    ['this day in SCO history?', 'onthisday'],
    ['check India joined in 2015', 'check'],
    ['fact check: the SCO Interbank Association was created in 2005', 'check'],
    ['India joined the SCO in 2015, right?', 'check'],
    ['RATS is based in Bishkek', 'check'],
    ['The SCO Council of National Coordinators meets once a year', 'check'],
    ['sources', 'sources'],
    ['help', 'help'],
    ['', 'help'],
    ['what is RATS?', 'lookup'],
    ['Who approves the SCO budget?', 'lookup'],
    ['When was the SCO agreement against illicit arms trafficking signed?', 'treaty'],
    ['When did SCO defence ministries sign their cooperation agreement?', 'treaty'],
  ])('"%s" → %s', (text, intent) => {
    expect(route(text).intent).toBe(intent);
  });

  it('keeps the claim without the check cue', () => {
    expect(route('the charter was signed in Petersburg in 2002, right?').query).toBe('the charter was signed in Petersburg in 2002');
    expect(route('check: RATS is based in Bishkek').query).toBe('RATS is based in Bishkek');
  });

  it('reads the group asked about', () => {
    expect(route('who are the observers').status).toBe('observer');
    expect(route('dialogue partners 2016').status).toBe('dialogue-partner');
  });
});
