-- Initial schema. Written from the EF model (DbContext.Database.GenerateCreateScript) and kept in
-- step with it by SchemaDriftTests; later changes go in new numbered files, never edits here.

CREATE TABLE assistant_coach_context (
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    current_phase character varying(30) NOT NULL,
    phase_data text NOT NULL,
    onboarding_complete boolean NOT NULL,
    onboarding_completed_at timestamp with time zone,
    total_messages integer NOT NULL,
    last_interaction_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_assistant_coach_context PRIMARY KEY (workspace_id, user_id)
);

CREATE TABLE assistant_events (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    event_name character varying(100) NOT NULL,
    properties text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_assistant_events PRIMARY KEY (id)
);

CREATE TABLE assistant_messages (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    role character varying(10) NOT NULL,
    content text NOT NULL,
    buttons text,
    preview text,
    progress_pct integer,
    function_calls text,
    phase character varying(30) NOT NULL,
    client_message_id character varying(64),
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_assistant_messages PRIMARY KEY (id)
);

CREATE TABLE assistant_nudges (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    nudge_type character varying(50) NOT NULL,
    scheduled_for timestamp with time zone NOT NULL,
    message_content text NOT NULL,
    buttons text,
    status character varying(20) NOT NULL,
    sent_at timestamp with time zone,
    responded_at timestamp with time zone,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_assistant_nudges PRIMARY KEY (id)
);

CREATE TABLE assistant_outbox (
    id uuid NOT NULL,
    type character varying(300) NOT NULL,
    payload text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    attempts integer NOT NULL,
    last_error character varying(2000),
    CONSTRAINT pk_assistant_outbox PRIMARY KEY (id)
);

CREATE INDEX ix_assistant_events_event_name_created_at ON assistant_events (event_name, created_at);

CREATE INDEX ix_assistant_events_workspace_id_created_at ON assistant_events (workspace_id, created_at);

CREATE INDEX ix_assistant_messages_workspace_id_user_id_created_at ON assistant_messages (workspace_id, user_id, created_at);

CREATE INDEX ix_assistant_nudges_status_scheduled_for ON assistant_nudges (status, scheduled_for);

CREATE INDEX ix_assistant_outbox_processed_at ON assistant_outbox (processed_at);

