/**
 * How long the portfolio's integration page (/portfolj/integrationer) takes to draw its graph in a
 * real browser. It reads only what the page promises to keep: the `data-graph-state` attribute on
 * the drawing and the performance measures named in web/src/modules/portfolio/graph-canvas.tsx
 * (GRAPH_MARKS; repeated here because node cannot load a .tsx file).
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { newDesktopContext } from './browser.ts';
import { Latencies } from './load.ts';

/** GRAPH_MARKS.total and GRAPH_MARKS.draw. */
const TOTAL_MEASURE = 'portfolio-graph';
const DRAW_MEASURE = 'portfolio-graph:draw';
const READY = '[data-graph-state="ready"]';
const SETTLED = '[data-graph-state="ready"], [data-graph-state="failed"]';

/**
 * In the page before its scripts: the time (on the page's clock, which starts at navigation start)
 * when a drawing first says it is ready. A MutationObserver notes it as the attribute changes, so
 * the figure does not depend on how often Playwright polls.
 */
const READY_OBSERVER = `(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('${READY}')) {
      window.__benchGraphReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-graph-state'] });
})();`;

/** One load of the page that drew its graph. */
export interface GraphPageLoad {
  /** GRAPH_MARKS.total: from asking for the graph to the map drawn. */
  totalMs: number | null;
  /** GRAPH_MARKS.draw: from having the data to the map drawn. */
  drawMs: number | null;
  /** Navigation start (Navigation Timing's time origin) to `data-graph-state="ready"`. */
  readyMs: number;
  /** Navigation start to DOMContentLoaded: the app's own start, before it asks for anything. */
  domContentLoadedMs: number | null;
  /** The drawing's accessible name (what it says it shows) and the first two numbers in it. */
  label: string;
  nodes: number | null;
  edges: number | null;
}

/** A load that did not draw: timed out, or the page said the drawing failed. */
export interface GraphPageFailure {
  outcome: 'timeout' | 'failed';
  afterMs: number;
  /** data-graph-state when given up, or why it could not be read (a page busy drawing does not answer). */
  state: string;
  /**
   * When the graph's answer (GET /api/portfolio/graph) had arrived, in ms after the navigation was
   * started, as Playwright saw it; null if it had not. Tells waiting for the server from drawing.
   */
  graphAnsweredMs: number | null;
}

export type GraphPageRun = GraphPageLoad | GraphPageFailure;

export function isLoad(run: GraphPageRun): run is GraphPageLoad {
  return !('outcome' in run);
}

export interface Spread {
  p50Ms: number | null;
  maxMs: number | null;
}

export interface GraphPageTiming {
  browserVersion: string;
  /** The first load in a fresh context: nothing cached, cytoscape's chunk fetched and compiled. */
  cold: GraphPageRun;
  /** Each reload after it (assets from the HTTP cache, the graph asked for again). */
  reloads: GraphPageRun[];
  /** Over the reloads that drew. */
  total: Spread;
  draw: Spread;
  ready: Spread;
  /** Loads given up on or failed (cold included); after one, no more reloads are tried. */
  failures: number;
}

async function readLoad(page: Page): Promise<GraphPageLoad> {
  return page.evaluate(
    ({ total, draw, ready }) => {
      const last = (name: string) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? null;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const label = document.querySelector(ready)?.getAttribute('aria-label') ?? '';
      const [nodes, edges] = (label.match(/\d+/g) ?? []).map(Number);
      return {
        totalMs: last(total),
        drawMs: last(draw),
        readyMs:
          (window as unknown as { __benchGraphReadyAt?: number }).__benchGraphReadyAt ?? performance.now(),
        domContentLoadedMs: navigation ? navigation.domContentLoadedEventEnd : null,
        label,
        nodes: nodes ?? null,
        edges: edges ?? null,
      };
    },
    { total: TOTAL_MEASURE, draw: DRAW_MEASURE, ready: READY },
  );
}

/** Waits for the drawing to settle after a navigation started at `startedAt` (performance.now()). */
async function settle(
  page: Page,
  startedAt: number,
  timeoutMs: number,
  graphAnsweredAt: () => number | null,
): Promise<GraphPageRun> {
  const answered = () => {
    const at = graphAnsweredAt();
    return at === null ? null : at - startedAt;
  };
  try {
    await page.waitForSelector(SETTLED, { state: 'attached', timeout: timeoutMs });
  } catch {
    let state: string;
    try {
      state =
        (await page
          .locator('[data-graph-state]')
          .first()
          .getAttribute('data-graph-state', { timeout: 2_000 })) ?? 'no drawing on the page';
    } catch {
      state = 'unknown (the page did not answer)';
    }
    return { outcome: 'timeout', afterMs: performance.now() - startedAt, state, graphAnsweredMs: answered() };
  }
  if ((await page.locator(READY).count()) === 0)
    return {
      outcome: 'failed',
      afterMs: performance.now() - startedAt,
      state: 'failed',
      graphAnsweredMs: answered(),
    };
  return readLoad(page);
}

function spread(values: number[]): Spread {
  if (values.length === 0) return { p50Ms: null, maxMs: null };
  const latencies = new Latencies();
  for (const value of values) latencies.record(value);
  return { p50Ms: latencies.percentile(50), maxMs: latencies.percentile(100) };
}

/**
 * Opens `url` in a fresh logged-in context (`storageState`), once cold and then `reloads` times by
 * reloading, each time until the drawing is ready or `timeoutMs` has passed. Closes its context.
 */
export async function timeGraphPage(
  browser: Browser,
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>,
  url: string,
  { reloads, timeoutMs }: { reloads: number; timeoutMs: number },
): Promise<GraphPageTiming> {
  const context = await newDesktopContext(browser, storageState);
  try {
    await context.addInitScript(READY_OBSERVER);
    const page = await context.newPage();
    let graphAnsweredAt: number | null = null;
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname === '/api/portfolio/graph') graphAnsweredAt = performance.now();
    });
    const load = async (navigate: () => Promise<unknown>) => {
      graphAnsweredAt = null;
      const startedAt = performance.now();
      await navigate();
      return settle(page, startedAt, timeoutMs, () => graphAnsweredAt);
    };
    const cold = await load(() => page.goto(url, { waitUntil: 'commit' }));
    const runs: GraphPageRun[] = [];
    // After a load that did not draw, the next would most likely wait out the timeout too.
    while (isLoad(cold) && runs.length < reloads && !runs.some((run) => !isLoad(run))) {
      runs.push(await load(() => page.reload({ waitUntil: 'commit' })));
    }
    const drawn = runs.filter(isLoad);
    const measured = (pick: (load: GraphPageLoad) => number | null) =>
      spread(drawn.map(pick).filter((value): value is number => value !== null));
    return {
      browserVersion: browser.version(),
      cold,
      reloads: runs,
      total: measured((load) => load.totalMs),
      draw: measured((load) => load.drawMs),
      ready: measured((load) => load.readyMs),
      failures: [cold, ...runs].filter((run) => !isLoad(run)).length,
    };
  } finally {
    await context.close();
  }
}
