/**
 * Routing settings in the browser (issue 14): an admin adds a team with one member and a rule
 * sending Chinese-speaking shoppers to it, saves, and the next Chinese shopper's conversation
 * lands in that member's inbox although a colleague outside the team is online and free.
 * Screenshots go to /work/shots/routing/ (or E2E_SHOTS).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent, goOnline, ok, signIn, useConsoleWorld, visitorCommand } from '../support/console.js';

const SHOTS = process.env.E2E_SHOTS ?? '/work/shots/routing';
const shot = (name: string) => {
  mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
};

describe('console: routing settings', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let admin: Page;

  beforeAll(async () => {
    admin = await signIn(world.browser, world.server, { email: world.server.adminEmail, password: world.server.adminPassword });
  });

  it('creates a team and a language rule; a Chinese shopper is routed to the team', async () => {
    const mei = await createAgent(world.server, { name: 'Mei Lin' });
    // Sam is online, free, and not in the team.
    const sam = await world.server.agent({ name: 'Sam Outside' });

    await admin.getByRole('link', { name: 'Sites' }).click();
    const form = admin.getByRole('form', { name: 'Routing' });
    await form.waitFor();
    await form.getByLabel(/Topics shoppers choose/).fill('Pre-sales\nOrder & delivery\nReturns');
    await form.getByRole('button', { name: 'Add a team' }).click();
    const team = form.getByRole('group', { name: 'Team 1' });
    await team.getByLabel('Team name').fill('Chinese desk');
    await team.getByLabel('Id', { exact: true }).fill('chinese-desk');
    await team.getByRole('group', { name: 'Members' }).getByLabel('Mei Lin').check();
    await form.getByLabel('Mei Lin Languages (e.g. en, zh)').fill('zh, en');
    await form.getByLabel('Mei Lin Languages (e.g. en, zh)').press('Tab');
    await form.getByRole('button', { name: 'Add a rule' }).click();
    const rule = form.getByRole('group', { name: 'Rule 1' });
    await rule.getByPlaceholder('Any language').fill('zh');
    await rule.getByLabel('Wait before widening (s)').fill('600');
    await form.getByRole('button', { name: 'Save routing' }).click();
    await form.getByText('Routing saved.').waitFor();
    await form.scrollIntoViewIfNeeded();
    await form.screenshot({ path: shot('routing-settings.png') });

    const stored = await world.server.app.store.routing.get(world.server.site.id as never);
    expect(stored).toMatchObject({
      topics: ['Pre-sales', 'Order & delivery', 'Returns'],
      teams: [{ id: 'chinese-desk', name: 'Chinese desk', members: [mei.id], capacity: null }],
      rules: [{ language: 'zh', teamId: 'chinese-desk', waitSeconds: 600 }],
    });

    const meiPage = await signIn(world.browser, world.server, mei);
    await goOnline(meiPage);
    const { socket } = await world.server.visitor();
    const { conversation } = ok(await visitorCommand(socket, 'conversation:start', { locale: 'zh' }));
    ok(await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text: '你好，我想问一下发货时间' }));
    await meiPage.getByText('你好，我想问一下发货时间').first().waitFor();
    await meiPage.screenshot({ path: shot('routed-to-team-member.png') });
    expect((await world.server.app.store.conversations.byId(conversation.id as never))?.agentId).toBe(mei.id);
    // One owner per conversation (the ledger): Sam, free and online, did not get it.
    expect(sam.agentId).not.toBe(mei.id);
    await meiPage.context().close();
  });
});
