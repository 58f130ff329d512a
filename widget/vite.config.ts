/**
 * The chat frame: frame.html + assets, served by the chat server at /widget/frame.html and
 * /widget/assets/* under a CSP with no inline script or style, so the HTML carries only
 * linked files (no module-preload polyfill, CSS as a file). Also the widget's test project.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

/** engine.io-client's ESM build folder (a dependency of socket.io-client, not of the widget). */
function engineDir(): string {
  const socketIo = createRequire(import.meta.url).resolve('socket.io-client');
  return path.join(path.dirname(createRequire(socketIo).resolve('engine.io-client')), '../esm');
}

/**
 * engine.io-client's default transports table imports WebTransport and XHR long-polling
 * statically. The chat starts with WebSocket alone; long-polling (engine.io-client's own
 * fetch()-based transport, far smaller than the XHR one) is a separate chunk that
 * socket-backend.ts loads the first time a connection fails, and it registers itself in
 * the same table: `import('virtual:engine-polling')`. About 2.3 KB gzip out of the first render.
 */
function transportsOnDemand(): Plugin {
  const dir = engineDir();
  const table = '\0engine-transports';
  const polling = '\0engine-polling';
  let swapped = false;
  return {
    name: 'counter:engine-transports',
    enforce: 'pre',
    resolveId(id, importer) {
      if (id === 'virtual:engine-polling') return polling;
      if (id === table) return table;
      if (id === './transports/index.js' && importer && /engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(importer)) {
        swapped = true;
        return table;
      }
      return null;
    },
    buildEnd(error) {
      // A new engine.io-client layout would silently ship the full transports table.
      if (!error && this.environment.config.command === 'build' && !swapped) {
        this.error('engine.io-client transports swap did not apply: check transportsOnDemand against the pinned version');
      }
    },
    load(id) {
      if (id === table) {
        return `import { WS } from ${JSON.stringify(path.join(dir, 'transports/websocket.js'))};\nexport const transports = { websocket: WS };`;
      }
      if (id === polling) {
        return `import { Fetch } from ${JSON.stringify(path.join(dir, 'transports/polling-fetch.js'))};\nimport { transports } from ${JSON.stringify(table)};\ntransports.polling = Fetch;`;
      }
      return null;
    },
  };
}

/**
 * socket.io's and engine.io's packet parsers, text packets only (the chat sends and receives
 * no binary), and engine.io's URI parser by the platform's URL: see text-parser.ts,
 * engine-text-parser.ts and parse-uri.ts in src/frame/session/.
 */
function slimSocketIo(): Plugin {
  /** [import specifier, importer path, our module]; the Socket.IO packages are pinned exactly. */
  const swaps: [string, RegExp, string][] = [
    ['socket.io-parser', /socket\.io-client[\\/]build[\\/]/, './src/frame/session/text-parser.ts'],
    ['engine.io-parser', /engine\.io-client[\\/]build[\\/]/, './src/frame/session/engine-text-parser.ts'],
    ['./contrib/parseuri.js', /engine\.io-client[\\/]build[\\/]/, './src/frame/session/parse-uri.ts'],
  ];
  const used = new Set<(typeof swaps)[number]>();
  return {
    name: 'counter:slim-socket.io',
    enforce: 'pre',
    apply: 'build',
    resolveId(id, importer) {
      const swap = importer && swaps.find(([name, from]) => id === name && from.test(importer));
      if (!swap) return null;
      used.add(swap);
      return here(swap[2]);
    },
    buildEnd(error) {
      // A swap whose regex matched nothing means an upgrade moved the module: ship nothing
      // half-swapped, fail the build instead.
      const missed = swaps.filter((s) => !used.has(s)).map(([name]) => name);
      if (!error && missed.length) this.error(`Socket.IO swaps did not apply (${missed.join(', ')}): check slimSocketIo against the pinned versions`);
    },
  };
}

