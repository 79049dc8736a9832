-- Social schema: connected accounts (tokens sealed with AES-256-GCM), sign-ins in progress,
-- posts already drafted into blogs, and the module's outbox.

CREATE TABLE "social_outbox" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_outbox" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "processed_at" INTEGER NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "social_connections" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_connections" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "account_name" TEXT NOT NULL,
    "access_token_sealed" TEXT NOT NULL,
    "refresh_token_sealed" TEXT NULL,
    "access_expires_at" INTEGER NOT NULL,
    "refresh_expires_at" INTEGER NULL,
    "needs_reconnect" INTEGER NOT NULL,
    "last_sync_at" INTEGER NULL,
    "connected_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL
);

CREATE TABLE "social_oauth_states" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_oauth_states" PRIMARY KEY,
    "state_hash" TEXT NOT NULL,
    "binding_hash" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "redirect_uri" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "expires_at" INTEGER NOT NULL,
    "used_at" INTEGER NULL
);

CREATE TABLE "social_imported_posts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_social_imported_posts" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "platform" TEXT NOT NULL,
    "post_id" TEXT NOT NULL,
    "blog_id" TEXT NOT NULL,
    "imported_at" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "ix_social_connections_workspace_id_platform" ON "social_connections" ("workspace_id", "platform");

CREATE UNIQUE INDEX "ix_social_imported_posts_workspace_id_platform_post_id" ON "social_imported_posts" ("workspace_id", "platform", "post_id");

CREATE INDEX "ix_social_oauth_states_expires_at" ON "social_oauth_states" ("expires_at");

CREATE UNIQUE INDEX "ix_social_oauth_states_state_hash" ON "social_oauth_states" ("state_hash");

CREATE INDEX "ix_social_outbox_processed_at" ON "social_outbox" ("processed_at");
