-- Experiments: definitions and their versions, sticky assignments, first exposures, unit facts
-- for metrics, and metric definitions as data. Kept in step with the EF model by SchemaDriftTests.

CREATE TABLE "experiments_experiments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_experiments_experiments" PRIMARY KEY,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NULL,
    "status" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "variants" TEXT NOT NULL,
    "targeting" TEXT NOT NULL,
    "primary_metric" TEXT NOT NULL,
    "killed" INTEGER NOT NULL,
    "auto_promote" INTEGER NOT NULL,
    "winner" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "started_at" INTEGER NULL,
    "concluded_at" INTEGER NULL
);

CREATE UNIQUE INDEX "ix_experiments_experiments_key" ON "experiments_experiments" ("key");

CREATE TABLE "experiments_versions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_experiments_versions" PRIMARY KEY,
    "experiment_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "variants" TEXT NOT NULL,
    "targeting" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_experiments_versions_experiment_id_version" ON "experiments_versions" ("experiment_id", "version");

CREATE TABLE "experiments_assignments" (
    "id" TEXT NOT NULL CONSTRAINT "pk_experiments_assignments" PRIMARY KEY,
    "experiment_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "bucket" REAL NOT NULL,
    "assigned_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_experiments_assignments_experiment_id_unit_id" ON "experiments_assignments" ("experiment_id", "unit_id");

CREATE TABLE "experiments_exposures" (
    "id" TEXT NOT NULL CONSTRAINT "pk_experiments_exposures" PRIMARY KEY,
    "experiment_id" TEXT NOT NULL,
    "unit_id" TEXT NOT NULL,
    "variant" TEXT NOT NULL,
    "exposed_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_experiments_exposures_experiment_id_unit_id" ON "experiments_exposures" ("experiment_id", "unit_id");

CREATE TABLE "experiments_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_experiments_events" PRIMARY KEY,
    "unit_id" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "value" REAL NULL,
    "occurred_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_experiments_events_event_name_unit_id_reference" ON "experiments_events" ("event_name", "unit_id", "reference");

CREATE TABLE "experiments_metrics" (
    "key" TEXT NOT NULL CONSTRAINT "pk_experiments_metrics" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "event_name" TEXT NOT NULL,
    "window_start_days" INTEGER NOT NULL,
    "window_end_days" INTEGER NOT NULL,
    "higher_is_better" INTEGER NOT NULL,
    "built_in" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL
);
