// A stand-in for Stripe on loopback, so the app runs with payments configured
// (STRIPE_SECRET_KEY + STRIPE_API_BASE) without reaching the network. It answers what Summit
// calls when someone picks a paid ticket — creating a Checkout Session, in the object shape
// Stripe's API documents (as tests/it/common/fake_stripe.rs does) — and serves a plain
// "payment page" at the session's url, so the browser's redirect lands somewhere a journey can
// read. Every API request is recorded; anything else gets Stripe's "unrecognised URL" error.
import { createServer } from 'node:http';

const now = () => Math.floor(Date.now() / 1000);

/** A Checkout Session as Stripe's API documents it, from the form Summit sent. */
function checkoutSession(id, form, url) {
  const amount = Number(form.get('line_items[0][price_data][unit_amount]'));
  return {
    id, object: 'checkout.session', after_expiration: null, allow_promotion_codes: null,
    amount_subtotal: amount, amount_total: amount,
    automatic_tax: { enabled: false, liability: null, provider: null, status: null },
    billing_address_collection: null, cancel_url: form.get('cancel_url'),
    client_reference_id: form.get('client_reference_id'), client_secret: null, consent: null,
    consent_collection: null, created: now(), currency: form.get('line_items[0][price_data][currency]'),
    custom_fields: [], custom_text: { after_submit: null, shipping_address: null, submit: null, terms_of_service_acceptance: null },
    customer: null, customer_creation: 'if_required', customer_details: null, customer_email: form.get('customer_email'),
    expires_at: Number(form.get('expires_at')) || now() + 86_400, invoice: null, invoice_creation: null,
    livemode: false, locale: null, metadata: {}, mode: 'payment', payment_intent: null, payment_link: null,
    payment_method_collection: 'if_required', payment_method_options: {}, payment_method_types: ['card'],
    payment_status: 'unpaid', phone_number_collection: { enabled: false }, recovered_from: null,
    setup_intent: null, shipping_address_collection: null, shipping_cost: null, shipping_options: [],
    status: 'open', submit_type: null, subscription: null, success_url: form.get('success_url'),
    total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 }, ui_mode: 'hosted_page', url,
  };
}

/** The page a payer would see at Stripe: the amount, in a page of its own. */
function paymentPage(session) {
  const amount = `${(session.amount_total / 100).toFixed(2)} ${String(session.currency).toUpperCase()}`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fake Stripe Checkout</title></head>
<body><main><h1>Fake Stripe Checkout</h1><p id="amount">Pay ${amount}</p></main></body></html>`;
}

export async function fakeStripe() {
  const requests = [];
  const sessions = new Map();
  let base = '';
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      const paying = req.method === 'GET' && sessions.get(req.url.replace(/^\/c\/pay\//, ''));
      if (paying) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(paymentPage(paying));
        return;
      }
      const form = new URLSearchParams(body);
      requests.push({ method: req.method, path: req.url, form });
      if (req.method === 'POST' && req.url === '/v1/checkout/sessions') {
        const id = `cs_test_journey${sessions.size + 1}`;
        const session = checkoutSession(id, form, `${base}/c/pay/${id}`);
        sessions.set(id, session);
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_fake' });
        res.end(JSON.stringify(session));
        return;
      }
      const error = { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${req.method} ${req.url})` } };
      res.writeHead(404, { 'content-type': 'application/json', 'request-id': 'req_fake' });
      res.end(JSON.stringify(error));
    });
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    requests,
    close: () => new Promise((ok) => {
      server.close(ok);
      server.closeAllConnections(); // the app's HTTP client keeps its connection open
    }),
  };
}
