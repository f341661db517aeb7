// Follows a robot message's acknowledge link in a fresh headless Chromium (no console sign-in), for AckLinkBrowserTest.
// In: FB_BASE, FB_ACK_PATH (a link's path, /ack/<token>), FB_TAMPERED_PATH (another link with one character changed),
// FB_ACK_BY (the name to type), FB_SHOTS, FB_TOOLS. Out: one line "RESULT {json}" with what the pages showed.
import path from 'node:path';
import { env, firstPage, inChromium } from './chromium.mjs';

const base = env('FB_BASE'), shots = env('FB_SHOTS');

await inChromium('ack.mjs', async (context, result) => {
  result.cookiesBefore = (await context.cookies()).length;
  const page = await firstPage(context);

  const valid = await page.goto(base + env('FB_ACK_PATH'));
  result.pageStatus = valid.status();
  result.title = await page.title();
  result.reason = await page.textContent('#reason');
  result.statusBefore = await page.getAttribute('#alert', 'data-status');
  await page.fill('#ack input[name="by"]', env('FB_ACK_BY'));
  // Robot messages are read on phones: the filled-in form at a phone's width.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: path.join(shots, '7-ack-link-phone.png'), fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.click('#ack-submit');
  await page.waitForSelector('#result[data-state]', { timeout: 10000 });
  result.resultState = await page.getAttribute('#result', 'data-state');
  result.resultText = await page.textContent('#result');
  result.formVisibleAfter = await page.isVisible('#ack');
  await page.screenshot({ path: path.join(shots, '7-ack-link.png'), fullPage: true });

  // Someone else in the group chat follows the same link afterwards.
  await page.reload();
  result.againState = await page.getAttribute('#result', 'data-state');
  result.againText = await page.textContent('#result');
  result.againHasForm = (await page.$('form')) !== null;

  const tampered = await page.goto(base + env('FB_TAMPERED_PATH'));
  result.refusedStatus = tampered.status();
  result.refusalReason = await page.getAttribute('#refusal', 'data-reason');
  result.refusalText = await page.textContent('#refusal');
  result.refusedHasForm = (await page.$('form')) !== null;
  await page.screenshot({ path: path.join(shots, '8-ack-link-refused.png'), fullPage: true });
  result.cookiesAfter = (await context.cookies()).length;
});
