/**
 * Every page the inbox does not need at first paint, as lazy routes (issue 16): each is its own
 * chunk, fetched the first time someone opens it.
 */
import { lazyPart } from '../common/lazy-part.js';

export const LazySitesPage = lazyPart(() => import('../admin/SitesPage.js').then((m) => m.SitesPage));
export const LazyAgentsPage = lazyPart(() => import('../admin/AgentsPage.js').then((m) => m.AgentsPage));
export const LazyCannedRepliesPage = lazyPart(() => import('../canned/CannedRepliesPage.js').then((m) => m.CannedRepliesPage));
export const LazyAccountPage = lazyPart(() => import('../account/AccountPage.js').then((m) => m.AccountPage));
export const LazyApprovalsPage = lazyPart(() => import('../approvals/ApprovalsPage.js').then((m) => m.ApprovalsPage));
export const LazySupervisorPage = lazyPart(() => import('../supervisor/SupervisorPage.js').then((m) => m.SupervisorPage));
export const LazyHistoryPage = lazyPart(() => import('../history/HistoryPage.js').then((m) => m.HistoryPage));
export const LazyKbAdminPage = lazyPart(() => import('../kb-admin/KbAdminPage.js').then((m) => m.KbAdminPage));

/** The keyboard help overlay (opened with ?), and the sign-in page (a signed-in load never shows it). */
export const LazyHelpOverlay = lazyPart(() => import('./HelpOverlay.js').then((m) => m.HelpOverlay), 'inline');
export const LazyLoginPage = lazyPart(() => import('../account/LoginPage.js').then((m) => m.LoginPage));
