-- Model spend per coach and UTC day, shared by every node (before, each node kept its own running
-- total in memory, so two nodes could each spend a coach's whole budget). Spend recorded before this
-- migration is not carried over: on the day of the upgrade a coach's budget starts afresh once.

CREATE TABLE "assistant_coach_daily_spend" (
    "workspace_id" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "cost_micro_usd" INTEGER NOT NULL,
    "calls" INTEGER NOT NULL,
    CONSTRAINT "pk_assistant_coach_daily_spend" PRIMARY KEY ("workspace_id", "day")
);

CREATE INDEX "ix_assistant_coach_daily_spend_day" ON "assistant_coach_daily_spend" ("day");

CREATE TABLE "assistant_platform_spend_alerts" (
    "day" TEXT NOT NULL,
    "spent_micro_usd" INTEGER NOT NULL,
    "raised_at" INTEGER NOT NULL,
    CONSTRAINT "pk_assistant_platform_spend_alerts" PRIMARY KEY ("day")
);
