import { defineConfig } from '@playwright/test';

const PORT = 3100;

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
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 320, height: 640 }, hasTouch: true } },
  ],
  webServer: {
    command: 'node e2e/start-server.ts',
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/api/ready`,
    env: { PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 90_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
