/**
 * engine.io-client's URI parser, by the platform's URL instead of its 1 KB regular
 * expression (swapped in at build time, see vite.config.ts). socket.io-client and
 * engine.io-client read only these fields; brackets come off IPv6 hosts as before.
 */
export function parse(uri: string) {
  const url = new URL(uri);
  return {
    source: uri,
    protocol: url.protocol.slice(0, -1),
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port,
    path: url.pathname,
    query: url.search.slice(1),
  };
}
