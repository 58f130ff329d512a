/** Both load generators for one run, each in its own process, stopped together. */
import type { AgentApi, ShopperApi } from '../loadgen/protocol.js';
import { deploy, type DeployContext, type Deployment, type TargetName } from '../servers/deploy.js';
import { spawnRemote, type Remote } from '../support/rpc.js';

export interface Generators {
  shoppers: Remote<ShopperApi>;
  agents: Remote<AgentApi>;
  close(): Promise<void>;
}

export async function startGenerators(): Promise<Generators> {
  const [shoppers, agents] = await Promise.all([
    spawnRemote<ShopperApi>(new URL('../loadgen/shoppers.ts', import.meta.url), 'shopper generator'),
    spawnRemote<AgentApi>(new URL('../loadgen/agents.ts', import.meta.url), 'agent generator'),
  ]);
  return {
    shoppers,
    agents,
    async close() {
      // Close the sockets first so the server sees orderly disconnects, then the processes.
      await Promise.allSettled([shoppers.call('close', {}, 30_000), agents.call('close', {}, 30_000)]);
      await Promise.all([shoppers.close(), agents.close()]);
    },
  };
}

/** One measured run's processes: a fresh server with `agents` accounts, and both generators. */
export async function startRun(
  target: TargetName,
  agents: number,
  context: DeployContext,
): Promise<{ deployment: Deployment; generators: Generators; stop(): Promise<void> }> {
  const deployment = await deploy(target, agents, context);
  const generators = await startGenerators().catch(async (err: unknown) => {
    await deployment.stop();
    throw err;
  });
  return {
    deployment,
    generators,
    async stop() {
      await generators.close();
      await deployment.stop();
    },
  };
}

/** Relay agents follow consecutive pairs, as many per agent as the product's capacity. */
export function pairsPerAgent(shoppers: number, perAgent: number): number[][] {
  const pairs: number[][] = [];
  for (let start = 0; start < shoppers; start += perAgent) {
    pairs.push(Array.from({ length: Math.min(perAgent, shoppers - start) }, (_, k) => start + k));
  }
  return pairs;
}
