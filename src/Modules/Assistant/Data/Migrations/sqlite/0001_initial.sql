-- Initial schema. Written from the EF model (DbContext.Database.GenerateCreateScript) and kept in
-- step with it by SchemaDriftTests; later changes go in new numbered files, never edits here.

CREATE TABLE "assistant_coach_context" (
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "current_phase" TEXT NOT NULL,
    "phase_data" TEXT NOT NULL,
    "onboarding_complete" INTEGER NOT NULL,
    "onboarding_completed_at" INTEGER NULL,
    "total_messages" INTEGER NOT NULL,
    "last_interaction_at" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    CONSTRAINT "pk_assistant_coach_context" PRIMARY KEY ("workspace_id", "user_id")
);

CREATE TABLE "assistant_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assistant_events" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "properties" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "assistant_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assistant_messages" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "buttons" TEXT NULL,
    "preview" TEXT NULL,
    "progress_pct" INTEGER NULL,
    "function_calls" TEXT NULL,
    "phase" TEXT NOT NULL,
    "client_message_id" TEXT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "assistant_nudges" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assistant_nudges" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "nudge_type" TEXT NOT NULL,
    "scheduled_for" INTEGER NOT NULL,
    "message_content" TEXT NOT NULL,
    "buttons" TEXT NULL,
    "status" TEXT NOT NULL,
    "sent_at" INTEGER NULL,
    "responded_at" INTEGER NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "assistant_outbox" (
    "id" TEXT NOT NULL CONSTRAINT "pk_assistant_outbox" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "processed_at" INTEGER NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL
);

CREATE INDEX "ix_assistant_events_event_name_created_at" ON "assistant_events" ("event_name", "created_at");

CREATE INDEX "ix_assistant_events_workspace_id_created_at" ON "assistant_events" ("workspace_id", "created_at");

CREATE INDEX "ix_assistant_messages_workspace_id_user_id_created_at" ON "assistant_messages" ("workspace_id", "user_id", "created_at");

CREATE INDEX "ix_assistant_nudges_status_scheduled_for" ON "assistant_nudges" ("status", "scheduled_for");

CREATE INDEX "ix_assistant_outbox_processed_at" ON "assistant_outbox" ("processed_at");

