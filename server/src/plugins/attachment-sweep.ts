/**
 * Removes attachment files that no record owns: left by a crash (or a lost store connection)
 * between writing a file and its record, or by a duplicate upload whose clean-up failed.
 * Soon after start and then hourly; files younger than an hour are left alone, as their
 * record may be on its way. The timer is unref'd and stopped in preClose.
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';

const INTERVAL_MS = 3600_000;
const GRACE_MS = 3600_000;

const plugin: FastifyPluginAsync = async (app) => {
  let running: Promise<unknown> | null = null;
  const tick = () => {
    running ??= app.services.attachments
      // Wall-clock time: files carry the file system's times.
      .sweepOrphans(Date.now() - GRACE_MS)
      .then((removed) => removed && app.log.info({ removed }, 'attachments: removed files without a record'))
      .catch((err: unknown) => app.log.warn({ err }, 'attachment sweep failed; next run in an hour'))
      .finally(() => (running = null));
  };
  const first = setTimeout(tick, 60_000);
  const timer = setInterval(tick, INTERVAL_MS);
  first.unref();
  timer.unref();
  app.addHook('preClose', async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  });
};

export const attachmentSweepPlugin = fp(plugin, { name: 'counter-attachment-sweep', fastify: '5.x', dependencies: ['counter-services'] });
