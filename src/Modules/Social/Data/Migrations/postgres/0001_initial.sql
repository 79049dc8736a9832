-- Social schema: connected accounts (tokens sealed with AES-256-GCM), sign-ins in progress,
-- posts already drafted into blogs, and the module's outbox.

CREATE TABLE social_outbox (
    id uuid NOT NULL,
    type character varying(300) NOT NULL,
    payload text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    attempts integer NOT NULL,
    last_error character varying(2000),
    CONSTRAINT pk_social_outbox PRIMARY KEY (id)
);

CREATE TABLE social_connections (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    platform character varying(20) NOT NULL,
    account_id character varying(200) NOT NULL,
    account_name character varying(200) NOT NULL,
    access_token_sealed character varying(8000) NOT NULL,
    refresh_token_sealed character varying(8000),
    access_expires_at timestamp with time zone NOT NULL,
    refresh_expires_at timestamp with time zone,
    needs_reconnect boolean NOT NULL,
    last_sync_at timestamp with time zone,
    connected_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_social_connections PRIMARY KEY (id)
);

CREATE TABLE social_oauth_states (
    id uuid NOT NULL,
    state_hash character varying(64) NOT NULL,
    binding_hash character varying(64) NOT NULL,
    workspace_id uuid NOT NULL,
    user_id uuid NOT NULL,
    platform character varying(20) NOT NULL,
    redirect_uri character varying(1000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    used_at timestamp with time zone,
    CONSTRAINT pk_social_oauth_states PRIMARY KEY (id)
);

CREATE TABLE social_imported_posts (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    platform character varying(20) NOT NULL,
    post_id character varying(100) NOT NULL,
    blog_id uuid NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_social_imported_posts PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_social_connections_workspace_id_platform ON social_connections (workspace_id, platform);

CREATE UNIQUE INDEX ix_social_imported_posts_workspace_id_platform_post_id ON social_imported_posts (workspace_id, platform, post_id);

CREATE INDEX ix_social_oauth_states_expires_at ON social_oauth_states (expires_at);

CREATE UNIQUE INDEX ix_social_oauth_states_state_hash ON social_oauth_states (state_hash);

CREATE INDEX ix_social_outbox_processed_at ON social_outbox (processed_at);
