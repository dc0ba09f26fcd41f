-- staging-db seed data. FAKE FIXTURE: every name, email, phone number and credential below is invented;
-- the GitHub token and AWS key are fake (they contain FAKE / EXAMPLE) and exist so the demo can show masking.
INSERT INTO app.users (id, email, full_name, phone, status, created_at) VALUES
  (1001, 'alice@example.com', 'Alice Martin', '+33 6 12 34 56 78', 'active', '2026-01-05T09:00:00Z'),
  (1002, 'bob@example.com', 'Bob Schneider', '+49 151 2345 6789', 'active', '2026-02-11T14:30:00Z'),
  (1003, 'carol@example.org', 'Carol Nguyen', '(555) 010-4477', 'suspended', '2026-03-20T08:15:00Z'),
  (1004, 'dave@example.net', 'Dave Okafor', NULL, 'closed', '2026-04-02T17:45:00Z');

INSERT INTO app.orders (id, user_id, status, total_cents, currency, note, created_at)
SELECT 50000 + n, 1001, (ARRAY['pending', 'paid', 'shipped', 'refunded'])[1 + n % 4], 1000 + n * 137, 'EUR',
       'routine order ' || n, timestamptz '2026-05-01T10:00:00Z' + n * interval '1 day'
FROM generate_series(1, 45) AS n;

INSERT INTO app.orders (id, user_id, status, total_cents, currency, note, created_at) VALUES
  (60001, 1002, 'paid', 4999, 'EUR',
   'Customer asked to be called back on 555-010-9922 or at bob.private@example.com about the invoice.',
   '2026-06-01T12:00:00Z'),
  (60002, 1003, 'refunded', 1250, 'USD', 'Refund approved by support.', '2026-06-03T16:20:00Z');

INSERT INTO app.docs (id, title, body) VALUES
  (1, 'Refund policy', 'Refunds are issued within 14 days to the original payment method.'),
  (2, 'Deploy runbook',
   'To deploy staging, export GITHUB_TOKEN=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 and '
   || 'AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE, then ask the on-call (oncall@example.com, +1 555-010-3141) to approve.'),
  (3, 'Shipping guide', 'Orders ship from the Lyon warehouse within two business days.'),
  -- One large document (about 400 KB) so the demo can show the response size cap.
  (4, 'Changelog archive',
   (SELECT string_agg('Release 1.' || n || ': maintenance release with fixes to the order export and the '
                      || 'shipping guide, plus dependency updates. ', '')
    FROM generate_series(1, 3500) AS n));
