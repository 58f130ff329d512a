/**
 * Admin pages in the browser: create an agent (who can then sign in), change capacity,
 * deactivate; create a site, restrict its origins, set greeting and hours, see and rotate
 * the identity secret; canned replies created here are used from the composer.
 */
import { randomUUID } from 'node:crypto';
import type { VisitorMessage } from '@counter/shared';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIdentity, visitorCommand } from '@counter/server/testing';
import { artifact, goOnline, next, shopper, signIn, useConsoleWorld } from '../support/console.js';

describe('console: admin pages', () => {
  const world = useConsoleWorld({ config: { reassignAfterMs: 0 } });
  let page: Page;
  const newAgent = { name: 'Nora New', email: `nora-${randomUUID().slice(0, 8)}@example.com`, password: 'a-long-password-1' };

  beforeAll(async () => {
    page = await signIn(world.browser, world.server, { email: world.server.adminEmail, password: world.server.adminPassword });
  });

  it('creates an agent, changes capacity, deactivates', async () => {
    await page.getByRole('link', { name: 'Agents' }).click();
    const form = page.getByRole('form', { name: 'Add an agent' });
    await form.getByLabel('Name').fill(newAgent.name);
    await form.getByLabel('Email').fill(newAgent.email);
    await form.getByLabel('Capacity').fill('4');
    await form.getByLabel(/Initial password/).fill(newAgent.password);
    await form.getByRole('button', { name: 'Add agent' }).click();
    const row = page.locator(`tr[data-agent="${newAgent.email}"]`);
    await row.waitFor();

    await row.getByLabel(`Capacity of ${newAgent.name}`).fill('6');
    await row.getByLabel(`Capacity of ${newAgent.name}`).press('Enter');
    await expect.poll(async () => (await world.server.app.services.agents.list({ agentId: 'e2e-owner' as never, role: 'owner', siteIds: [] })).find((a) => a.email === newAgent.email)?.capacity).toBe(6);

    // The new agent can sign in (in another browser context).
    const nora = await signIn(world.browser, world.server, newAgent);
    await nora.getByText(newAgent.name).first().waitFor();
    await nora.context().close();

    await page.screenshot({ path: artifact('console-admin-agents.png') });
    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('button', { name: /Deactivate\?/ }).click();
    await row.getByRole('button', { name: 'Reactivate' }).waitFor();
  });

  it('creates a site and edits its settings', async () => {
    await page.getByRole('link', { name: 'Sites' }).click();
    const create = page.getByRole('form', { name: 'Add a site' });
    await create.getByLabel('New site').fill('Lotus Tea House');
    await create.getByRole('button', { name: 'Add site' }).click();
    const settings = page.getByRole('form', { name: 'Settings of Lotus Tea House' });
    await settings.waitFor();
    // No origins yet: the warning says any website may embed it.
    await settings.getByText(/any website/).waitFor();

    await settings.getByLabel(/Allowed origins/).fill('https://tea.example.com\nhttps://www.tea.example.com');
    await expect(settings.getByText(/any website/).count()).resolves.toBe(0);
    await settings.getByLabel('Greeting (English)').fill('Welcome! Ask us about tea.');
    await settings.getByLabel('Greeting (中文)').fill('欢迎！有关茶的问题请问我们。');
    await settings.getByLabel('Default language').selectOption('zh');
    await settings.getByLabel('Open at set hours', { exact: false }).check();
    await settings.getByLabel(/Time zone/).fill('Asia/Shanghai');
    await settings.getByRole('button', { name: 'Save site' }).click();
    await settings.getByText('Saved.').waitFor();

    const stored = (await world.server.app.services.sites.list()).find((s) => s.name === 'Lotus Tea House')!;
    expect(stored.allowedOrigins).toEqual(['https://tea.example.com', 'https://www.tea.example.com']);
    expect(stored.greeting).toEqual({ en: 'Welcome! Ask us about tea.', zh: '欢迎！有关茶的问题请问我们。' });
    expect(stored.defaultLocale).toBe('zh');
    expect(stored.businessHours?.timezone).toBe('Asia/Shanghai');
    expect(stored.businessHours?.slots).toHaveLength(5);

    const secret = page.getByRole('region', { name: 'Identity secret' });
    await secret.getByRole('button', { name: 'Show' }).click();
    await expect(secret.locator('.secret').textContent()).resolves.toBe(stored.identitySecret);
    await page.locator('.shell-main').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: artifact('console-admin-sites.png') });
    await secret.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact('console-admin-sites-secret.png') });
    await secret.getByRole('button', { name: 'Rotate' }).click();
    await secret.getByRole('button', { name: /Rotate\?/ }).click();
    await secret.getByText('New secret issued').waitFor();
    const rotated = (await world.server.app.services.sites.list()).find((s) => s.id === stored.id)!;
    expect(rotated.identitySecret).not.toBe(stored.identitySecret);
    await expect(secret.locator('.secret').textContent()).resolves.toBe(rotated.identitySecret);
    // The old secret keeps verifying for the grace period, unless the admin stops it.
    const previous = secret.locator('.previous-key');
    await expect(previous.textContent()).resolves.toContain(stored.identityKeyId);
    await previous.getByRole('button', { name: 'Stop it now' }).click();
    await previous.getByRole('button', { name: /Stop it now\?/ }).click();
    await previous.waitFor({ state: 'detached' });
    expect((await world.server.app.services.sites.list()).find((s) => s.id === stored.id)!.previousIdentityKey).toBeNull();
  });

  // Issue 10, item 16: a shop whose signing code is wrong finds out on its site page.
  it('shows failed identity checks of the last 24 h on the site page', async () => {
    const { socket } = await world.server.visitor();
    const refused = await visitorCommand(socket, 'visitor:identify', { id: 'cust-1', signature: signIdentity('an-old-secret', 'cust-1') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'identity_rejected' } });
    await expect.poll(async () => (await world.server.app.services.identityFailures.report(world.server.site.id as never)).failedLast24h).toBe(1);

    await page.getByRole('link', { name: 'Sites' }).click();
    await page.getByRole('navigation', { name: 'Sites' }).getByRole('button', { name: /Test shop/ }).click();
    const notice = page.getByRole('region', { name: 'Identity secret' }).locator('.identity-checks');
    await notice.waitFor();
    await expect(notice.textContent()).resolves.toMatch(/1 failed identity check in the last 24 h.*reason: The signature does not match/);
    await notice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifact('console-admin-identity-checks.png') });
  });

  it('manages canned replies and expands them in the composer', async () => {
    await page.getByRole('link', { name: 'Canned replies' }).click();
    await page.getByLabel('Shortcut', { exact: true }).fill('thanks');
    await page.getByLabel('Title', { exact: true }).fill('Thank you');
    await page.getByLabel('Text', { exact: true }).fill('Thanks {{visitor.name}}! {{agent.name}} here, happy to help.');
    await page.getByRole('button', { name: 'Add reply' }).click();
    await page.locator('[data-shortcut="thanks"]').waitFor();
    await page.screenshot({ path: artifact('console-canned.png') });

    await goOnline(page);
    const s = await shopper(world.server, { identity: { id: 'c-1', name: 'Olga' } });
    await s.say('Hello');
    await page.getByRole('link', { name: 'Conversations' }).click();
    await page.locator('.rows [data-conversation]').filter({ hasText: 'Olga' }).locator('a').click();
    const composer = page.getByLabel('Reply to the shopper');
    await composer.click();
    await composer.pressSequentially('/than');
    await page.getByRole('listbox', { name: 'Canned replies' }).getByText('/thanks').waitFor();
    await composer.press('Enter');
    await expect(composer.inputValue()).resolves.toBe('Thanks Olga! Admin here, happy to help.');
    const delivered = next<{ message: VisitorMessage }>(s.socket as never, 'message:created', (e) => e.message.author === 'agent');
    await composer.press('Enter');
    expect((await delivered).message.text).toBe('Thanks Olga! Admin here, happy to help.');
  });

  it('changes the password: this browser stays signed in, every other session ends', async () => {
    const elsewhere = await signIn(world.browser, world.server, { email: world.server.adminEmail, password: world.server.adminPassword });
    await page.locator('a.me').click();
    await page.getByLabel('Current password').fill(world.server.adminPassword);
    await page.getByLabel(/^New password \(/).fill('a-brand-new-password');
    await page.getByLabel('New password again').fill('a-brand-new-password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();

    await elsewhere.getByRole('button', { name: 'Sign in' }).waitFor();
    await elsewhere.getByText(/session has ended/).waitFor();
    await page.locator('[data-connection="connected"]').waitFor();
    await expect(page.getByRole('radiogroup', { name: 'Your status' }).count()).resolves.toBe(1);
    const again = await signIn(world.browser, world.server, { email: world.server.adminEmail, password: 'a-brand-new-password' });
    await again.context().close();
    await elsewhere.context().close();
  });
});
