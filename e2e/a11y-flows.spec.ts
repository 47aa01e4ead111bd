import { expect, test, type Page } from '@playwright/test';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOG } from '../src/core/catalog';
import { encodeConfig } from '../src/app/share';
import { blobDownloads, runAndWait, watchErrors } from './helpers';

/** Tab until the focused element matches `target` (a CSS selector, or `text=…` for a button's text); the number of presses (fails past `max`). */
async function tabTo(page: Page, target: string, max: number): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate((sel) => {
      const el = document.activeElement;
      if (!el) return false;
      return sel.startsWith('text=') ? el.textContent?.trim() === sel.slice(5) : el.matches(sel);
    }, target);
    if (hit) return n;
  }
  throw new Error(`${target} not reached in ${max} Tab presses`);
}

/** The page does not scroll sideways, and every visible control is the element at its own centre (nothing covers it). */
async function checkLayout(page: Page, label: string) {
  const width = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
  expect(width.scroll, `${label}: page scrollWidth`).toBeLessThanOrEqual(width.view);
  const covered = await page.evaluate(() => {
    const out: string[] = [];
    const controls = [...document.querySelectorAll<HTMLElement>('main button, main input:not([type=hidden]), main select, main a[href], main textarea, .topbar button')];
    for (const el of controls) {
      if (el.closest('[hidden], details:not([open]) > :not(summary)')) continue;
      const r0 = el.getBoundingClientRect();
      if (r0.width === 0 || r0.height === 0) continue;
      el.scrollIntoView({ block: 'center', inline: 'center' });
      const r = el.getBoundingClientRect();
      const x = Math.min(window.innerWidth - 1, Math.max(0, r.left + r.width / 2));
      const y = Math.min(window.innerHeight - 1, Math.max(0, r.top + r.height / 2));
      const hit = document.elementFromPoint(x, y);
      // a control may sit inside a scroll region that clips it: then it is not covered, only scrolled away
      const clipped = (() => {
        for (let p = el.parentElement; p; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (/(auto|scroll|hidden)/.test(s.overflow + s.overflowX + s.overflowY)) {
            const b = p.getBoundingClientRect();
            if (x < b.left || x > b.right || y < b.top || y > b.bottom) return true;
          }
        }
        return false;
      })();
      if (!clipped && hit && hit !== el && !el.contains(hit) && !hit.contains(el) && !(el.id && hit.closest(`label[for="${el.id}"]`)) && !hit.closest('label')?.contains(el)) {
        out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" under ${hit.tagName.toLowerCase()}.${hit.className}`);
      }
    }
    window.scrollTo(0, 0);
    return out;
  });
  expect(covered, `${label}: controls covered by another element`).toEqual([]);
}

test.describe('keyboard alone: load, run, download on every simulator page', () => {
  for (const spec of CATALOG) {
    test(`${spec.title}`, async ({ page }) => {
      const errors = watchErrors(page);
      await blobDownloads(page);
      await page.goto(`/#/${spec.id}`);
      await expect(page.getByRole('heading', { level: 1, name: spec.title })).toBeVisible();
      const toSkip = await tabTo(page, 'a.skip-link[href="#run-simulation"]', 5);
      await page.keyboard.press('Enter');
      await expect(page.locator('#run-simulation')).toBeFocused();
      const presses = toSkip + 1; // the Enter on the skip link
      test.info().annotations.push({ type: 'keys to Run', description: `${toSkip} Tab + 1 Enter` });
      expect(presses).toBeLessThanOrEqual(10);
      await page.keyboard.press('Enter');
      await expect(page.getByRole('region', { name: 'Result tables' })).toBeVisible({ timeout: 60_000 });
      const toDownload = await tabTo(page, 'text=Download .zip', 400);
      test.info().annotations.push({ type: 'Tab presses from Run to Download', description: String(toDownload) });
      const [dl] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
      expect(dl.suggestedFilename()).toMatch(new RegExp(`^spindle-${spec.id}-seed\\d+-parquet\\.zip$`));
      expect(errors).toEqual([]);
    });
  }
});

