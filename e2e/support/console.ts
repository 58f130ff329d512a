/**
 * Helpers for console end-to-end tests: a real server serving the built console, agents
 * signed in through the real login page, shoppers driven as socket clients (the widget is
 * built separately; these tests are about the agent's side).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role, VisitorCommandInput, VisitorConversation, VisitorMessage } from '@counter/shared';
import {
  next,
  ok,
  startTestServer,
  visitorCommand,
  type TestServer,
  type VisitorSocket,
} from '@counter/server/testing';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.resolve(here, '../artifacts');

export function requireConsoleBuild(): void {
  if (!existsSync(path.resolve(here, '../../console/dist/index.html'))) {
    throw new Error('console/dist is missing: run "pnpm --filter ./console build" first');
  }
}

export interface ConsoleWorld {
  server: TestServer;
  browser: Browser;
}

/**
 * A server serving the built console and one Chromium for a whole suite: started before its
 * first test, closed after its last. The returned object is filled in before any test runs.
 */
export function useConsoleWorld(options: Parameters<typeof startTestServer>[0]): ConsoleWorld {
  const world = {} as ConsoleWorld;
  beforeAll(async () => {
    requireConsoleBuild();
    [world.server, world.browser] = await Promise.all([startTestServer(options), launchBrowser()]);
  });
  afterAll(async () => {
    await world.browser?.close();
    await world.server?.close();
  });
  return world;
}

export function artifact(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}

export interface Credentials {
  id: string;
  email: string;
  password: string;
  name: string;
}

let agentSeq = 0;

/** An agent account (not signed in anywhere yet). */
export async function createAgent(
  server: TestServer,
  { name, capacity = 3, role = 'agent' }: { name: string; capacity?: number; role?: Role },
): Promise<Credentials> {
  const email = `e2e-${++agentSeq}-${Date.now()}@example.com`;
  const password = `pass-${randomUUID()}`;
  // Staff of every site the test made (the test shop, and any shop world's site).
  const siteIds = (await server.app.store.sites.list()).map((s) => s._id);
  const agent = await server.app.services.agents.create({ email, name, role, siteIds, capacity, password });
  return { id: agent.id, email, password, name };
}

/** CSP violations reported by any console page opened with signIn(); tests assert it stays empty. */
export const cspViolations: string[] = [];

/** Opens the console and signs in through the form (a desktop window unless a viewport is given). */
export async function signIn(
  browser: Browser,
  server: TestServer,
  who: { email: string; password: string },
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport, ...(viewport.width < 600 && { isMobile: true, hasTouch: true }) });
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('[console pageerror]', err));
  // The console runs under a strict CSP: any violation (inline style or script) is a bug.
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  await page.goto(`${server.url}/console/`);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('[data-connection="connected"]').waitFor();
  return page;
}

export async function goOnline(page: Page): Promise<void> {
  await page.getByRole('radio', { name: 'Online' }).click();
  await page.locator('.status-online[aria-checked="true"]').waitFor();
}

export interface Shopper {
  socket: VisitorSocket;
  conversation: VisitorConversation;
  say(text: string): Promise<VisitorMessage>;
}

export interface ShopperOptions {
  /** Signed identity (name, email, optional VIP tier), as a shop's server would sign it. */
  identity?: { id: string; name?: string; email?: string; tier?: 'vip' };
  context?: VisitorCommandInput<'visitor:context'>;
}

/** A shopper with an open conversation (not yet routed: routing starts with the first message). */
export async function shopper(server: TestServer, options: ShopperOptions = {}): Promise<Shopper> {
  const { socket } = await server.visitor();
  if (options.identity) {
    const { id, tier } = options.identity;
    const signature = createHmac('sha256', server.site.identitySecret)
      .update(tier ? `${id}:${tier}` : id)
      .digest('hex');
    const result = ok(await visitorCommand(socket, 'visitor:identify', { ...options.identity, signature }));
    if (!result.verified) throw new Error('identity not verified');
  }
  if (options.context) ok(await visitorCommand(socket, 'visitor:context', options.context));
  const { conversation } = ok(await visitorCommand(socket, 'conversation:start', {}));
  return {
    socket,
    conversation,
    async say(text) {
      const { message } = ok(
        await visitorCommand(socket, 'message:send', { conversationId: conversation.id, clientId: randomUUID(), text }),
      );
      return message;
    },
  };
}

export { next, ok, startTestServer, visitorCommand, type TestServer };
