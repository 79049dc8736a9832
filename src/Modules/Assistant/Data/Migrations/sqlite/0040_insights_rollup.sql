-- Assistant dashboard (Experiments issue): a created_at index so a day's events are a range scan,
-- and the daily roll-up the dashboard panels read instead of the raw events.

CREATE INDEX "ix_assistant_events_created_at" ON "assistant_events" ("created_at");

CREATE TABLE "assistant_daily_rollup" (
    "day" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "total" REAL NOT NULL,
    CONSTRAINT "pk_assistant_daily_rollup" PRIMARY KEY ("day", "event_name", "dimension")
);

CREATE INDEX "ix_assistant_daily_rollup_event_name_day" ON "assistant_daily_rollup" ("event_name", "day");
