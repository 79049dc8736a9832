-- Initial schema. Written from the EF model (DbContext.Database.GenerateCreateScript) and kept in
-- step with it by SchemaDriftTests; later changes go in new numbered files, never edits here.

CREATE TABLE "kernel_handled_events" (
    "handler" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,
    "handled_at" TEXT NOT NULL,
    CONSTRAINT "pk_kernel_handled_events" PRIMARY KEY ("handler", "event_id")
);

