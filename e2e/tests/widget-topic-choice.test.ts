/**
 * The shopper's topic choice in the browser (issue 14 item 2), on a 375 px phone: the new chat
 * asks "What can we help with?" with the site's topics; the shopper picks After-sales, writes,
 * and lands with the after-sales agent, whose console shows the topic in the conversation's
 * picker. A reload does not ask again. In Chinese the picker asks 请选择咨询类型. Screenshots
 * go to /work/shots/topics/ (or E2E_SHOTS).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent, goOnline, requireConsoleBuild, signIn } from '../support/console.js';
import { useShopWorld } from '../support/shop-world.js';
import { chatReady, openChat, send, shopPage } from '../support/widget.js';

const SHOTS = process.env.E2E_SHOTS ?? '/work/shots/topics';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
};
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

describe('widget: the shopper chooses a topic', () => {
  const world = useShopWorld({ server: { config: { reassignAfterMs: 0 } } });
  let agentPage: Page;

  beforeAll(async () => {
    requireConsoleBuild();
    world.shop.page('/', shopPage({ chatUrl: world.server.url, siteId: world.site.id }));
    world.shop.page('/zh', shopPage({ chatUrl: world.server.url, siteId: world.site.id, locale: 'zh' }));
    // Pia is online and free (a socket, no page): the choice, not who is free, decides.
    const pia = { id: (await world.server.agent({ name: 'Pia Presales' })).agentId };
    const abe = await createAgent(world.server, { name: 'Abe Aftersales' });
    await world.server.app.services.routing.save({ agentId: 'owner' as never, role: 'owner', siteIds: [] }, world.site.id, {
      teams: [
        { id: 'pre-sales', name: 'Pre-sales', members: [pia.id as never], capacity: null },
        { id: 'after-sales', name: 'After-sales', members: [abe.id as never], capacity: null },
      ],
      agents: [],
      topics: ['Pre-sales', 'After-sales'],
      rules: [
        { topic: 'After-sales', language: null, tier: null, teamId: 'after-sales', skills: [], waitSeconds: 3600 },
        { topic: null, language: null, tier: null, teamId: 'pre-sales', skills: [], waitSeconds: 3600 },
      ],
      vipTeamId: null,
      lastAgentDays: 3,
    });
    agentPage = await signIn(world.browser, world.server, abe);
    await goOnline(agentPage);
  });

  it('picks After-sales at 375 px, lands with the after-sales agent, and the console shows the topic', async () => {
    const shopper = await (await world.browser.newContext(PHONE)).newPage();
    await shopper.goto(world.shop.origin + '/');
    const widget = await openChat(shopper);
    await widget.getByText('What can we help with?').waitFor();
    await shopper.screenshot({ path: shot('widget-topics-en.png') });
    await widget.getByRole('button', { name: 'After-sales' }).click();
    // Chosen: the question goes, the composer stays.
    await widget.getByText('What can we help with?').waitFor({ state: 'detached' });
    await send(widget, 'My kettle leaks');

    const row = agentPage.locator('.rows [data-conversation]').first();
    await row.waitFor();
    await row.locator('a').click();
    await agentPage.locator('.msg-in .msg-text', { hasText: 'My kettle leaks' }).waitFor();
    const picker = agentPage.getByLabel('Topic', { exact: true });
    await expect.poll(() => picker.inputValue()).toBe('After-sales');
    await agentPage.locator('.conv-head').screenshot({ path: shot('console-topic-en.png') });

    // A reload finds the choice stored: nothing asked again.
    await shopper.reload();
    const again = await chatReady(shopper).catch(async () => openChat(shopper));
    await again.getByText('My kettle leaks').waitFor();
    expect(await again.getByText('What can we help with?').count()).toBe(0);
    await shopper.context().close();
  });

  it('asks in Chinese, and "just type" leaves the shopper writing', async () => {
    const shopper = await (await world.browser.newContext({ ...PHONE, locale: 'zh-CN' })).newPage();
    await shopper.goto(world.shop.origin + '/zh');
    const widget = await openChat(shopper);
    await widget.getByText('请选择咨询类型').waitFor();
    await shopper.screenshot({ path: shot('widget-topics-zh.png') });
    await widget.getByRole('button', { name: '跳过，直接输入' }).click();
    await widget.getByText('请选择咨询类型').waitFor({ state: 'detached' });
    await send(widget, '你好');
    await widget.getByText('你好').first().waitFor();
    await shopper.context().close();
  });
});
