/**
 * The merchant's look and proactive help (issue 17, items 1 and 4): per-site settings that
 * the server bakes into `widget.js?site=ID`, so they reach the page with the loader itself.
 */

export type LauncherSide = 'left' | 'right';

export interface SiteLook {
  /** Brand colour, `#rrggbb` (lowercase). */
  color: string;
  side: LauncherSide;
  /** Distance from the chosen side and from the bottom, px (bounded by LOOK_LIMITS). */
  x: number;
  y: number;
  /** A visible label beside the launcher's icon, per language; empty: icon only. */
  label: { en?: string; zh?: string };
  /** The chat header shows the assigned agent's name and avatar. */
  showAgent: boolean;
}

/**
 * One proactive rule: every condition it sets must hold. `seconds` is the time on the page;
 * `pages` pages viewed in this visit; `url` a path prefix (`/sale`) or glob (`/p/*-shoes`);
 * `cart` a cart total at least `min` with no activity for `idle` seconds.
 */
export interface ProactiveRule {
  id: string;
  seconds: number;
  pages?: number;
  url?: string;
  cart?: { min: number; idle: number };
  message: { en: string; zh: string };
}

export interface ProactiveSettings {
  rules: ProactiveRule[];
  /** At most one bubble per shopper per this many hours (any rule). */
  capHours: number;
}

export interface SiteLookSettings {
  look: SiteLook;
  proactive: ProactiveSettings;
}

export const LOOK_LIMITS = { offset: 400, label: 40, rules: 10, message: 200, url: 200, capHours: 24 * 30, seconds: 3600 } as const;

export const DEFAULT_LOOK: SiteLook = { color: '#1d4ed8', side: 'right', x: 20, y: 20, label: {}, showAgent: true };
export const DEFAULT_PROACTIVE: ProactiveSettings = { rules: [], capHours: 24 };
