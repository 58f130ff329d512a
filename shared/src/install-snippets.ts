/**
 * What the getting-started checklist gives a merchant to paste (issue 16, item 6): the page
 * snippet with `identify` and `setContext` examples, and the line their server runs to sign
 * a customer (the plain HMAC of identitySigningString, v2) in Node, PHP and Python. The
 * secret is never printed: the snippets read it from the environment. A test runs the Node
 * and Python lines (and PHP where installed) and has the server accept what they sign.
 */
import { embedSnippet } from './embed.js';

export type SigningLanguage = 'node' | 'php' | 'python';

/** The example calls: a signed-in customer, and what they are looking at. */
export const PAGE_CALLS = [
  '// Signed-in customers only; print these values from your server (see below).',
  "Counter('identify', { id: 'CUSTOMER_ID', name: 'Mei Chen', email: 'mei@example.com', signature: 'SIGNATURE' });",
  '// The product on this page and the cart, shown to the agent (null clears one).',
  "Counter('setContext', { product: { id: 'sku-42', title: 'Green tea', price: 12.5, currency: 'USD', url: location.href }, cart: { items: [{ id: 'sku-42', title: 'Green tea', quantity: 2, price: 12.5 }], total: 25, currency: 'USD' } });",
].join('\n');

export function pageSnippet(chatUrl: string, siteId: string): string {
  return embedSnippet({ chatUrl, siteId, calls: PAGE_CALLS });
}

/**
 * Each sets `signature` for `customer.id` (tier: 'vip' or none). Pass the same tier to
 * identify when you sign with one: `Counter('identify', { id, tier: 'vip', signature })`.
 */
export const SIGNING_SNIPPETS: Record<SigningLanguage, string> = {
  node: [
    "import { createHmac } from 'node:crypto';",
    '',
    "const tier = customer.vip ? 'vip' : '';",
    "const signature = createHmac('sha256', process.env.IDENTITY_SECRET).update(`v2|${tier}|${customer.id}`).digest('hex');",
  ].join('\n'),
  php: [
    "$tier = $customer->vip ? 'vip' : '';",
    "$signature = hash_hmac('sha256', 'v2|' . $tier . '|' . $customer->id, getenv('IDENTITY_SECRET'));",
  ].join('\n'),
  python: [
    'import hashlib, hmac, os',
    '',
    'tier = "vip" if customer.vip else ""',
    'signature = hmac.new(os.environ["IDENTITY_SECRET"].encode(), f"v2|{tier}|{customer.id}".encode(), hashlib.sha256).hexdigest()',
  ].join('\n'),
};
