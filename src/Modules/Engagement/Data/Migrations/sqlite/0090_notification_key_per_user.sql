-- A notification's idempotency key is unique per recipient, not across users: two users told
-- about the same fact (e.g. both owners of a workspace) each get theirs, and one user's
-- notification never counts as another's.
DROP INDEX IF EXISTS "ix_engagement_notifications_idempotency_key";

CREATE UNIQUE INDEX "ix_engagement_notifications_user_id_idempotency_key" ON "engagement_notifications" ("user_id", "idempotency_key");
