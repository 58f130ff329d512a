/**
 * t() for a view loaded later (a form, a card): its words, [English, Chinese] each, live in
 * its own module, so they cost the first render nothing.
 */
import { fill, type Vars } from '../../i18n/text';
import { useChat } from './use-chat';

export function useWords<K extends string>(words: Record<K, [string, string]>): (key: K, vars?: Vars) => string {
  const zh = useChat((s) => s.locale) === 'zh';
  return (key, vars) => fill(words[key][zh ? 1 : 0], vars);
}
