// The shared part of the browser scripts (console.mjs, ack.mjs): environment, and Debian's headless Chromium
// (playwright-core from deploy/test-tools) on a fresh, empty profile, so no script sees another's cookies.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A required environment variable. */
export const env = name => { const v = process.env[name]; if (!v) throw new Error(name + ' is not set'); return v; };

/**
 * Runs {@code body(context, result)} in a new Chromium on a new profile, then prints "RESULT {json}" (or the failure
 * with the partial result, exit 1). The context's pages record script errors and requests that leave FB_BASE in
 * result.pageErrors and result.offsiteRequests. FB_SHOTS (screenshot folder) is created.
 */
export async function inChromium(script, body) {
  const base = env('FB_BASE'), tools = env('FB_TOOLS');
  const { chromium } = createRequire(path.join(tools, 'package.json'))('playwright-core');
  fs.mkdirSync(env('FB_SHOTS'), { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'fb-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium', headless: true, viewport: { width: 1366, height: 900 }, locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync']
  });
  const result = { pageErrors: [], offsiteRequests: [] };
  const watch = page => {
    page.on('pageerror', e => result.pageErrors.push(e.message));
    page.on('request', r => { if (!r.url().startsWith(base) && !r.url().startsWith('data:')) result.offsiteRequests.push(r.url()); });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  try {
    await body(context, result);
    console.log('RESULT ' + JSON.stringify(result));
  } catch (e) {
    console.error(script + ' failed: ' + (e.stack || e.message) + '\npartial result: ' + JSON.stringify(result));
    process.exitCode = 1;
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
}

/** The context's one page (a persistent context opens with one). */
export async function firstPage(context) {
  return context.pages()[0] || await context.newPage();
}
