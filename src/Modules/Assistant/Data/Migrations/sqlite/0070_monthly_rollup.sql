-- Experiments dashboard, cost per coach over 365 days: the daily roll-up summed per calendar month
-- (MonthlyRollup). Not backfilled: the roll-up job and the first read build the closed months from
-- the daily rows, which is the only way a month is ever written.

CREATE TABLE "assistant_monthly_rollup" (
    "month" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "total" REAL NOT NULL,
    CONSTRAINT "pk_assistant_monthly_rollup" PRIMARY KEY ("month", "event_name", "dimension")
);

CREATE INDEX "ix_assistant_monthly_rollup_event_name_month" ON "assistant_monthly_rollup" ("event_name", "month");
