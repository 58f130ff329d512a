/** Browser entry: wires the real browser dependencies into the console and renders it. */
import { render } from 'preact';
import { createHttpClient } from './api/http-client.js';
import { createRestApi } from './api/rest-api.js';
import { AppContext } from './app/app-context.js';
import { createConsoleApp } from './app/console-app.js';
import { createBrowserNotifier } from './lib/notifier.js';
import { windowLocation } from './stores/route-store.js';
import { shellText } from './i18n/shell.js';
import { createSocketTransport } from './transport/socket-transport.js';
import { App } from './ui/App.js';
import './styles/index.css';

let app: ReturnType<typeof createConsoleApp> | null = null;
const http = createHttpClient(
  (input, init) => fetch(input, init),
  () => app?.stores.session.getState().signedOut(shellText().sessionEnded),
);

function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

app = createConsoleApp({
  api: createRestApi(http),
  createTransport: () => createSocketTransport('/agent'),
  notifier: createBrowserNotifier(window),
  storage: safeStorage(),
  visibility: {
    isHidden: () => document.visibilityState === 'hidden',
    subscribe: (listener) => {
      document.addEventListener('visibilitychange', listener);
      return () => document.removeEventListener('visibilitychange', listener);
    },
  },
  location: windowLocation(window),
  uuid: () => crypto.randomUUID(),
});

render(
  <AppContext.Provider value={app}>
    <App />
  </AppContext.Provider>,
  document.getElementById('app')!,
);
void app.start();
