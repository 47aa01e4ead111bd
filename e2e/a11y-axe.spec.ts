import { expect, test, type Page } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { encodeConfig } from '../src/app/share';
import { CATALOG } from '../src/core/catalog';
import { axeViolations, runAndWait, WCAG_TAGS, watchErrors } from './helpers';

/**
 * axe-core on every page of the studio — each simulator of the catalog (so a new simulator is
 * covered without touching this file), the Data sources page, the overview and a missing page:
 * no serious or critical violation, before and after a run, each time in the light theme on a
 * desktop and the dark theme (switched with the page's own button) on a phone.
 * One run per page, and axe run in the page for violations only (e2e/helpers.ts), keep the suite
 * inside CI's budget on two cores. `AXE_REPORT=file` appends
 * the counts per page for the closing notes.
 */
const PHONE = { width: 390, height: 844 };

type Impactful = { id: string; impact?: string | null; nodes: { target: unknown }[] };

async function axe(page: Page, label: string): Promise<Impactful[]> {
  const violations = await axeViolations(page, { tags: [...WCAG_TAGS, 'best-practice'] });
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (process.env.AXE_REPORT) {
    const counts = Object.fromEntries(violations.map((v) => [`${v.id}:${v.impact}`, v.nodes.length]));
    appendFileSync(process.env.AXE_REPORT, `${JSON.stringify({ label, serious: bad.reduce((a, v) => a + v.nodes.length, 0), counts })}\n`);
  }
  return bad;
}

function describeViolations(list: Impactful[]): string {
  return list.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5).join(', ')}`).join('\n');
}

/**
 * A week instead of a month for the landing simulators: every part of their pages still shows
 * (explorer, replay, charts, correlation view), with a quarter of the files for axe to walk.
 */
const SMALL: Readonly<Record<string, object>> = {
  'file-drop': { dateRangeEnd: '2024-01-07' },
  'scd2-file-drop': { numDeltaDays: 7 },
  hybrid: { fileDropConfig: { dateRangeEnd: '2024-01-07' } },
};

async function open(page: Page, path: string, theme: string) {
  await page.addInitScript((t) => localStorage.setItem('spindle.theme', t), theme);
  await page.goto(`/#/${path}${SMALL[path] ? `?config=${encodeConfig(SMALL[path])}` : ''}`);
  await expect(page.locator('main .page:not([aria-busy]) h1')).toBeVisible();
}

/** Switch the theme with the page's own button (no reload: the run stays on the page). */
async function switchTheme(page: Page, to: 'light' | 'dark') {
  await page.getByRole('button', { name: `Switch to the ${to} theme` }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', to);
}

/**
 * axe over the page as it is: the light theme on the desktop, then the dark theme on a phone —
 * both themes and both layouts in two passes (an axe pass over a page of charts takes seconds;
 * colours do not depend on the viewport, nor layout rules on the theme).
 */
async function themesAndPhone(page: Page, label: string): Promise<string[]> {
  const failures: string[] = [];
  await page.setViewportSize({ width: 1440, height: 900 });
  if ((await page.locator('html').getAttribute('data-theme')) === 'dark') await switchTheme(page, 'light');
  const check = async (what: string) => {
    const bad = describeViolations(await axe(page, `${label} ${what}`));
    if (bad) failures.push(`${what}:\n${bad}`);
  };
  await check('light desktop');
  await switchTheme(page, 'dark');
  await page.setViewportSize(PHONE);
  await check('dark phone');
  return failures;
}

test.describe('axe', () => {
  // the pages are independent: spread them over the workers (this file is the suite's longest)
  test.describe.configure({ mode: 'parallel' });
  // axe over a page full of charts takes seconds per pass on a loaded 2-core machine
  test.setTimeout(240_000);

  for (const spec of CATALOG) {
    test(`${spec.title}: before and after a run, in both themes, on a desktop and a phone`, async ({ page }) => {
      const errors = watchErrors(page);
      await open(page, spec.id, 'light');
      const before = await themesAndPhone(page, `${spec.id} before`);
      // back to the desktop first: on a phone the theme button sits in the collapsed menu
      await page.setViewportSize({ width: 1440, height: 900 });
      await switchTheme(page, 'light');
      await runAndWait(page);
      const after = await themesAndPhone(page, spec.id);
      expect(before.join('\n'), 'before the run').toBe('');
      expect(after.join('\n'), 'after the run').toBe('');
      expect(errors).toEqual([]);
    });
  }

  test('Data sources: before and after generating', async ({ page }) => {
    await open(page, 'data', 'light');
    const before = await themesAndPhone(page, 'data before');
    await page.setViewportSize({ width: 1440, height: 900 });
    await switchTheme(page, 'light');
    await page.getByLabel('Scale').selectOption('fixture');
    await page.getByRole('button', { name: /^Generate / }).click();
    await expect(page.getByRole('table', { name: 'Tables' })).toBeVisible({ timeout: 60_000 });
    const after = await themesAndPhone(page, 'data');
    expect(before.join('\n'), 'before generating').toBe('');
    expect(after.join('\n'), 'after generating').toBe('');
  });

  test('Overview and a missing page, in both themes and on a phone', async ({ page }) => {
    await open(page, '', 'light');
    const home = await themesAndPhone(page, 'home');
    await page.goto('/#/no-such-page');
    await expect(page.locator('main .page:not([aria-busy]) h1')).toBeVisible();
    const missing = await themesAndPhone(page, '404');
    expect(home.join('\n'), 'overview').toBe('');
    expect(missing.join('\n'), 'missing page').toBe('');
  });
});
