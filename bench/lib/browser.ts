/**
 * A real browser for the benchmarks that time a page: Debian's Chromium driven by Playwright (never
 * a Playwright-downloaded browser, as in e2e/playwright.config.ts), the built web app's state, and
 * a staff login through the test identity provider's pages as a person does it.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import { newestModification } from '../../scripts/newest-modification.ts';
import { REPO_ROOT } from './server-process.ts';

/** The browser the e2e journeys use too; CHROMIUM_PATH overrides it there and here. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the web build is built from (scripts/ensure-web-build.ts checks the same for `npm start`). */
const WEB_SOURCES = ['web/src', 'web/index.html', 'web/vite.config.ts', 'web/public', 'contracts/src'];

export interface WebBuild {
  /** Why a browser cannot measure the app here; null when it can. */
  missing: string | null;
  /** web/dist/index.html's time, ISO; null without a build. */
  builtAt: string | null;
  /** A source changed after the build: the browser measures the older app. */
  stale: boolean;
}

/**
 * Whether the server will serve a built web app (it serves web/dist only when index.html was there
 * at its start) and a browser to load it with is installed. The benchmark does not build: a build
 * beside others' edits would measure whatever they had saved.
 */
export function webBuildState(): WebBuild {
  const index = path.join(REPO_ROOT, 'web/dist/index.html');
  if (!existsSync(CHROMIUM_PATH))
    return {
      missing: `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`,
      builtAt: null,
      stale: false,
    };
  if (!existsSync(index))
    return { missing: 'web/dist is missing: run `npm run build` first', builtAt: null, stale: false };
  const builtAt = statSync(index).mtimeMs;
  const changedAt = Math.max(
    ...WEB_SOURCES.map((source) => newestModification(path.join(REPO_ROOT, source))),
  );
  return { missing: null, builtAt: new Date(builtAt).toISOString(), stale: changedAt > builtAt };
}

/** Chromium headless with the e2e journeys' flags (no sandbox in containers, no GPU, no background traffic). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A desktop browser as the e2e journeys' desktop project sets it up. */
export function newDesktopContext(
  browser: Browser,
  storageState?: Awaited<ReturnType<BrowserContext['storageState']>>,
) {
  return browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    ...(storageState ? { storageState } : {}),
  });
}

/**
 * Logs a demo staff account in as a person does (e2e/login.ts's logInAsStaff): the start page, the
 * staff login link, the account on the test identity provider's page, until the staff start page.
 * Returns the cookies and storage, for a fresh context (an empty HTTP cache) that is logged in.
 */
export async function logInStaffInBrowser(browser: Browser, baseUrl: string, name: string) {
  const context = await newDesktopContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    await page.getByRole('link', { name: 'Logga in som medarbetare' }).click();
    await page.getByRole('radio', { name: new RegExp(name) }).check();
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.waitForURL(/\/handlaggning$/);
    return await context.storageState();
  } finally {
    await context.close();
  }
}
