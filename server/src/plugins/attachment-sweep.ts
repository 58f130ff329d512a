/**
 * Removes attachment files that no record owns: left by a crash (or a lost store connection)
 * between writing a file and its record, or by a duplicate upload whose clean-up failed.
 * Soon after start and then hourly; files younger than an hour are left alone, as their
 * record may be on its way. (background-job.ts runs it.)
 */
import type { FastifyPluginAsync } from 'fastify';
import fp from 'fastify-plugin';
import { scheduleBackgroundJob } from './background-job.js';

const INTERVAL_MS = 3600_000;
const GRACE_MS = 3600_000;

const plugin: FastifyPluginAsync = async (app) => {
  scheduleBackgroundJob(app, {
    name: 'attachment sweep',
    firstRunMs: 60_000,
    intervalMs: INTERVAL_MS,
    run: async () => {
      // Wall-clock time: files carry the file system's times.
      const removed = await app.services.attachments.sweepOrphans(Date.now() - GRACE_MS);
      if (removed) app.log.info({ removed }, 'attachments: removed files without a record');
    },
  });
};

export const attachmentSweepPlugin = fp(plugin, { name: 'counter-attachment-sweep', fastify: '5.x', dependencies: ['counter-services'] });
