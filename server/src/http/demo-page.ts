import { randomBytes } from 'node:crypto';
import { embedSnippet } from '@counter/shared';
import { common } from '@counter/shared/schemas';

/** The demo site created on first start; a fixed id so the demo page needs no lookup. */
export const DEMO_SITE_ID = common.siteId.parse('demo-store');
/** Where the demo serves its sample orders (the HTTP order contract's reference implementation). */
export const DEMO_ORDERS_PATH = '/demo/orders-api';

const products = [
  { id: 'trail-2', title: 'Trail Runner 2 — Ocean', price: 89.0, color: '#1d6fa5' },
  { id: 'city-knit', title: 'City Knit Sneaker — Sand', price: 64.5, color: '#b08d57' },
];

/**
 * A storefront product page carrying the widget's script tag, under a strict nonce CSP.
 * It behaves like a single-page shop: switching products uses history.pushState, and it
 * tells the chat what the shopper is looking at and what is in the cart.
 */
/** A demo customer's signed identity, as a shop's backend would render it for a logged-in customer. */
export interface DemoIdentity {
  id: string;
  name: string;
  email: string;
  signature: string;
}

export function demoPage(chatUrl: string, customer: DemoIdentity | null = null): { html: string; nonce: string } {
  const nonce = randomBytes(16).toString('base64');
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo store</title>
<link rel="icon" href="data:,">
<style nonce="${nonce}">
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1f2328; background: #fafaf7; }
  header { padding: 16px 24px; background: #1f2328; color: #fff; display: flex; justify-content: space-between; }
  main { max-width: 880px; margin: 32px auto; padding: 0 24px; display: grid; grid-template-columns: 1fr 1fr; gap: 32px; }
  @media (max-width: 640px) { main { grid-template-columns: 1fr; } }
  .photo { aspect-ratio: 1; border-radius: 12px; }
  h1 { font-size: 28px; margin: 0 0 8px; }
  .price { font-size: 22px; font-weight: 600; }
  button { font: inherit; padding: 10px 18px; border-radius: 8px; border: 0; background: #1f2328; color: #fff; cursor: pointer; }
  nav a { color: inherit; margin-right: 16px; }
</style>
</head>
<body>
<header><strong>Demo store</strong><span id="cart-count">Cart: 0</span></header>
<main>
  <div class="photo" id="photo"></div>
  <section>
    <nav id="nav"></nav>
    <h1 id="title"></h1>
    <p class="price" id="price"></p>
    <p>Breathable knit upper, recycled sole, true to size. Free returns within 30 days.</p>
    <button id="add">Add to cart</button>
    <button id="help">Questions? Chat with us</button>
    <p id="account">${customer ? `<button id="signin">Sign in as ${customer.name} (demo customer)</button>` : ''}</p>
    <p>Orders to try in the chat's "My orders": sign in above, or as a guest look up order <b>1042</b> with <b>mei@example.com</b>.</p>
  </section>
</main>
${embedSnippet({ chatUrl, siteId: DEMO_SITE_ID, nonce })}
<script nonce="${nonce}">
(function () {
  var products = ${JSON.stringify(products)};
  var cart = [];
  var base = ${JSON.stringify(chatUrl)} + '/demo/';
  function current() {
    var id = location.pathname.split('/').pop();
    return products.find(function (p) { return p.id === id; }) || products[0];
  }
  function render() {
    var p = current();
    document.title = p.title + ' · Demo store';
    document.getElementById('title').textContent = p.title;
    document.getElementById('price').textContent = '$' + p.price.toFixed(2);
    document.getElementById('photo').style.background = p.color;
    var nav = document.getElementById('nav');
    nav.textContent = '';
    products.forEach(function (other) {
      if (other.id === p.id) return;
      var a = document.createElement('a');
      a.href = base + other.id;
      a.textContent = 'See ' + other.title;
      a.addEventListener('click', function (e) { e.preventDefault(); history.pushState({}, '', a.href); render(); });
      nav.appendChild(a);
    });
    Counter('setContext', { product: { id: p.id, title: p.title, price: p.price, currency: 'USD', url: location.href } });
  }
  document.getElementById('add').addEventListener('click', function () {
    var p = current();
    cart.push({ id: p.id, title: p.title, quantity: 1, price: p.price });
    document.getElementById('cart-count').textContent = 'Cart: ' + cart.length;
    var total = cart.reduce(function (s, i) { return s + i.price * i.quantity; }, 0);
    Counter('setContext', { cart: { items: cart, total: Math.round(total * 100) / 100, currency: 'USD' } });
  });
  document.getElementById('help').addEventListener('click', function () { Counter('open'); });
  var customer = ${JSON.stringify(customer)};
  var signin = document.getElementById('signin');
  if (signin && customer) signin.addEventListener('click', function () {
    // A real shop renders this for its logged-in customer; the signature comes from its backend.
    Counter('identify', customer);
    document.getElementById('account').textContent = 'Signed in as ' + customer.name;
  });
  window.addEventListener('popstate', render);
  render();
})();
</script>
</body>
</html>`;
  return { html, nonce };
}