test.describe('390 × 844: no sideways scroll, nothing covering a control', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const spec of CATALOG) {
    test(`${spec.title}`, async ({ page }) => {
      await page.goto(`/#/${spec.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await checkLayout(page, `${spec.id} before`);
      await runAndWait(page);
      await checkLayout(page, `${spec.id} after`);
      await page.screenshot({ path: test.info().outputPath(`${spec.id}-390.png`), fullPage: true });
    });
  }
  test('Data sources, the overview and the navigation', async ({ page }) => {
    await page.goto('/#/data');
    await page.getByLabel('Scale').selectOption('fixture');
    await page.getByRole('button', { name: /^Generate / }).click();
    await expect(page.getByRole('table', { name: 'Tables' })).toBeVisible({ timeout: 60_000 });
    await checkLayout(page, 'data');
    await page.screenshot({ path: test.info().outputPath('data-390.png'), fullPage: true });
    await page.goto('/#/');
    await checkLayout(page, 'home');
    const menu = page.getByRole('button', { name: 'Menu' });
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clickstream' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Clickstream' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  });
});

test.describe('settings that survive', () => {
  test('a corrupt link names the problem and keeps the previous settings', async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/#/workflow');
    await page.getByLabel('Entities', { exact: true }).fill('321');
    // the address follows valid settings after the change renders
    await expect.poll(() => page.url()).toContain('config=');
    const good = page.url();
    await page.goto(`${good.split('?')[0]}?config=${good.split('config=')[1].slice(0, 7)}`);
    await expect(page.getByRole('alert').filter({ hasText: 'The link’s settings were not loaded' })).toBeVisible();
    await expect(page.getByLabel('Entities', { exact: true })).toHaveValue('321');
    await page.goto(`/#/workflow?config=${encodeConfig({ entityCount: 'many' })}`);
    await expect(page.getByRole('alert').filter({ hasText: 'entityCount' })).toBeVisible();
    await expect(page.getByLabel('Entities', { exact: true })).toHaveValue('321');
    expect(errors).toEqual([]);
  });

  test('the _spindle/config.json of a download imports as is', async ({ page, browser }) => {
    await blobDownloads(page);
    await page.goto('/#/clickstream');
    await page.getByLabel('Users', { exact: true }).fill('77');
    await page.getByLabel('Seed').fill('5');
    await runAndWait(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download .zip' }).click()]);
    const manifest = unzipSync(readFileSync((await dl.path())!))['_spindle/config.json'];
    const file = join(mkdtempSync(join(tmpdir(), 'spindle-e2e-')), 'config.json');
    writeFileSync(file, manifest);
    const other = await browser.newPage();
    await other.goto('/#/clickstream');
    await other.getByLabel('Import config JSON').setInputFiles(file);
    await expect(other.getByText(/^Loaded config\.json, the config of a downloaded run/)).toBeVisible();
    await expect(other.getByLabel('Users', { exact: true })).toHaveValue('77');
    await expect(other.getByLabel('Seed')).toHaveValue('5');
    writeFileSync(file, JSON.stringify({ simulator: 'workflow', config: {} }));
    await other.getByLabel('Import config JSON').setInputFiles(file);
    await expect(other.getByRole('alert').filter({ hasText: 'workflow simulator' })).toBeVisible();
    await expect(other.getByLabel('Users', { exact: true })).toHaveValue('77');
  });

  test('Data sources keep their settings across a reload and in a link', async ({ page, browser }) => {
    await page.goto('/#/data');
    await page.getByRole('radio', { name: /Financial/ }).check();
    await page.getByLabel('Scale').selectOption('fixture');
    await page.getByLabel('Seed').fill('7');
    await page.reload();
    await expect(page.getByLabel('Scale')).toHaveValue('fixture');
    await expect(page.getByLabel('Seed')).toHaveValue('7');
    await expect(page.getByRole('radio', { name: /Financial/ })).toBeChecked();
    const link = page.url();
    expect(link).toContain('config=');
    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(link);
    await expect(other.getByLabel('Seed')).toHaveValue('7');
    await expect(other.getByRole('radio', { name: /Financial/ })).toBeChecked();
    await fresh.close();
  });

  test('a second domain: the page names what it replaces, or adds beside', async ({ page }) => {
    await page.goto('/#/data');
    await page.getByLabel('Scale').selectOption('fixture');
    await page.getByRole('button', { name: 'Generate Retail' }).click();
    const tables = page.getByRole('table', { name: 'Tables' });
    await expect(tables).toBeVisible({ timeout: 60_000 });
    const retail = await tables.locator('tbody tr').count();
    await page.getByRole('radio', { name: /IoT/ }).check();
    const choice = page.getByRole('group', { name: /generated tables exist/ });
    await expect(choice).toContainText('Replace them');
    await choice.getByRole('radio', { name: /Add beside them/ }).check();
    await page.getByRole('button', { name: 'Generate IoT' }).click();
    await expect(page.getByText(/Added the \d+ IoT tables beside/)).toBeVisible({ timeout: 60_000 });
    const both = await tables.locator('tbody tr').count();
    expect(both).toBeGreaterThan(retail);
    await choice.getByRole('radio', { name: /Replace them/ }).check();
    await page.getByRole('button', { name: 'Generate IoT' }).click();
    await expect(async () => expect(await tables.locator('tbody tr').count()).toBeLessThan(both)).toPass({ timeout: 60_000 });
  });
});

test.describe('nothing a link holds can blank a page', () => {
  const hostile = fc.letrec((tie) => ({
    v: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.double(),
      fc.string(),
      fc.array(tie('v'), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'toString', 'states', 'services', 'preset', 'config', 'simulator', 'name'), tie('v'), { maxKeys: 4 }),
    ),
  })).v;
  for (const spec of CATALOG) {
    test(`${spec.title}: crafted and random links`, async ({ page }) => {
      const errors = watchErrors(page);
      const crafted: unknown[] = [{ states: [null] }, { preset: 'x' }, { states: [{ name: { toString: 1 } }] }, { services: [null] }, null, [], 'text', { config: { __proto__: 1 } }];
      const random = fc.sample(hostile, { numRuns: 12, seed: 20261130 });
      for (const raw of [...crafted, ...random]) {
        await page.goto(`/#/${spec.id}?config=${encodeConfig(raw)}`);
        await expect(page.getByRole('heading', { level: 1, name: spec.title })).toBeVisible();
        await expect(page.getByRole('button', { name: /Run simulation|Running/ })).toBeVisible();
        await page.goto('/#/');
      }
      expect(errors).toEqual([]);
    });
  }
});
