/**
 * Single-page shops change the URL with history.pushState and never reload, so the chat
 * hears about navigation by wrapping pushState/replaceState and listening to popstate.
 * The report waits a task so the shop has time to update document.title.
 */
export function watchPages(report: () => void): void {
  const later = () => setTimeout(report);
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name];
    history[name] = function (this: History, ...args: Parameters<History['pushState']>) {
      const result = original.apply(this, args);
      later();
      return result;
    };
  }
  addEventListener('popstate', later);
}
