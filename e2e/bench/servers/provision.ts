/**
 * Sets up a fresh product server the way an admin would, over its REST API: sign in with the
 * generated owner credentials, create the bench site (allowing the bench page origin) and its
 * agents.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BENCH_ORIGIN } from '../loadgen/protocol.js';
import { postJson, sessionCookie } from '../support/http.js';
import { forEachLimited } from '../support/pool.js';

export interface Account {
  email: string;
  password: string;
}

/** The most conversations one agent may hold (the product's limit). */
export const MAX_CAPACITY = 50;

export async function provision(url: string, dataDir: string, agents: number): Promise<{ siteId: string; accounts: Account[] }> {
  const admin = JSON.parse(await readFile(path.join(dataDir, 'admin-credentials.json'), 'utf8')) as Account;
  const cookie = sessionCookie((await postJson(`${url}/api/v1/auth/login`, admin)).headers);
  const { body } = await postJson<{ site: { id: string } }>(
    `${url}/api/v1/sites`,
    { name: 'Bench shop', allowedOrigins: [BENCH_ORIGIN] },
    cookie,
  );
  const accounts: Account[] = Array.from({ length: agents }, (_, j) => ({
    email: `bench-agent-${j}@example.com`,
    password: `bench-password-${j}`,
  }));
  // Password hashing is deliberately slow (scrypt): a few at a time.
  await forEachLimited(agents, 4, async (j) => {
    await postJson(
      `${url}/api/v1/agents`,
      { ...accounts[j], name: `Agent ${j}`, role: 'agent', siteIds: [body.site.id], capacity: MAX_CAPACITY },
      cookie,
    );
  });
  return { siteId: body.site.id, accounts };
}
