-- Experiments: definitions and their versions, sticky assignments, first exposures, unit facts
-- for metrics, and metric definitions as data. Kept in step with the EF model by SchemaDriftTests.

CREATE TABLE experiments_experiments (
    id uuid NOT NULL,
    key character varying(100) NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(2000),
    status character varying(20) NOT NULL,
    version integer NOT NULL,
    variants text NOT NULL,
    targeting text NOT NULL,
    primary_metric character varying(100) NOT NULL,
    killed boolean NOT NULL,
    auto_promote boolean NOT NULL,
    winner character varying(50),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone,
    concluded_at timestamp with time zone,
    CONSTRAINT pk_experiments_experiments PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_experiments_experiments_key ON experiments_experiments (key);

CREATE TABLE experiments_versions (
    id uuid NOT NULL,
    experiment_id uuid NOT NULL,
    version integer NOT NULL,
    variants text NOT NULL,
    targeting text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiments_versions PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_experiments_versions_experiment_id_version ON experiments_versions (experiment_id, version);

CREATE TABLE experiments_assignments (
    id uuid NOT NULL,
    experiment_id uuid NOT NULL,
    unit_id character varying(100) NOT NULL,
    variant character varying(50) NOT NULL,
    version integer NOT NULL,
    bucket double precision NOT NULL,
    assigned_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiments_assignments PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_experiments_assignments_experiment_id_unit_id ON experiments_assignments (experiment_id, unit_id);

CREATE TABLE experiments_exposures (
    id uuid NOT NULL,
    experiment_id uuid NOT NULL,
    unit_id character varying(100) NOT NULL,
    variant character varying(50) NOT NULL,
    exposed_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiments_exposures PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_experiments_exposures_experiment_id_unit_id ON experiments_exposures (experiment_id, unit_id);

CREATE TABLE experiments_events (
    id uuid NOT NULL,
    unit_id character varying(100) NOT NULL,
    event_name character varying(100) NOT NULL,
    reference character varying(100) NOT NULL,
    value double precision,
    occurred_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiments_events PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_experiments_events_event_name_unit_id_reference ON experiments_events (event_name, unit_id, reference);

CREATE TABLE experiments_metrics (
    key character varying(100) NOT NULL,
    name character varying(200) NOT NULL,
    kind character varying(20) NOT NULL,
    source character varying(20) NOT NULL,
    event_name character varying(100) NOT NULL,
    window_start_days integer NOT NULL,
    window_end_days integer NOT NULL,
    higher_is_better boolean NOT NULL,
    built_in boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_experiments_metrics PRIMARY KEY (key)
);
