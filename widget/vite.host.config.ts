/**
 * The host part (host-[hash].js): the script the loader adds to the shop's page on the
 * shopper's first intent.
 */
import { classicScript } from './vite.classic-script';

export default classicScript('./src/host/index.ts', 'CounterHost', 'host');
