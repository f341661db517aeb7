// Drives the console for AcknowledgementHoldsBrowserTest: an alert is acknowledged from its card, ten more
// mentions join its incident, and the card must still say 已确认 with 确认人 and the story's new size.
// In: FB_BASE, FB_DATA, FB_SHOTS, FB_TOOLS, FB_FIRST (one mention's JSON), FB_MORE (a JSON array of ten).
// Out: one line "RESULT {json}"; exit 1 with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { env, firstPage, inChromium } from './chromium.mjs';

const base = env('FB_BASE'), data = env('FB_DATA'), shots = env('FB_SHOTS');
const first = JSON.parse(env('FB_FIRST')), more = JSON.parse(env('FB_MORE'));

await inChromium('ack-holds.mjs', async (context, result) => {
  const page = await firstPage(context);
  const token = fs.readFileSync(path.join(data, 'admin.token'), 'utf8').trim();
  const ingest = async body => {
    const r = await fetch(base + '/api/ingest', { method: 'POST', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token } });
    if (!r.ok) throw new Error('ingest answered ' + r.status + ': ' + await r.text());
  };
  await page.goto(base + '/#/feed');
  await page.waitForSelector('dialog#login[open]', { timeout: 10000 });
  await page.fill('#login-token', token);
  await page.click('#login-submit');
  await page.waitForSelector('#conn[data-state="live"]', { timeout: 15000 });
  await page.fill('#me', '客服小王');

  await ingest(first);
  const id = await page.waitForSelector('.card[data-status="firing"]', { timeout: 10000 }).then(c => c.getAttribute('data-id'));
  result.alertId = id;
  const card = `.card[data-id="${id}"]`;
  await page.click(`${card} [data-action="ack"]`);
  await page.waitForSelector(`${card}[data-status="acknowledged"]`, { timeout: 5000 });

  await ingest(more);
  // the story's growth reaches the card (the update held back goes out on the daemon's 5 s tick)
  await page.waitForFunction(sel => {
    const c = document.querySelector(sel);
    return c && [...c.querySelectorAll('.figs span')].some(s => s.textContent.replace(/\s+/g, ' ').includes(' 11'));
  }, card, { timeout: 15000 });
  await page.waitForTimeout(500);   // the lifecycle reload after the last version
  await page.screenshot({ path: path.join(shots, 'ack-holds.png'), fullPage: true });
  result.status = await page.getAttribute(card, 'data-status');
  result.statusChip = (await page.textContent(`${card} .chip.st`)).trim();
  result.people = await page.$$eval(`${card} .person`, ps => ps.map(p => p.textContent.replace(/\s+/g, ' ').trim()));
  result.ackButton = !!(await page.$(`${card} [data-action="ack"]`));
});
