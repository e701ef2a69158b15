import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** WCAG 2.1 A and AA, as DOS-lagen requires through EN 301 549. */
const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe-core on the page as it is now and fails on any WCAG 2.1 AA violation. */
export async function expectNoAccessibilityViolations(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  const violations = results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    targets: violation.nodes.map((node) => node.target.join(' ')).slice(0, 5),
  }));
  expect(violations, `axe-core on ${where}`).toEqual([]);
}

/** Nothing on the page is wider than the viewport (WCAG 1.4.10 reflow at 320 px). */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

/**
 * No visible text is wider than its box (long words must wrap at syllables or fit, never spill out
 * or force sideways scrolling). Boxes that scroll on purpose (the task table's region) and content
 * that is only for screen readers (clipped to 1 px) are left out.
 */
export async function expectNoTextOverflow(page: Page, where: string): Promise<void> {
  const overflowing = await page.evaluate(() => {
    const isClipped = (element: Element): boolean => {
      for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
        const box = node.getBoundingClientRect();
        if ((box.width <= 1 || box.height <= 1) && getComputedStyle(node).overflow !== 'visible') return true;
      }
      return false;
    };
    const found: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(element);
      if (['inline', 'contents', 'none'].includes(style.display)) continue;
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      if (element.scrollWidth <= element.clientWidth + 1 || isClipped(element)) continue;
      const text = (element.innerText ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
      found.push(
        `<${element.tagName.toLowerCase()} class="${element.className}"> ${element.scrollWidth} > ${element.clientWidth}: ${text}`,
      );
    }
    return found;
  });
  expect(overflowing, `text wider than its box on ${where}`).toEqual([]);
}

/** Checks a page as every journey does: axe-core, no sideways scrolling, no text out of its box. */
export async function expectPageWellFormed(page: Page, where: string): Promise<void> {
  await expectNoAccessibilityViolations(page, where);
  await expectNoHorizontalScroll(page);
  await expectNoTextOverflow(page, where);
}
