/**
 * The fact pages in a real headless browser (Debian's chromium, driven by puppeteer-core, which
 * downloads no browser of its own), served by a running bot: Slack's HTTP server in a spawned
 * `factbot start`. The highlighted quote must be visible on a phone-sized screen; a screenshot is
 * saved. `.ci/run` installs chromium when it is missing.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { FakeSlack } from '../fakes/slack.js';
import { MINI_FACTS, MINI_SOURCES } from '../helpers.js';
import { CLI, freePort } from '../processes.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p) && spawnSync(p, ['--version']).status === 0);

describe.skipIf(!CHROMIUM)('fact pages in a headless browser', () => {
  it('shows a fact page with its quote highlighted in context, and a verdict page, from a running bot', async () => {
    const fake = await new FakeSlack().start();
    const port = await freePort();
    const bot = spawn(process.execPath, [CLI, 'start', '--facts', MINI_FACTS], {
      env: { ...process.env, SLACK_BOT_TOKEN: 'xoxb-pages', SLACK_SIGNING_SECRET: fake.signingSecret, SLACK_API_URL: fake.apiUrl, DISCORD_TOKEN: '', PORT: String(port), FACTBOT_SOURCES: MINI_SOURCES, PUBLIC_URL: `http://127.0.0.1:${port}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    bot.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM!,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${mkdtempSync(join(tmpdir(), 'chromium-'))}`],
    });
    try {
      for (let i = 0; i < 300 && !log.includes('"msg":"started"'); i++) await new Promise((r) => setTimeout(r, 50));
      const tab = await browser.newPage();
      await tab.setViewport({ width: 390, height: 844, deviceScaleFactor: 2 }); // a phone
      await tab.goto(`http://127.0.0.1:${port}/?q=${encodeURIComponent('what is RATS?')}`);
      const link = await tab.$eval('main ol a', (a) => (a as HTMLAnchorElement).href);
      await tab.goto(link);
      const mark = await tab.$('mark');
      expect(mark).not.toBeNull();
      expect(await mark!.evaluate((m) => m.textContent)).toContain('has its seat in Tashkent');
      expect(await mark!.isVisible()).toBe(true);
      const box = (await mark!.boundingBox())!;
      expect(box.width).toBeGreaterThan(50);
      expect(box.x + box.width).toBeLessThanOrEqual(390 + 1); // no sideways scrolling on a phone
      const shot = join(mkdtempSync(join(tmpdir(), 'shot-')), 'fact-page.png');
      await tab.screenshot({ path: shot as `${string}.png`, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(10_000);

      await tab.goto(`http://127.0.0.1:${port}/check?claim=${encodeURIComponent('India joined the SCO in 2015')}`);
      expect(await tab.$eval('.verdict', (v) => v.textContent)).toBe('Contradicted');
      const ld = JSON.parse(await tab.$eval('script[type="application/ld+json"]', (s) => s.textContent ?? '')) as { reviewRating: { alternateName: string } };
      expect(ld.reviewRating.alternateName).toBe('Contradicted');
    } finally {
      await browser.close();
      bot.kill('SIGKILL');
      await fake.stop();
    }
  }, 60_000);
});
