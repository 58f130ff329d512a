/** View state shared across components: which list is shown, overlays, focus requests. */
import type { ConversationId } from '@counter/shared';
import { createStore } from 'zustand/vanilla';

export interface UiState {
  listTab: 'inbox' | 'queue';
  helpOpen: boolean;
  /** The conversation whose transfer dialog is open. */
  transferFor: ConversationId | null;
  /** Bumped to ask the composer to take focus (keyboard shortcut). */
  composerFocus: number;
  /** Narrow screens: the shopper panel is a drawer. */
  panelOpen: boolean;
  /** Unsent composer text per conversation (kept while switching between them). */
  drafts: Record<string, string>;
  setDraft(id: ConversationId, text: string): void;
  setListTab(tab: 'inbox' | 'queue'): void;
  setHelp(open: boolean): void;
  openTransfer(id: ConversationId | null): void;
  focusComposer(): void;
  togglePanel(): void;
}

export function createUiStore() {
  return createStore<UiState>()((set, get) => ({
    listTab: 'inbox',
    helpOpen: false,
    transferFor: null,
    composerFocus: 0,
    panelOpen: false,
    drafts: {},
    setDraft: (id, text) => {
      const drafts = { ...get().drafts };
      if (text) drafts[id] = text;
      else delete drafts[id];
      set({ drafts });
    },
    setListTab: (listTab) => set({ listTab }),
    setHelp: (helpOpen) => set({ helpOpen }),
    openTransfer: (transferFor) => set({ transferFor }),
    focusComposer: () => set({ composerFocus: get().composerFocus + 1 }),
    togglePanel: () => set({ panelOpen: !get().panelOpen }),
  }));
}

export type UiStore = ReturnType<typeof createUiStore>;
