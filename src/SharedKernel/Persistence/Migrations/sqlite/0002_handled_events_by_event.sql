-- The dispatcher reads every receipt of an event in one query before running its handlers; the
-- primary key leads with the handler, so that read needs its own index on the event id.

CREATE INDEX "ix_kernel_handled_events_event_id" ON "kernel_handled_events" ("event_id");
