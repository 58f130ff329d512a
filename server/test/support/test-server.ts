/**
 * A real server on 127.0.0.1 port 0 with real socket.io clients, for wire tests and e2e.
 * Everything started here is stopped by close().
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  PROTOCOL_VERSION,
  type Ack,
  type Role,
  type AgentClientToServerEvents,
  type AgentServerToClientEvents,
  type Site,
  type SiteId,
  type VisitorClientToServerEvents,
  type VisitorServerToClientEvents,
  type VisitorSessionResponse,
} from '@counter/shared';
import type { FastifyInstance } from 'fastify';
import { io, type Socket } from 'socket.io-client';
import { buildApp, type AppDeps } from '../../src/app.js';
import { testConfig, type Config } from '../../src/config.js';
import type { Store } from '../../src/store/store.js';
import { siteView } from '../../src/domain/views.js';
import { waitFor } from './wait.js';

export const SHOP_ORIGIN = 'http://shop.test';

export type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;
export type AgentSocket = Socket<AgentServerToClientEvents, AgentClientToServerEvents>;

type Args<F> = F extends (payload: infer P, ack: (res: infer R) => void) => void ? [P, R] : never;

/** Sends a command and resolves with its ack (never rejects on an error ack). */
export function command<E extends Record<string, (...args: never[]) => void>, K extends keyof E & string>(
  socket: Socket,
  name: K,
  payload: Args<E[K]>[0],
  timeoutMs = 10_000,
): Promise<Args<E[K]>[1]> {
  return socket.timeout(timeoutMs).emitWithAck(name, payload) as Promise<Args<E[K]>[1]>;
}

export const visitorCommand = <K extends keyof VisitorClientToServerEvents & string>(
  socket: VisitorSocket,
  name: K,
  payload: Args<VisitorClientToServerEvents[K]>[0],
) => command<VisitorClientToServerEvents, K>(socket as unknown as Socket, name, payload);

export const agentCommand = <K extends keyof AgentClientToServerEvents & string>(
  socket: AgentSocket,
  name: K,
  payload: Args<AgentClientToServerEvents[K]>[0],
) => command<AgentClientToServerEvents, K>(socket as unknown as Socket, name, payload);

/** Unwraps an ok ack or fails with its error. */
export function ok<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error.code}: ${ack.error.message}`);
  return ack.data;
}

/** Resolves with the next `event` on the socket that satisfies the predicate. */
export function next<T = unknown>(socket: Socket, event: string, predicate: (payload: T) => boolean = () => true, timeoutMs = 10_000) {
  return waitFor<T>(
    (listener) => {
      socket.on(event, listener);
      return () => socket.off(event, listener);
    },
    predicate,
    `"${event}"`,
    timeoutMs,
  );
}

export interface TestServer {
  app: FastifyInstance;
  url: string;
  config: Config;
  site: Site;
  adminEmail: string;
  adminPassword: string;
  /** A new shopper: REST session + connected /visitor socket. */
  visitor(options?: { token?: string; siteId?: string; pageOrigin?: string }): Promise<{
    socket: VisitorSocket;
    token: string;
    session: VisitorSessionResponse;
  }>;
  /** Creates an agent (if needed), signs in, connects /agent. */
  /** Staff of every site that exists now (tests add their own) unless `siteIds` says otherwise. */
  agent(options?: { name?: string; capacity?: number; role?: Role; siteIds?: string[]; online?: boolean }): Promise<{
    socket: AgentSocket;
    cookie: string;
    agentId: string;
    email: string;
    password: string;
  }>;
  login(email: string, password: string): Promise<string>;
  connectAgent(cookie: string): Promise<AgentSocket>;
  close(): Promise<void>;
}

let agentCount = 0;

export async function startTestServer(
  options: { config?: Partial<Config>; store?: Store; dataDir?: string; deps?: Partial<AppDeps> } = {},
): Promise<TestServer> {
  const ownDir = !options.dataDir;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'counter-test-')));
  const config = testConfig({ dataDir, host: '127.0.0.1', port: 0, ...options.config });
  const app = await buildApp({ config, ...(options.store ? { store: options.store } : {}), ...options.deps });
  // config.port is 0 unless a test restarts a server on the port it had (e2e outage tests).
  await app.listen({ port: config.port, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;
  const sockets: Socket[] = [];

  // A fixed id, so a server restarted on the same data finds the same site.
  const siteId = 'test-shop-site' as SiteId;
  if (!(await app.store.sites.byId(siteId))) {
    await app.store.sites.create({
      _id: siteId,
      name: 'Test shop',
      allowedOrigins: [SHOP_ORIGIN],
      identitySecret: 'test-identity-secret',
      previousIdentitySecret: null,
      greeting: { en: 'Hello from the test shop' },
      businessHours: null,
      defaultLocale: 'en',
      createdAt: Date.now(),
    });
  }
  const site = siteView((await app.store.sites.byId(siteId))!, Date.now());

  const adminPassword = app.firstRun.adminPassword;
  if (!adminPassword) throw new Error('test server: admin password unknown');

  async function login(email: string, password: string): Promise<string> {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    const cookie = res.cookies.find((c) => c.name === 'counter_session');
    if (!cookie) throw new Error('no session cookie');
    return `${cookie.name}=${cookie.value}`;
  }

  function track<S extends Socket>(socket: S): S {
    sockets.push(socket);
    return socket;
  }

  async function connected(socket: Socket): Promise<void> {
    if (socket.connected) return;
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', (err) => reject(err));
    });
  }

  async function connectAgent(cookie: string): Promise<AgentSocket> {
    const socket = track(
      io(`${url}/agent`, {
        auth: { v: PROTOCOL_VERSION },
        extraHeaders: { cookie },
        transports: ['websocket'],
        reconnection: false,
        // io() otherwise multiplexes onto a cached connection to the same URL (e.g. a
        // visitor's), whose handshake carries no cookie: each test client gets its own.
        forceNew: true,
      }),
    ) as unknown as AgentSocket;
    await connected(socket as unknown as Socket);
    return socket;
  }

  return {
    app,
    url,
    config,
    site,
    adminEmail: app.firstRun.adminEmail,
    adminPassword,
    async visitor({ token, siteId = site.id, pageOrigin = SHOP_ORIGIN } = {}) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/visitor/sessions',
        payload: { siteId, pageOrigin, ...(token ? { token } : {}) },
      });
      if (res.statusCode !== 200) throw new Error(`visitor session failed: ${res.statusCode} ${res.body}`);
      const session = res.json() as VisitorSessionResponse;
      const socket = track(
        io(`${url}/visitor`, {
          auth: { v: PROTOCOL_VERSION, siteId, token: session.token, pageOrigin },
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
        }),
      ) as unknown as VisitorSocket;
      await connected(socket as unknown as Socket);
      return { socket, token: session.token, session };
    },
    async agent({ name, capacity = 3, role = 'agent', siteIds: only, online = true } = {}) {
      const n = ++agentCount;
      const siteIds = (only as SiteId[] | undefined) ?? (await app.store.sites.list()).map((s) => s._id);
      const email = `agent${n}-${Date.now()}@example.com`;
      const password = `password-${n}-long`;
      const created = await app.services.agents.create({ email, name: name ?? `Agent ${n}`, role, siteIds, capacity, password });
      const cookie = await login(email, password);
      const socket = await connectAgent(cookie);
      if (online) ok(await agentCommand(socket, 'agent:status', { status: 'online' }));
      return { socket, cookie, agentId: created.id, email, password };
    },
    login,
    connectAgent,
    async close() {
      for (const s of sockets) s.disconnect();
      await app.close();
      if (ownDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
