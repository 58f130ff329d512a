/** Renders the whole console over a harness (fake server), as a person would see it. */
import { render } from '@testing-library/preact';
import { AppContext } from '../../src/app/app-context.js';
import { App } from '../../src/ui/App.js';
import { startHarness, type Harness, type HarnessOptions } from './console-harness.js';

export async function renderConsole(options: HarnessOptions = {}): Promise<Harness & { view: ReturnType<typeof render> }> {
  const h = await startHarness(options);
  const view = render(
    <AppContext.Provider value={h.app}>
      <App />
    </AppContext.Provider>,
  );
  return Object.assign(h, { view });
}
