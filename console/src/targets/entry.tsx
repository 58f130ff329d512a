/**
 * The response-targets chunk of the console (issue 14, item 4), fetched on connect
 * (sync/console-sync.ts) and by the site page: it fills in the inbox's time-to-breach order
 * and the rows' countdown badge (lib/inbox-order.ts), and shows the escalation notices.
 */
import { dueOf } from '@counter/shared';
import { due } from '../lib/inbox-order.js';
import { DueBadge, type DueProps } from './DueBadge.js';
import { loadTargets, targetsFor } from './site-targets.js';
import { adoptTargetStyles } from './styles.js';

adoptTargetStyles();
void loadTargets();
due.at = (c) => dueOf(c, targetsFor(c.siteId))?.dueAt ?? c.awaitingReplySince ?? 0;
due.Badge = (props) => <DueBadge {...(props as DueProps)} />;

export { listen } from './live-targets.js';
export { TargetsEditor } from './TargetsEditor.js';
