import { defineConfig } from '@playwright/test';

/** The journeys' server; KARNA_E2E_PORT moves it (and the second server) when another run has 3100. */
const PORT = Number(process.env.KARNA_E2E_PORT ?? 3100);
/** A second server whose sessions end after one minute without use, for session-expiry.e2e.ts. */
const SHORT_SESSION_PORT = PORT + 1;
const SHORT_SESSION_JOURNEYS = 'session-expiry.e2e.ts';

/**
 * Browser journeys in Debian's Chromium (never a Playwright-downloaded browser) against the real
 * server on a fresh embedded database with the demo municipality, started by e2e/start-server.ts.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.e2e.ts',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: '../.tmp/e2e-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'desktop',
      testIgnore: SHORT_SESSION_JOURNEYS,
      use: { viewport: { width: 1280, height: 800 } },
    },
    {
      name: 'phone',
      testIgnore: SHORT_SESSION_JOURNEYS,
      use: { viewport: { width: 320, height: 640 }, hasTouch: true },
    },
    {
      // Real time against real one-minute sessions (its own server): about a minute and a half.
      name: 'session-expiry',
      testMatch: SHORT_SESSION_JOURNEYS,
      use: { viewport: { width: 1280, height: 800 }, baseURL: `http://127.0.0.1:${SHORT_SESSION_PORT}` },
    },
  ],
  webServer: [
    {
      command: 'node e2e/start-server.ts',
      cwd: '..',
      url: `http://127.0.0.1:${PORT}/api/ready`,
      env: { PORT: String(PORT) },
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: 'node e2e/start-server.ts',
      cwd: '..',
      url: `http://127.0.0.1:${SHORT_SESSION_PORT}/api/ready`,
      env: { PORT: String(SHORT_SESSION_PORT), KARNA_SESSION_IDLE_MINUTES: '1' },
      reuseExistingServer: false,
      timeout: 90_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
