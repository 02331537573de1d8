-- In-app notifications, written in the same transaction as what they report (like the mail
-- outbox). Each belongs to one user, who alone reads it; anyone acting in the region may leave
-- one for a colleague of another organisation (an offer waiting for them).
CREATE TABLE notifications (
  region_id uuid NOT NULL REFERENCES regions(id),
  id uuid NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  title_nl text NOT NULL,
  title_en text NOT NULL,
  body_nl text NOT NULL,
  body_en text NOT NULL,
  link text,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (region_id, id)
);
CREATE INDEX notifications_user_idx ON notifications (region_id, user_id, created_at);

GRANT SELECT, INSERT, UPDATE ON notifications TO eerstethuis_app;
ALTER TABLE notifications ENABLE ROW LEVEL SECURITY;
CREATE POLICY notification_read ON notifications FOR SELECT USING (region_id = app_region() AND user_id = app_user());
CREATE POLICY notification_mark ON notifications FOR UPDATE
  USING (region_id = app_region() AND user_id = app_user()) WITH CHECK (region_id = app_region() AND user_id = app_user());
CREATE POLICY notification_leave ON notifications FOR INSERT WITH CHECK (region_id = app_region());
