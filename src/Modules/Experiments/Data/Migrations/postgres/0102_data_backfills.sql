-- One row per one-time data backfill that has run to the end (CompletionBackfill first), so a
-- backfill runs once per database however many nodes start, and again only if it never finished.

CREATE TABLE experiments_backfills (
    name character varying(100) NOT NULL,
    units integer NOT NULL,
    completed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiments_backfills PRIMARY KEY (name)
);
