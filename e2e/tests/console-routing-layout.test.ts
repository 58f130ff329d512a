/**
 * The routing form's layout (issue 14): the top of the form is not covered by the
 * getting-started checklist, which on a phone takes at most a third of the screen; the form
 * fits a phone's width; a rule's bare skills input is as tall as its neighbours, in
 * English and Chinese, on a desktop and at 375 px. Screenshots go to /work/shots/escalate/
 * (or E2E_SHOTS).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { AgentId, RoutingSettings, SiteId } from '@counter/shared';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createAgent, signIn, useConsoleWorld } from '../support/console.js';

const SHOTS = process.env.E2E_SHOTS ?? '/work/shots/escalate';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
};

async function setLocale(page: Page, locale: 'en' | 'zh') {
  const status = await page.evaluate(
    async (l) =>
      (await fetch('/api/v1/auth/profile', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ prefs: { locale: l } }) })).status,
    locale,
  );
  expect(status).toBe(200);
}

/** What covers the form's top-left corner, and the heights of a rule's skills and language inputs. */
async function measure(page: Page) {
  const form = page.locator('form.routing-settings');
  await form.waitFor();
  await form.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  return form.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + 8, Math.max(box.top, 0) + 8);
    const rule = el.querySelector('.routing-rule .form-row')!;
    const inputs = Array.from(rule.querySelectorAll(':scope > input'));
    const checklist = document.querySelector('.checklist')!.getBoundingClientRect();
    return {
      topInForm: !!top && el.contains(top),
      heights: inputs.map((i) => Math.round(i.getBoundingClientRect().height)),
      // The form fits the screen (its own content, and its box within the window).
      sideways: Math.max(el.scrollWidth - el.clientWidth, Math.round(box.right - window.innerWidth)),
      checklistShare: checklist.height / window.innerHeight,
    };
  });
}

describe('console: routing form layout', () => {
  const world = useConsoleWorld({});

  it('shows the form uncovered, with even rule inputs, en + zh, desktop + 375 px', async () => {
    const mei = await createAgent(world.server, { name: 'Mei Lin' });
    const settings: RoutingSettings = {
      teams: [{ id: 'after-sales', name: 'After-sales', members: [mei.id as AgentId], capacity: null }],
      agents: [{ agentId: mei.id as AgentId, skills: ['refunds'], languages: ['zh', 'en'] }],
      topics: ['Pre-sales', 'Returns'],
      rules: [{ topic: 'Returns', language: 'zh', tier: null, teamId: 'after-sales', skills: ['refunds'], waitSeconds: 60 }],
      vipTeamId: null,
      lastAgentDays: 3,
    };
    await world.server.app.services.routing.save({ agentId: 'owner' as AgentId, role: 'owner', siteIds: [] }, world.server.site.id as SiteId, settings);
    const admin = { email: world.server.adminEmail, password: world.server.adminPassword };
    for (const [size, viewport] of [
      ['desktop', { width: 1440, height: 900 }],
      ['375', { width: 375, height: 740 }],
    ] as const) {
      const page = await signIn(world.browser, world.server, admin, viewport);
      for (const locale of ['en', 'zh'] as const) {
        await setLocale(page, locale);
        await page.goto(`${world.server.url}/console/#/admin/sites`);
        await page.reload();
        // The checklist is on screen (it is what covered the form before).
        await page.locator('.checklist').waitFor();
        const { topInForm, heights, sideways, checklistShare } = await measure(page);
        await page.screenshot({ path: shot(`routing-form-${locale}-${size}.png`) });
        expect(topInForm, `${locale} ${size}: the form's top is covered`).toBe(true);
        expect(heights.length).toBe(2);
        expect(sideways, `${locale} ${size}: the form is wider than the screen`).toBeLessThanOrEqual(1);
        // On a phone the checklist leaves most of the screen to the page.
        if (size === '375') expect(checklistShare).toBeLessThanOrEqual(0.4);
        expect(Math.max(...heights) - Math.min(...heights), `${locale} ${size}: rule inputs ${heights}`).toBeLessThanOrEqual(4);
        await page.locator('.routing-rule').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await page.screenshot({ path: shot(`routing-rules-${locale}-${size}.png`) });
      }
      await setLocale(page, 'en');
      await page.context().close();
    }
  });
});