/**
 * Methods of the Socket.IO client classes that the chat never calls: socket.io's catch-all
 * listeners, volatile, compress, emitWithAck, the send alias and the queue only the
 * `retries` option uses; the Manager's connect alias; io()'s aliases; engine.io's send alias; the emitter's
 * listeners/hasListeners. Class methods and prototype assignments survive tree-shaking, so
 * they are cut from the source at build: about 0.4 KB gzip out of the first render. The
 * packages are pinned exactly; a method not found fails the build rather than shipping a
 * half-cut class (check the list against a new version's source).
 */
function unusedSocketMethods(): Plugin {
  /** A class method at class level (4 spaces), up to its closing brace at the same indent. */
  const method = (name: string) => new RegExp(`\\n    ${name}\\([^)]*\\) \\{\\n[\\s\\S]*?\\n    \\}\\n`);
  /** A prototype assignment in component-emitter's ES5 source. */
  const proto = (name: string) => new RegExp(`\\nEmitter\\.prototype\\.${name} = function\\([^)]*\\)\\{\\n[\\s\\S]*?\\n\\};\\n`);
  const files: [RegExp, RegExp[]][] = [
    [
      /socket\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/,
      ['send', 'emitWithAck', '_addToQueue', 'compress', 'get volatile', 'onAny', 'prependAny', 'offAny', 'listenersAny']
        .concat(['onAnyOutgoing', 'prependAnyOutgoing', 'offAnyOutgoing', 'listenersAnyOutgoing'])
        .map(method),
    ],
    [/socket\.io-client[\\/]build[\\/]esm[\\/]manager\.js$/, [method('connect')]],
    // io() decorated with its aliases: the chat builds its Manager itself (socket-backend.ts),
    // so io() and its URL parsing and manager cache then drop out.
    [/socket\.io-client[\\/]build[\\/]esm[\\/]index\.js$/, [/\nObject\.assign\(lookup, \{\n[^}]*\n\}\);\n/]],
    [/engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/, [method('send')]],
    [/component-emitter[\\/]lib[\\/]esm[\\/]index\.js$/, [proto('listeners'), proto('hasListeners')]],
  ];
  return {
    name: 'counter:unused-socket-methods',
    apply: 'build',
    transform(code, id) {
      const cuts = files.find(([file]) => file.test(id))?.[1];
      if (!cuts) return null;
      let out = code;
      for (const cut of cuts) {
        if (!cut.test(out)) this.error(`${cut.source} not found in ${id}: check unusedSocketMethods against the pinned version`);
        out = out.replace(cut, '\n');
      }
      return { code: out, map: null };
    },
  };
}

export default defineConfig({
  base: '/widget/',
  publicDir: false,
  // Classic h() calls (Preact's core) rather than the jsx-runtime: 0.2 KB less in the chat.
  // Types still come from tsconfig's react-jsx/preact setting, which describes the same JSX.
  esbuild: {
    jsx: 'transform',
    jsxFactory: 'h',
    jsxFragment: 'Fragment',
    jsxInject: "import { h, Fragment } from 'preact'",
    legalComments: 'none',
  },
  plugins: [transportsOnDemand(), slimSocketIo(), unusedSocketMethods()],
  build: {
    outDir: here('./dist/frame'),
    emptyOutDir: true,
    // Safari 16.4+ (constructable stylesheets in the loader set that floor anyway).
    target: 'es2022',
    // No preload helper and no map of chunk file names in the first render (about 0.2 KB
    // gzip): lazy chunks carry no CSS (cssCodeSplit off) and just load when imported.
    modulePreload: false,
    // terser, not esbuild: about 0.5 KB gzip less on the first render (two compress passes,
    // top-level names mangled in the module), which keeps the chat inside its budget.
    minify: 'terser',
    terserOptions: { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } },
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    rollupOptions: {
      input: { frame: here('./frame.html') },
      // engine.io-client's index re-exports its XHR transport, whose module registers an
      // unload handler at import: unused here, so it may be dropped with the transport.
      treeshake: { moduleSideEffects: (id) => !/engine\.io-client[\\/].*polling-xhr/.test(id) },
    },
  },
  test: {
    name: 'widget',
    environment: 'jsdom',
    include: ['test/**/*.test.{ts,tsx}'],
  },
});
