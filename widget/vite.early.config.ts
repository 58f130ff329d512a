/**
 * The early chunk (early-[hash].js): the unread badge and check, and proactive help. The
 * loader adds it only when there is something to show before intent.
 */
import { classicScript } from './vite.classic-script';

export default classicScript('./src/early/index.ts', 'CounterEarly', 'early');
