-- Experiments dashboard, cost per coach over 365 days: per calendar month, the daily roll-up summed
-- from January 1 through the end of that month (YearToDateRollup), so whole months of a range are
-- the difference of two or three rows per coach. Not backfilled: the roll-up job and the first read
-- build them from the daily rows, the only way they are ever written.

CREATE TABLE assistant_year_to_date_rollup (
    month date NOT NULL,
    event_name character varying(100) NOT NULL,
    dimension character varying(100) NOT NULL,
    count bigint NOT NULL,
    total double precision NOT NULL,
    CONSTRAINT pk_assistant_year_to_date_rollup PRIMARY KEY (month, event_name, dimension)
);

CREATE INDEX ix_assistant_year_to_date_rollup_event_name_month ON assistant_year_to_date_rollup (event_name, month);
