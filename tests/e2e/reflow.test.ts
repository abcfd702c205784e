import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launchChromium, screenshot, signIn } from './browser.ts';

/**
 * Reflow (WCAG 1.4.10) and resize text (1.4.4) on the main screens: nothing scrolls sideways and no text
 * is pushed off the screen or cut short. 320 CSS px is the law's narrow screen. 200 % zoom on a 1280 px
 * window is emulated the way the browser does it: zooming halves the CSS viewport (1280×1024 becomes
 * 640×512) and doubles the device pixels per CSS pixel, so the layout sees exactly what it sees zoomed.
 * Data tables may scroll inside themselves (1.4.10 exempts them); the page around them may not.
 */
const WIDTHS: Record<string, BrowserContextOptions> = {
  '320 px': { viewport: { width: 320, height: 640 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'sv-SE' },
  '200 % zoom on a 1280 px window': { viewport: { width: 640, height: 512 }, deviceScaleFactor: 2, locale: 'sv-SE' },
};

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** What does not fit in `width` CSS px: text outside the viewport (but inside a table that scrolls by itself), text cut short by an ellipsis. */
function lostContent(page: Page, width: number) {
  return page.evaluate((width) => {
    const scrollsItself = (el: Element | null): boolean => {
      for (let at = el; at && at !== document.body; at = at.parentElement) {
        const overflow = getComputedStyle(at).overflowX;
        if ((overflow === 'auto' || overflow === 'scroll') && at.scrollWidth > at.clientWidth) return true;
      }
      return false;
    };
    const problems: string[] = [];
    // innerWidth would not do: a phone's browser widens its viewport to take in what overflows.
    if (document.documentElement.scrollWidth > width || window.innerWidth > width) problems.push(`the page is ${Math.max(document.documentElement.scrollWidth, window.innerWidth)} px wide in ${width} px`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || !node.textContent?.trim() || el.closest('.visually-hidden, .skip-link, option, script, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width === 0) continue;
        if ((rect.left < -1 || rect.right > width + 1) && !scrollsItself(el)) problems.push(`off screen (${Math.round(rect.left)}–${Math.round(rect.right)}): "${node.textContent.trim().slice(0, 40)}"`);
      }
      const style = getComputedStyle(el);
      if (style.textOverflow === 'ellipsis' && el.scrollWidth > el.clientWidth + 1) problems.push(`cut short: "${node.textContent.trim().slice(0, 40)}"`);
    }
    return [...new Set(problems)];
  }, width);
}

async function expectReflows(page: Page, screen: string, label: string) {
  await page.waitForTimeout(150);
  expect(await lostContent(page, WIDTHS[label]!.viewport!.width), `${screen} at ${label}`).toEqual([]);
  await screenshot(page, `reflow-${screen.replace(/\W+/g, '-')}-${label.startsWith('320') ? '320' : 'zoom200'}`);
}

for (const [label, options] of Object.entries(WIDTHS)) {
  describe(`reflow at ${label}`, () => {
    let page: Page;
    beforeAll(async () => {
      page = await (await browser.newContext({ ...options, baseURL: baseURL() })).newPage();
    });
    const nav = () => page.getByRole('navigation', { name: 'Huvudmeny' });

    it('keeps the sign-in screen whole', async () => {
      await page.goto('/logga-in');
      await page.getByRole('button', { name: 'Logga in' }).waitFor();
      await expectReflows(page, 'sign-in', label);
    });

    it('would see text pushed off the screen or cut short', async () => {
      await page.evaluate(() => {
        const wide = Object.assign(document.createElement('p'), { id: 'probe-wide', textContent: 'En rad som inte bryts och därför går utanför skärmen, '.repeat(4) });
        wide.style.cssText = 'white-space: nowrap; width: 60rem';
        const cut = Object.assign(document.createElement('p'), { id: 'probe-cut', textContent: 'En text som kapas med tre punkter' });
        cut.style.cssText = 'white-space: nowrap; overflow: hidden; text-overflow: ellipsis; width: 5rem';
        document.querySelector('main')!.append(wide, cut);
      });
      const problems = await lostContent(page, options.viewport!.width);
      await page.evaluate(() => document.querySelectorAll('#probe-wide, #probe-cut').forEach((el) => el.remove()));
      expect(problems).toEqual(expect.arrayContaining([expect.stringMatching(/^the page is \d+ px wide/), expect.stringMatching(/^off screen .*En rad som inte bryts/), 'cut short: "En text som kapas med tre punkter"']));
    });

    it('keeps Mina uppgifter and an activity’s form whole', async () => {
      await signIn(page, 'bup@malbild.example');
      await page.getByRole('heading', { level: 2, name: /^Mina aktiviteter \(\d+\)/ }).waitFor({ timeout: 20_000 });
      await expectReflows(page, 'tasks', label);
      const item = page.getByRole('article').filter({ has: page.getByRole('heading', { name: 'Tillgänglighetsplan för Barn- och Ungdomspsykiatrin' }) });
      await item.getByText('Rapportera status').click();
      await item.getByLabel('Kommentar').waitFor();
      await expectReflows(page, 'tasks-form', label);
      await item.getByRole('link', { name: /Tillgänglighetsplan för Barn- och Ungdomspsykiatrin/ }).click();
      await page.getByRole('heading', { level: 1, name: /Tillgänglighetsplan för Barn- och Ungdomspsykiatrin/ }).waitFor();
      await page.getByLabel('Kommentar').waitFor();
      await expectReflows(page, 'activity', label);
    });

    it('keeps the overview, an indicator and Försenat whole', async () => {
      await nav().getByRole('link', { name: 'Översikt' }).click();
      await page.getByRole('heading', { level: 1, name: /Översikt/ }).waitFor();
      await page.getByRole('region', { name: 'Planen i korthet' }).getByRole('button').first().click();
      const indicator = page.getByRole('region', { name: 'Nyckeltal' }).getByRole('link').first();
      await indicator.waitFor({ timeout: 20_000 });
      await expectReflows(page, 'overview', label);
      const name = await indicator.innerText();
      await indicator.click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await expectReflows(page, 'indicator', label);
      await nav().getByRole('link', { name: 'Försenat' }).click();
      await page.getByRole('heading', { level: 1, name: /Försenat/ }).waitFor();
      await page.waitForTimeout(300);
      await expectReflows(page, 'delayed', label);
    });
  });
}
