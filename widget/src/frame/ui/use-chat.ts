/**
 * The chat's context and hooks over the shared store binding (@counter/shared/preact): a
 * component re-renders when the value its selector picks changes (Object.is). Selectors
 * should pick primitives or stored objects, never build new ones.
 */
import { createContext } from 'preact';
import { useStore } from '@counter/shared/preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { CHAT, type Strings } from '../../i18n/catalogue';
import { fill, type Vars } from '../../i18n/text';
import type { ChatSession } from '../session/chat-session';
import type { ChatState, ChatStore } from '../store/chat-store';

export interface ChatContextValue {
  store: ChatStore;
  session: ChatSession;
}

export const ChatContext = createContext<ChatContextValue | null>(null);

function useChatContext(): ChatContextValue {
  const value = useContext(ChatContext);
  if (!value) throw new Error('ChatContext missing');
  return value;
}

export function useChat<T>(selector: (state: ChatState) => T): T {
  return useStore(useChatContext().store, selector);
}

export const useSession = () => useChatContext().session;

/** t('key', vars) in the chat's current locale, from the first render's strings or a lazy part's. */
export function useText<K extends string = keyof typeof CHAT>(
  table: Record<K, Strings[string]> = CHAT as Record<string, Strings[string]>,
): (key: K, vars?: Vars) => string {
  const locale = useChat((s) => s.locale);
  return (key, vars) => fill(table, locale, key, vars);
}

/**
 * Focus for keyboard users: the element this ref is on takes focus when the chat opens, and
 * when it appears in an open chat (the footer changed: a form loaded, the conversation ended).
 */
export function useAutofocus<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const open = useChat((s) => s.open);
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);
  return ref;
}
