/**
 * The unread badge on the launcher and the count in its accessible name. Drawn by the early
 * chunk, which the loader adds only when a count can exist (this browser has a conversation)
 * and the host part adds on intent: a first-time shopper's page never carries it.
 */
import { adoptStyles } from '../loader/launcher';
import type { Link } from '../loader/link';
import { launcherLocale, unreadText } from '../i18n/catalogue';

const CSS =
  'span{position:absolute;top:-4px;right:-4px;min-width:10px;padding:0 5px;border-radius:10px;background:#b91c1c;color:#fff;font:700 12px/20px sans-serif}' +
  'span:empty{display:none}';

export function installBadge(link: Link): void {
  const { b: button } = link;
  const name = button.getAttribute('aria-label') || '';
  const unread = unreadText[launcherLocale(link.t)];
  const badge = document.createElement('span');
  adoptStyles(link.r, CSS);
  button.append(badge);
  link.u = (n) => {
    badge.textContent = (n || '') as string;
    button.setAttribute('aria-label', n ? `${name} (${n} ${unread})` : name);
    link.e('unread', n);
  };
  // A count the host part reported before this chunk arrived.
  if (link.n) link.u(link.n);
}
