import { describe, expect, it } from 'vitest';
import { duePoint, planReportPoints } from '@shared/logic/calendar.ts';
import type { Plan } from '@shared/schemas/plan.ts';
import { expectAccessible, screenshot, signIn } from './browser.ts';
import { phoneOnOwnServer } from './phoneOnOwnServer.ts';

/**
 * A unit manager says, offline, that BUP's part of the report point being reported is done; the
 * controller's readiness view on a tablet shows BUP ready and the others not, and what they still owe.
 */
const bup = phoneOnOwnServer('bup@malbild.example');
const TABLET = { viewport: { width: 1024, height: 768 }, isMobile: true, hasTouch: true, locale: 'sv-SE' };

describe('Klar för rapport', () => {
  it('is marked on the phone offline, reaches the controller’s readiness view, and shows who is missing what', async () => {
    const page = bup.page;
    const { plans } = (await (await page.request.get('/api/plans')).json()) as { plans: Plan[] };
    const plan = plans.find((p) => p.name === 'Förvaltningsplan 2025–2027')!;
    const point = duePoint(planReportPoints(plan), new Date())!;

    await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Mina uppgifter' }).click();
    const mine = page.getByRole('region', { name: `Att rapportera för ${point.name}` });
    await mine.waitFor();
    expect(await mine.innerText()).toMatch(/(\d+ dagar? kvar|Sista dagen i dag)/);
    await expectAccessible(page, 'Mina uppgifter with readiness');

    await bup.context.setOffline(true);
    await mine.getByRole('button', { name: 'Markera som klar för rapport' }).click();
    await mine.getByText('Sparat på enheten, skickas när det finns nät.').waitFor();
    await screenshot(page, 'tasks-readiness-offline-360');
    await bup.context.setOffline(false);
    await mine.getByText('Sparat på enheten, skickas när det finns nät.').waitFor({ state: 'detached', timeout: 20_000 });
    expect(await mine.getByRole('button', { name: 'Ångra klar för rapport' }).isVisible()).toBe(true);

    const tablet = await bup.browser.newContext({ ...TABLET, baseURL: bup.server.baseURL });
    const controller = await tablet.newPage();
    await signIn(controller, 'controller@malbild.example');
    // The controller starts where their work is before a report: the reporting's state.
    await controller.getByRole('heading', { level: 1, name: /^Rapportläge – / }).waitFor({ timeout: 20_000 });
    await controller.goto(`/planer/${plan.id}/rapportlage?period=${point.period}`);
    await controller.getByRole('heading', { level: 1, name: `Rapportläge – ${plan.name}` }).waitFor();
    const row = (unit: string) => controller.getByRole('row').filter({ has: controller.getByRole('rowheader', { name: `Visa vad som saknas för ${unit}` }) });
    await row('BUP').getByText(/Klar \(Bo Rapportör \(BUP\)/).waitFor({ timeout: 20_000 });
    const summary = await controller.getByText(/av \d+ enheter klara?/).innerText();
    expect(summary).toMatch(/^1 av \d+ enheter klar · \d+ enhete?r? saknar något/);
    const notReady = controller.getByRole('row').filter({ hasText: 'Inte klar' });
    expect(await notReady.count()).toBeGreaterThan(0);
    await expectAccessible(controller, 'the readiness view');
    await screenshot(controller, 'readiness-1024');

    await controller.getByLabel('Visa', { exact: true }).selectOption('ej-klara');
    await expect.poll(() => row('BUP').count()).toBe(0);
    const first = notReady.first().getByRole('button');
    await first.click();
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    const detail = controller.locator('.readiness__detail');
    expect(await detail.getByRole('link').count()).toBeGreaterThan(0);
    await controller.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(controller, 'the readiness view, dark, drilled down');
    await screenshot(controller, 'readiness-dark-1024');
    await detail.getByRole('link').first().click();
    await controller.waitForURL(/\/planer\/[^/]+\/(aktiviteter|indikatorer|mal)\//);

    await controller.setViewportSize({ width: 360, height: 640 });
    await controller.goto(`/planer/${plan.id}/rapportlage?period=${point.period}`);
    await row('BUP').waitFor();
    expect(await controller.evaluate(() => document.documentElement.scrollWidth), 'the page itself fits a phone').toBeLessThanOrEqual(360);
    await tablet.close();

    await page.goto(`/planer/${plan.id}/rapportlage?period=${point.period}`);
    await page.waitForURL((url) => !url.pathname.includes('rapportlage'));
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });
});
