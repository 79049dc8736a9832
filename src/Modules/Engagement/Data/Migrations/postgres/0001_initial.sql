-- Engagement schema: job runs, notifications (inbox, deliveries, preferences, settings, push
-- subscriptions, VAPID key), nudges and milestones. Generated from EngagementDbContext
-- (GenerateCreateScript) and kept by hand from here on.

CREATE TABLE engagement_deliveries (
    id uuid NOT NULL,
    notification_id uuid NOT NULL,
    user_id uuid NOT NULL,
    channel character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    attempts integer NOT NULL,
    next_attempt_at timestamp with time zone NOT NULL,
    claimed_until timestamp with time zone,
    last_error character varying(2000),
    sent_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_deliveries PRIMARY KEY (id)
);


CREATE TABLE engagement_job_runs (
    id uuid NOT NULL,
    job_key character varying(200) NOT NULL,
    fire_instance_id character varying(200) NOT NULL,
    node character varying(200) NOT NULL,
    manual boolean NOT NULL,
    scheduled_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    duration_ms bigint,
    outcome character varying(20) NOT NULL,
    error character varying(2000),
    CONSTRAINT pk_engagement_job_runs PRIMARY KEY (id)
);


CREATE TABLE engagement_milestones (
    workspace_id uuid NOT NULL,
    key character varying(100) NOT NULL,
    reached_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_milestones PRIMARY KEY (workspace_id, key)
);


CREATE TABLE engagement_notifications (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    workspace_id uuid,
    category character varying(40) NOT NULL,
    title character varying(200) NOT NULL,
    body character varying(4000) NOT NULL,
    link character varying(500),
    idempotency_key character varying(200) NOT NULL,
    in_inbox boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT pk_engagement_notifications PRIMARY KEY (id)
);


CREATE TABLE engagement_nudges (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    nudge_type character varying(50) NOT NULL,
    scheduled_for timestamp with time zone NOT NULL,
    idempotency_key character varying(200) NOT NULL,
    template character varying(4000) NOT NULL,
    buttons character varying(2000) NOT NULL,
    status character varying(20) NOT NULL,
    attempts integer NOT NULL,
    claimed_until timestamp with time zone,
    content character varying(4000),
    channel character varying(20),
    sent_at timestamp with time zone,
    responded_at timestamp with time zone,
    response character varying(50),
    last_error character varying(2000),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_nudges PRIMARY KEY (id)
);


CREATE TABLE engagement_preferences (
    user_id uuid NOT NULL,
    category character varying(40) NOT NULL,
    channel character varying(20) NOT NULL,
    enabled boolean NOT NULL,
    CONSTRAINT pk_engagement_preferences PRIMARY KEY (user_id, category, channel)
);


CREATE TABLE engagement_push_subscriptions (
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    endpoint character varying(1000) NOT NULL,
    p256dh character varying(200) NOT NULL,
    auth character varying(100) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_push_subscriptions PRIMARY KEY (id)
);


CREATE TABLE engagement_settings (
    user_id uuid NOT NULL,
    time_zone character varying(100) NOT NULL,
    quiet_from_minute integer,
    quiet_to_minute integer,
    email_digest boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_settings PRIMARY KEY (user_id)
);


CREATE TABLE engagement_vapid_keys (
    id integer NOT NULL,
    public_key character varying(200) NOT NULL,
    protected_private_key character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_engagement_vapid_keys PRIMARY KEY (id)
);


CREATE UNIQUE INDEX ix_engagement_deliveries_notification_id_channel ON engagement_deliveries (notification_id, channel);


CREATE INDEX ix_engagement_deliveries_status_next_attempt_at ON engagement_deliveries (status, next_attempt_at);


CREATE INDEX ix_engagement_job_runs_job_key_started_at ON engagement_job_runs (job_key, started_at);


CREATE UNIQUE INDEX ix_engagement_notifications_idempotency_key ON engagement_notifications (idempotency_key);


CREATE INDEX ix_engagement_notifications_user_id_created_at ON engagement_notifications (user_id, created_at);


CREATE INDEX ix_engagement_nudges_status_scheduled_for ON engagement_nudges (status, scheduled_for);


CREATE UNIQUE INDEX ix_engagement_nudges_workspace_id_user_id_idempotency_key ON engagement_nudges (workspace_id, user_id, idempotency_key);


CREATE UNIQUE INDEX ix_engagement_push_subscriptions_endpoint ON engagement_push_subscriptions (endpoint);


CREATE INDEX ix_engagement_push_subscriptions_user_id ON engagement_push_subscriptions (user_id);


