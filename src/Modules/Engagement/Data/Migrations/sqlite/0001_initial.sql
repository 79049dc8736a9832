-- Engagement schema: job runs, notifications (inbox, deliveries, preferences, settings, push
-- subscriptions, VAPID key), nudges and milestones. Generated from EngagementDbContext
-- (GenerateCreateScript) and kept by hand from here on.

CREATE TABLE "engagement_deliveries" (
    "id" TEXT NOT NULL CONSTRAINT "pk_engagement_deliveries" PRIMARY KEY,
    "notification_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" INTEGER NOT NULL,
    "claimed_until" INTEGER NULL,
    "last_error" TEXT NULL,
    "sent_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL
);


CREATE TABLE "engagement_job_runs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_engagement_job_runs" PRIMARY KEY,
    "job_key" TEXT NOT NULL,
    "fire_instance_id" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "manual" INTEGER NOT NULL,
    "scheduled_at" INTEGER NOT NULL,
    "started_at" INTEGER NOT NULL,
    "finished_at" INTEGER NULL,
    "duration_ms" INTEGER NULL,
    "outcome" TEXT NOT NULL,
    "error" TEXT NULL
);


CREATE TABLE "engagement_milestones" (
    "workspace_id" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "reached_at" INTEGER NOT NULL,
    CONSTRAINT "pk_engagement_milestones" PRIMARY KEY ("workspace_id", "key")
);


CREATE TABLE "engagement_notifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_engagement_notifications" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "workspace_id" TEXT NULL,
    "category" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "link" TEXT NULL,
    "idempotency_key" TEXT NOT NULL,
    "in_inbox" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "read_at" INTEGER NULL
);


CREATE TABLE "engagement_nudges" (
    "id" TEXT NOT NULL CONSTRAINT "pk_engagement_nudges" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "nudge_type" TEXT NOT NULL,
    "scheduled_for" INTEGER NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "buttons" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "claimed_until" INTEGER NULL,
    "content" TEXT NULL,
    "channel" TEXT NULL,
    "sent_at" INTEGER NULL,
    "responded_at" INTEGER NULL,
    "response" TEXT NULL,
    "last_error" TEXT NULL,
    "created_at" INTEGER NOT NULL
);


CREATE TABLE "engagement_preferences" (
    "user_id" TEXT NOT NULL,
    "category" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "enabled" INTEGER NOT NULL,
    CONSTRAINT "pk_engagement_preferences" PRIMARY KEY ("user_id", "category", "channel")
);


CREATE TABLE "engagement_push_subscriptions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_engagement_push_subscriptions" PRIMARY KEY,
    "user_id" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "p256dh" TEXT NOT NULL,
    "auth" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);


CREATE TABLE "engagement_settings" (
    "user_id" TEXT NOT NULL CONSTRAINT "pk_engagement_settings" PRIMARY KEY,
    "time_zone" TEXT NOT NULL,
    "quiet_from_minute" INTEGER NULL,
    "quiet_to_minute" INTEGER NULL,
    "email_digest" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);


CREATE TABLE "engagement_vapid_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_engagement_vapid_keys" PRIMARY KEY,
    "public_key" TEXT NOT NULL,
    "protected_private_key" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);


CREATE UNIQUE INDEX "ix_engagement_deliveries_notification_id_channel" ON "engagement_deliveries" ("notification_id", "channel");


CREATE INDEX "ix_engagement_deliveries_status_next_attempt_at" ON "engagement_deliveries" ("status", "next_attempt_at");


CREATE INDEX "ix_engagement_job_runs_job_key_started_at" ON "engagement_job_runs" ("job_key", "started_at");


CREATE UNIQUE INDEX "ix_engagement_notifications_idempotency_key" ON "engagement_notifications" ("idempotency_key");


CREATE INDEX "ix_engagement_notifications_user_id_created_at" ON "engagement_notifications" ("user_id", "created_at");


CREATE INDEX "ix_engagement_nudges_status_scheduled_for" ON "engagement_nudges" ("status", "scheduled_for");


CREATE UNIQUE INDEX "ix_engagement_nudges_workspace_id_user_id_idempotency_key" ON "engagement_nudges" ("workspace_id", "user_id", "idempotency_key");


CREATE UNIQUE INDEX "ix_engagement_push_subscriptions_endpoint" ON "engagement_push_subscriptions" ("endpoint");


CREATE INDEX "ix_engagement_push_subscriptions_user_id" ON "engagement_push_subscriptions" ("user_id");


