import { initials } from '../../lib/visitor-label.js';

/** Initials on a tint derived from the id: tells conversations apart at a glance. */
export function Avatar({ label, seed, size = 'md' }: { label: string; seed: string; size?: 'sm' | 'md' | 'lg' }) {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span class={`avatar avatar-${size} tint-${hash % 8}`} aria-hidden="true">
      {initials(label)}
    </span>
  );
}
