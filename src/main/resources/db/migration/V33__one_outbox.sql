-- One outbox for the messages other modules compose (docs/decisions/0033-one-outbox.md): push's link messages move
-- from push_notice (V25) into direct_notice (V30), and a sender's claim becomes a lease committed before the send.

-- The text stored once the message is sent; null keeps body. Push gives its text without the one-time link, so the
-- link lives only in the message, as it did in push_notice.
ALTER TABLE direct_notice ADD COLUMN kept_body text;
-- Until when a sender holds the row: the claim commits before the SMS or e-mail goes out; a sender that dies holding
-- it leaves the row to the next sender once this time has passed.
ALTER TABLE direct_notice ADD COLUMN claimed_until timestamptz;

-- Every push_notice row, none dropped (a conflict fails the migration). Pending ones get the text to keep once sent:
-- the link replaced as push's sender replaced it.
INSERT INTO direct_notice (id, topic, ref, professional_id, territory_id, channel, recipient, subject, body, kept_body,
                           status, attempts, created_at, sent_at)
SELECT id, 'push.asked', request_id, professional_id, territory_id, channel, recipient, subject, body,
       CASE WHEN status = 'pending' THEN regexp_replace(body, '\S*/demande/[A-Za-z0-9_-]{43}', '[lien]', 'g') END,
       status, attempts, created_at, sent_at
FROM push_notice;

DROP TABLE push_notice;
