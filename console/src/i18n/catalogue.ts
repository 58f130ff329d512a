/**
 * Every console text table, by feature: for the test that checks Chinese has every key the
 * English has. Components import their own table; this file is not in the app's bundle.
 * Other features' tables (i18n/<feature>.ts, same shape) belong here too.
 */
import * as account from './account.js';
import { afterSalesText } from './after-sales.js';
import { attachmentText } from './attachments.js';
import * as agents from './agents.js';
import * as canned from './canned.js';
import { emojiText } from './emoji.js';
import { historyText } from './history.js';
import { kbText } from './kb.js';
import { lookText } from './look.js';
import { shopperReachText } from './shopper-reach.js';
import * as common from './common.js';
import * as conversation from './conversation.js';
import * as inbox from './inbox.js';
import * as onboarding from './onboarding.js';
import * as shell from './shell.js';
import * as shopper from './shopper.js';
import * as sites from './sites.js';

/** Tables that export only their accessor are read through it. */
const viaAccessor = (text: (locale: 'en' | 'zh') => object) => ({ en: text('en'), zh: text('zh') });

export const TABLES: Record<string, { en: object; zh: object }> = {
  afterSales: viaAccessor(afterSalesText),
  attachments: viaAccessor(attachmentText),
  emoji: viaAccessor(emojiText),
  history: viaAccessor(historyText),
  kb: viaAccessor(kbText),
  look: viaAccessor(lookText),
  shopperReach: viaAccessor(shopperReachText),
  account,
  agents,
  canned,
  common,
  conversation,
  inbox,
  onboarding,
  shell,
  shopper,
  sites,
};

// Lazy chunks (issue 16): the loader's words, and the History words outside the History page.
import { lazyPartText } from './lazy-part.js';
import { historyLinksText } from './history-links.js';
TABLES.lazyPart = viaAccessor(lazyPartText);
TABLES.historyLinks = viaAccessor(historyLinksText);

// The shopper's returns (issue 12 item 4).
import { returnsText } from './returns.js';
import { limitsCurrencyText } from './limits-currency.js';
TABLES.returns = viaAccessor(returnsText);
TABLES.limitsCurrency = viaAccessor(limitsCurrencyText);
// Knowledge-base admin page (issue 13 leftovers); its top-bar word is in kb.ts.
import { kbAdminText } from './kb-admin.js';
TABLES.kbAdmin = viaAccessor(kbAdminText);

// Routing settings (issue 14).
import { routingText } from './routing.js';
TABLES.routing = viaAccessor(routingText);

// Reports (issue 15): the page's words, and the one word in the top bar.
import { reportsText } from './reports.js';
import { reportsLinksText } from './reports-links.js';
TABLES.reports = viaAccessor(reportsText);
TABLES.reportsLinks = viaAccessor(reportsLinksText);
// Supervisor live view and peak warning (issue 15 items 4-5).
import { supervisorText } from './supervisor.js';
import { supervisorLinksText } from './supervisor-links.js';
TABLES.supervisor = viaAccessor(supervisorText);
TABLES.supervisorLinks = viaAccessor(supervisorLinksText);

// Response targets (issue 14, item 4).
import { targetsText } from './targets.js';
TABLES.targets = viaAccessor(targetsText);

// Return policy editor (issue 12 leftovers).
import { returnPolicyText } from './return-policy.js';
TABLES.returnPolicy = viaAccessor(returnPolicyText);
