-- Experiments dashboard at 10 million events: per coach, the first and last time of the events the
-- completion panel asks about (WorkspaceEventSpan), kept by the daily roll-up. Backfilled here from
-- every event; min/max make a later roll-up of the same days change nothing.

CREATE TABLE assistant_workspace_events (
    event_name character varying(100) NOT NULL,
    workspace_id uuid NOT NULL,
    first_at timestamp with time zone NOT NULL,
    last_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_assistant_workspace_events PRIMARY KEY (event_name, workspace_id)
);

CREATE INDEX ix_assistant_workspace_events_event_name_last_at_workspace_id ON assistant_workspace_events (event_name, last_at, workspace_id);

INSERT INTO assistant_workspace_events (event_name, workspace_id, first_at, last_at)
SELECT event_name, workspace_id, MIN(created_at), MAX(created_at)
FROM assistant_events
WHERE event_name = 'avery_onboarding_completed'
GROUP BY event_name, workspace_id;
