-- Paid tickets with Stripe Checkout: the session's address and end are kept so a double
-- click reuses the open session; the refund (if any) is recorded beside the payment.
ALTER TABLE payments ADD COLUMN checkout_url TEXT;
ALTER TABLE payments ADD COLUMN expires_at INTEGER;
ALTER TABLE payments ADD COLUMN refund_id TEXT;
-- The payment intent a Stripe event was about, so a refund that arrives before the payment's
-- completion is still known when the completion comes.
ALTER TABLE stripe_events ADD COLUMN payment_intent_id TEXT;
CREATE INDEX stripe_events_payment_intent ON stripe_events (payment_intent_id);
CREATE INDEX payments_registration ON payments (registration_id);
CREATE INDEX payments_payment_intent ON payments (payment_intent_id);
-- The organiser's legal details printed on receipts (name, address, VAT number...).
ALTER TABLE events ADD COLUMN legal_details TEXT NOT NULL DEFAULT '';
