/**
 * Proactive help on the shop's page: counts the page view, watches the clock, the shopper's
 * activity and the cart, and shows the first rule that is due as a small bubble by the
 * launcher, in the shopper's language. The bubble never takes focus (it is announced
 * politely), moves only for shoppers who have not asked for reduced motion, opens the chat
 * on click and goes for good with ×. Nothing shows while a conversation exists, while the
 * chat is open, or within the cap since the last bubble.
 */
import type { ProactiveRule } from '@counter/shared';
import { adoptStyles } from '../loader/launcher';
import type { Link } from '../loader/link';
import { memoryKey, recall } from '../loader/memory';
import { launcherLocale } from '../i18n/catalogue';
import { proactiveText } from '../i18n/proactive';
import { countPage, dueRule, readHelp, writeHelp, type HelpMemory } from './rules';

const CSS =
  // Above the launcher, on its side (the loader's --l, --r, --y).
  'aside{position:fixed;left:var(--l);right:var(--r);bottom:calc(var(--y) + 72px);display:flex;align-items:flex-start;gap:4px;max-width:min(280px,100vw - 40px);' +
  'padding:12px 8px 12px 14px;border-radius:14px;background:#fff;color:#111;box-shadow:0 6px 24px #0003;font:15px/1.4 sans-serif}' +
  // The launcher's `button` rules reach these buttons too: undone here (more specific).
  'aside button{all:unset;cursor:pointer;border-radius:6px}' +
  'aside button:before{content:none}' +
  'aside button:focus-visible{outline:2px solid var(--c);outline-offset:2px}' +
  'aside button+button{flex:none;width:24px;height:24px;font-size:20px;line-height:24px;text-align:center;color:#555}' +
  '@media (prefers-reduced-motion:no-preference){aside{animation:counter-in .3s ease-out}}' +
  '@keyframes counter-in{from{opacity:0;transform:translateY(8px)}}';

/** How often the clock is read: a tick costs a few comparisons. */
const TICK_MS = 500;

export function startProactive(link: Link, rules: readonly ProactiveRule[], capHours: number): void {
  const site = link.t.dataset.site!;
  const key = 'counter-help:' + site;
  const load = (): HelpMemory => {
    try {
      return readHelp(localStorage[key]);
    } catch {
      return readHelp('');
    }
  };
  const save = (m: HelpMemory) => {
    try {
      localStorage[key] = writeHelp(m);
    } catch {
      // Storage disabled: the cap then holds for this page only.
    }
  };
  const pageAt = Date.now();
  let activeAt = pageAt;
  save(countPage(load(), pageAt));

  const mark = () => (activeAt = Date.now());
  for (const type of ['pointermove', 'pointerdown', 'keydown', 'scroll', 'touchstart']) {
    addEventListener(type, mark, { capture: true, passive: true });
  }

  const locale = launcherLocale(link.t);
  let bubble: HTMLElement | undefined;
  let timer: ReturnType<typeof setInterval> | undefined = setInterval(tick, TICK_MS);
  const stop = () => {
    clearInterval(timer);
    timer = undefined;
    bubble?.remove();
  };
  // Opening the chat (launcher, API, bubble) ends proactive help on this page.
  (window as unknown as { Counter: (...a: unknown[]) => void }).Counter('on', 'open', stop);

  function tick(): void {
    // A conversation exists in this browser: the shopper already talks to the shop.
    if (recall(memoryKey(site)).c) return stop();
    const memory = load();
    const rule = dueRule(rules, memory, { now: Date.now(), pageAt, activeAt, path: location.pathname + location.search, cartTotal: link.x.cart?.total }, capHours);
    if (!rule) return;
    clearInterval(timer);
    save({ ...memory, shownAt: Date.now() });
    show(rule);
  }

  function show(rule: ProactiveRule): void {
    adoptStyles(link.r, CSS);
    bubble = document.createElement('aside');
    bubble.setAttribute('role', 'status');
    const message = document.createElement('button');
    message.textContent = rule.message[locale];
    message.onclick = () => (link.b.click(), stop());
    const close = document.createElement('button');
    close.textContent = '×';
    close.setAttribute('aria-label', proactiveText[locale].dismiss);
    close.onclick = () => {
      const memory = load();
      save({ ...memory, dismissed: [...memory.dismissed, rule.id] });
      stop();
    };
    bubble.append(message, close);
    link.r.insertBefore(bubble, link.b);
  }
}
