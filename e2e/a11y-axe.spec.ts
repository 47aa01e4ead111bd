import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { appendFileSync } from 'node:fs';
import { CATALOG } from '../src/core/catalog';
import { runAndWait, watchErrors } from './helpers';

/**
 * axe-core on every page of the studio — each simulator of the catalog (so a new simulator is
 * covered without touching this file), the Data sources page, the overview and a missing page —
 * in both themes, before and after a run, on a desktop and a phone viewport: no serious or
 * critical violation. `AXE_REPORT=file` appends the counts per page for the closing notes.
 */
const THEMES = ['light', 'dark'] as const;
const VIEWPORTS = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

type Impactful = { id: string; impact?: string | null; nodes: { target: unknown }[] };

async function axe(page: Page, label: string): Promise<Impactful[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (process.env.AXE_REPORT) {
    const counts = Object.fromEntries(result.violations.map((v) => [`${v.id}:${v.impact}`, v.nodes.length]));
    appendFileSync(process.env.AXE_REPORT, `${JSON.stringify({ label, serious: bad.reduce((a, v) => a + v.nodes.length, 0), counts })}\n`);
  }
  return bad;
}

function describeViolations(list: Impactful[]): string {
  return list.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 5).join(', ')}`).join('\n');
}

async function open(page: Page, path: string, theme: string) {
  await page.addInitScript((t) => localStorage.setItem('spindle.theme', t), theme);
  await page.goto(`/#/${path}`);
  await expect(page.locator('main .page:not([aria-busy]) h1')).toBeVisible();
}

for (const vp of VIEWPORTS) {
  for (const theme of THEMES) {
    test.describe(`axe · ${vp.name} · ${theme}`, () => {
      test.use({ viewport: { width: vp.width, height: vp.height } });
      // axe over a page full of charts takes seconds per pass on a loaded 2-core machine
      test.setTimeout(240_000);

      for (const spec of CATALOG) {
        test(`${spec.title}: before and after a run`, async ({ page }) => {
          const errors = watchErrors(page);
          await open(page, spec.id, theme);
          const before = await axe(page, `${spec.id} ${theme} ${vp.name} before`);
          await runAndWait(page);
          const after = await axe(page, `${spec.id} ${theme} ${vp.name} after`);
          expect(describeViolations(before), 'before the run').toBe('');
          expect(describeViolations(after), 'after the run').toBe('');
          expect(errors).toEqual([]);
        });
      }

      test('Data sources: before and after generating', async ({ page }) => {
        await open(page, 'data', theme);
        const before = await axe(page, `data ${theme} ${vp.name} before`);
        await page.getByLabel('Scale').selectOption('fixture');
        await page.getByRole('button', { name: /^Generate / }).click();
        await expect(page.getByRole('table', { name: 'Tables' })).toBeVisible({ timeout: 60_000 });
        const after = await axe(page, `data ${theme} ${vp.name} after`);
        expect(describeViolations(before), 'before generating').toBe('');
        expect(describeViolations(after), 'after generating').toBe('');
      });

      test('Overview and a missing page', async ({ page }) => {
        await open(page, '', theme);
        const home = await axe(page, `home ${theme} ${vp.name}`);
        await page.goto('/#/no-such-page');
        await expect(page.locator('main .page:not([aria-busy]) h1')).toBeVisible();
        const missing = await axe(page, `404 ${theme} ${vp.name}`);
        expect(describeViolations(home), 'overview').toBe('');
        expect(describeViolations(missing), 'missing page').toBe('');
      });
    });
  }
}
