-- Dashboard at 10 million events: the completion panel reads a range of sign-up days
-- (experiment_id, assigned_at), and the retention panel probes each unit's facts in its window
-- (event_name, unit_id, occurred_at) instead of reading every assignment into memory.

CREATE INDEX "ix_experiments_assignments_experiment_id_assigned_at" ON "experiments_assignments" ("experiment_id", "assigned_at");

CREATE INDEX "ix_experiments_events_event_name_unit_id_occurred_at" ON "experiments_events" ("event_name", "unit_id", "occurred_at");
