/** Installs the keyboard shortcuts (lib/shortcuts.ts) while the signed-in shell is shown. */
import { useEffect } from 'preact/hooks';
import type { ConsoleApp } from '../../app/console-app.js';
import { useApp } from '../../app/app-context.js';
import { isTextField, shortcutFor, type ShortcutCommand } from '../../lib/shortcuts.js';
import { selectInbox } from '../../stores/inbox-store.js';
import { canAct } from '../../lib/thread-access.js';

export function useShortcuts() {
  const app = useApp();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = shortcutFor({
        key: e.key,
        altKey: e.altKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        inTextField: isTextField(e.target),
      });
      if (!command) return;
      if (run(app, command, e.target)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [app]);
}

/** Returns true when the key was used. */
export function run(app: ConsoleApp, command: ShortcutCommand, target: EventTarget | null): boolean {
  const { route, ui, inbox, threads, session } = app.stores;
  const current = route.getState().route;
  const activeId = current.name === 'conversation' ? current.id : null;
  switch (command) {
    case 'next':
    case 'previous': {
      const list = selectInbox(inbox.getState()).map((i) => i.conversation.id);
      if (!list.length) return false;
      const at = activeId ? list.indexOf(activeId) : -1;
      const step = command === 'next' ? 1 : -1;
      const index = at === -1 ? (step === 1 ? 0 : list.length - 1) : (at + step + list.length) % list.length;
      app.open(list[index]!);
      return true;
    }
    case 'focusComposer':
      if (!activeId) return false;
      ui.getState().focusComposer();
      return true;
    case 'resolve':
    case 'transfer': {
      const thread = activeId ? threads.getState().threads[activeId] : undefined;
      if (!activeId || !canAct(thread, session.getState().agent)) return false;
      if (command === 'resolve') void app.conversations.resolve(activeId);
      else ui.getState().openTransfer(activeId);
      return true;
    }
    case 'inbox':
      ui.getState().setListTab('inbox');
      if (current.name !== 'conversation') route.getState().navigate({ name: 'inbox' });
      return true;
    case 'queue':
      ui.getState().setListTab('queue');
      if (current.name !== 'conversation') route.getState().navigate({ name: 'queue' });
      return true;
    case 'help':
      ui.getState().setHelp(!ui.getState().helpOpen);
      return true;
    case 'escape':
      if (ui.getState().helpOpen) {
        ui.getState().setHelp(false);
        return true;
      }
      if (target instanceof HTMLElement && isTextField(target)) {
        target.blur();
        return true;
      }
      return false;
  }
}
