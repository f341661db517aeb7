// Drives the console in Debian's headless Chromium (playwright-core from deploy/test-tools), for ConsoleBrowserTest.
// In: FB_BASE (daemon URL), FB_DATA (its data folder), FB_MENTIONS (a JSONL file to replay), FB_SHOTS (screenshot
// folder), FB_TOOLS (deploy/test-tools). Out: one line "RESULT {json}" with what it measured; exit 1 with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { env, firstPage, inChromium } from './chromium.mjs';

const base = env('FB_BASE'), data = env('FB_DATA'), shots = env('FB_SHOTS');
const mentions = fs.readFileSync(env('FB_MENTIONS'), 'utf8').split('\n').filter(l => l.trim()).map(l => JSON.parse(l));

await inChromium('console.mjs', async (context, result) => {
  const page = await firstPage(context);
  await page.goto(base + '/#/feed');

  // Every API call needs a token: the page asks for one, and the test signs in with the daemon's admin token.
  const token = fs.readFileSync(path.join(data, 'admin.token'), 'utf8').trim();
  await page.waitForSelector('dialog#login[open]', { timeout: 10000 });
  await page.fill('#login-token', token);
  await page.click('#login-submit');
  await page.waitForSelector('dialog#login:not([open])', { state: 'attached' });
  result.loggedIn = true;
  await page.waitForSelector('#conn[data-state="live"]', { timeout: 15000 });
  result.connText = await page.textContent('#conn');
  await page.fill('#me', '客服小王');

  // The replayed stream: the alert must be on the feed within 2 s of the POST.
  const appeared = page.waitForSelector('.card[data-status="firing"]', { timeout: 10000 }).then(() => Date.now());
  const posted = Date.now();
  const ingest = await fetch(base + '/api/ingest', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + token },
    body: JSON.stringify(mentions) });
  result.ingestMillis = Date.now() - posted;
  if (!ingest.ok) throw new Error('ingest answered ' + ingest.status + ': ' + await ingest.text());
  result.feedMillis = (await appeared) - posted;
  await page.waitForTimeout(400);   // let the burst's later alerts and lifecycles land before the screenshot
  await page.screenshot({ path: path.join(shots, '1-feed.png'), fullPage: true });
  result.cards = await page.$$eval('.card', cs => cs.map(c => ({ id: c.dataset.id, severity: c.dataset.severity, status: c.dataset.status })));

  const id = await page.$eval('.card[data-status="firing"]', c => c.dataset.id);
  result.alertId = id;
  const card = `.card[data-id="${id}"]`;
  await page.click(`${card} [data-action="ack"]`);
  await page.waitForSelector(`${card}[data-status="acknowledged"]`, { timeout: 5000 });
  await page.click(`${card} [data-action="resolve"]`);
  await page.click(`${card} [data-action="resolve-submit"]`);   // no note: the page says one is needed
  await page.waitForSelector('#toast.error:not([hidden])');
  result.emptyNoteMessage = await page.textContent('#toast');
  await page.fill(`${card} textarea[name="note"]`, '已联系用户，安排上门检测并退款');
  await page.click(`${card} [data-action="resolve-submit"]`);
  await page.waitForSelector(`${card}[data-status="resolved"]`, { timeout: 5000 });

  const other = await page.$('.card[data-status="firing"]');
  if (other) {
    const otherId = await other.getAttribute('data-id');
    await page.click(`.card[data-id="${otherId}"] [data-action="snooze"]`);
    await page.click(`.card[data-id="${otherId}"] [data-snooze="1h"]`);
    await page.waitForSelector(`.card[data-id="${otherId}"].snoozed`, { timeout: 5000 });
    result.snoozedId = otherId;
  }
  await page.screenshot({ path: path.join(shots, '2-after-resolve.png'), fullPage: true });

  await page.click(`${card} [data-action="story"]`);
  await page.waitForSelector('#chart-forecast canvas', { timeout: 10000 });
  await page.waitForSelector('.mentions .mention');
  await page.waitForTimeout(300);
  result.charts = await page.evaluate(() => ['chart-volume', 'chart-sentiment', 'chart-forecast'].map(cid => {
    const el = document.getElementById(cid);
    const chart = echarts.getInstanceByDom(el);
    const canvas = el.querySelector('canvas');
    const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 0; i < px.length; i += 4) if (px[i + 3] > 0 && (px[i] < 235 || px[i + 1] < 235 || px[i + 2] < 235)) inked++;
    return { id: cid, points: chart ? chart.getOption().series[0].data.length : 0, inked };
  }));
  result.storyMentions = await page.$$eval('.mentions .mention', ms => ms.length);
  result.kolMarks = await page.$$eval('.mentions .chip.kol', ms => ms.length);
  await page.screenshot({ path: path.join(shots, '3-story.png'), fullPage: true });

  await page.goto(base + '/#/search');
  await page.fill('input[name="q"]', '冒烟');
  await page.selectOption('select[name="sentiment"]', 'negative');
  await page.click('.search-form button[type="submit"]');
  await page.waitForFunction(() => /共 \d+ 条/.test(document.getElementById('search-total')?.textContent || ''));
  await page.waitForSelector('#search-hits .mention');
  result.searchTotal = await page.textContent('#search-total');
  result.histogramPoints = await page.evaluate(() => echarts.getInstanceByDom(document.getElementById('chart-histogram'))
    .getOption().series[0].data.reduce((n, p) => n + p[1], 0));
  await page.screenshot({ path: path.join(shots, '4-search.png'), fullPage: true });

  // A mention's url becomes a link only when it is http(s). The search answer is rewritten on its way to the
  // page (four copies of the first hit, each with one url), so the check holds whatever ingest accepts.
  const urls = ['javascript:alert(1)', ' JaVaScRiPt:alert(2)', 'data:text/html,<script>alert(3)</script>', 'https://weibo.com/1/ok'];
  const isSearch = u => u.pathname === '/api/mentions';
  await page.route(isSearch, async route => {
    const res = await route.fetch();
    const body = await res.json();
    body.hits = urls.map((url, i) => ({ ...body.hits[0], mention: { ...body.hits[0].mention, id: 'link-' + i, url } }));
    body.total = body.hits.length;
    await route.fulfill({ response: res, json: body });
  });
  await page.click('.search-form button[type="submit"]');
  await page.waitForSelector('#search-hits .mention[data-id$=":link-3"]');
  result.mentionLinks = await page.$$eval('#search-hits .mention', ms => ms.map(m => ({
    href: m.querySelector('a[href]') ? m.querySelector('a[href]').getAttribute('href') : null,
    text: m.querySelector('.url-text') ? m.querySelector('.url-text').textContent : null })));
  result.nonWebHrefs = await page.$$eval('a[href]', as => as.map(a => a.getAttribute('href'))
    .filter(href => !/^(https?:\/\/|#|\/)/i.test(href)));
  await page.unroute(isSearch);

  await page.goto(base + '/#/status');
  await page.waitForSelector('table.grid');
  await page.click('#lang');
  await page.waitForSelector('table.grid');
  result.englishNav = await page.textContent('nav a[data-route="feed"]');
  result.englishHeading = await page.textContent('main h1');
  await page.screenshot({ path: path.join(shots, '5-status-en.png'), fullPage: true });
  await page.goto(base + '/#/feed');
  await page.waitForSelector('.card');
  result.englishFeedTitle = await page.textContent('.feed-head h1');
  await page.screenshot({ path: path.join(shots, '6-feed-en.png'), fullPage: true });
});
