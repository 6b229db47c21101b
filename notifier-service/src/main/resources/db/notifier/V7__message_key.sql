-- The ledger key whose ids (Message-ID, webhook-id) the message that delivered a row carried: its own when it went
-- alone, the first row's when it went with others, the DIGEST row's when a digest delivered it. A follow-up mail
-- answers the first mail its recipient received about the alert (In-Reply-To, References). Null for rows not
-- delivered yet, and for rows delivered before this column, read as their own key: rows delivered by a digest are
-- filled from it below; for rows sent together with others before, which cannot be told, their follow-ups do not
-- join that first mail.
ALTER TABLE notification ADD COLUMN message_key text;
UPDATE notification n SET message_key = d.notification_key FROM notification d
  WHERE n.digest_id = d.id AND n.state IN ('SENT', 'ACKNOWLEDGED', 'ESCALATED');
