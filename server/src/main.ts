/**
 * The process: read configuration once, build the app, listen, print where to go, and stop
 * cleanly on SIGTERM/SIGINT (stop accepting, close sockets and store) within a bounded time.
 */
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';

function banner(config: Config, app: Awaited<ReturnType<typeof buildApp>>): string {
  const { adminEmail, adminPassword, demoSiteId } = app.firstRun;
  const lines = [
    '',
    `  Counter chat is running (${app.store.kind} store${config.mongodbUrl ? '' : ` in ${config.dataDir}`})`,
    '',
  ];
  if (demoSiteId) lines.push(`  Demo storefront:  ${config.publicUrl}/demo/`);
  lines.push(`  Agent console:    ${config.publicUrl}/console/`);
  lines.push(`  Admin sign-in:    ${adminEmail} / ${adminPassword ?? '(set at first start; not stored here)'}`);
  lines.push('');
  return lines.join('\n');
}

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }

  const app = await buildApp({ config }).catch((err: unknown) => {
    console.error(`Could not start: ${err instanceof Error ? err.message : String(err)}`);
    if (config.mongodbUrl) console.error('Is MongoDB reachable at MONGODB_URL?');
    process.exit(1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      app.log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    deadline.unref();
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  console.log(banner(config, app));
}

void main();
