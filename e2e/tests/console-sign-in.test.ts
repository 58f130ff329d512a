/**
 * Arriving at the console (issue 16): a signed-out visit is not an error in the browser's
 * console, and a status chosen before the socket is connected is kept, shown as pending, and
 * sent as soon as it connects (it used to do nothing and say nothing, and shoppers got the
 * offline form).
 */
import { describe, expect, it } from 'vitest';
import { agentCommand } from '@counter/server/testing';
import { createAgent, ok, useConsoleWorld } from '../support/console.js';

describe('console: arriving', () => {
  const world = useConsoleWorld({});

  it('shows the sign-in page without logging an error', async () => {
    const page = await world.browser.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${world.server.url}/console/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps a status chosen before the connection is up, and sends it when it is', async () => {
    const { server, browser } = world;
    const who = await createAgent(server, { name: 'Early Bird', capacity: 2 });
    const context = await browser.newContext();
    const page = await context.newPage();
    // The socket cannot connect until the test lets it (the first request is long-polling).
    let blocked = true;
    await page.route('**/socket.io/**', (route) => (blocked ? route.abort() : route.continue()));
    await page.goto(`${server.url}/console/`);
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password').fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('radiogroup', { name: 'Your status' }).waitFor();
    expect(await page.locator('[data-connection="connected"]').count()).toBe(0);

    await page.getByRole('radio', { name: 'Online' }).click();
    await page.getByRole('status').filter({ hasText: 'Online as soon as the connection is back' }).waitFor();
    // The switch shows what the server knows: still offline.
    expect(await page.getByRole('radio', { name: 'Online' }).getAttribute('aria-checked')).toBe('false');

    blocked = false;
    await page.locator('.status-online[aria-checked="true"]').waitFor({ timeout: 30_000 });
    expect(await page.getByRole('status').filter({ hasText: 'as soon as the connection is back' }).count()).toBe(0);
    // The server routes to this agent now: it is online there, not only on screen.
    const observer = await server.agent({ name: 'Observer', online: false });
    const { agents } = ok(await agentCommand(observer.socket, 'agents:list', {}));
    expect(agents.find((a) => a.name === 'Early Bird')?.status).toBe('online');
    await context.close();
  });
});
