-- Initial schema. Written from the EF model (DbContext.Database.GenerateCreateScript) and kept in
-- step with it by SchemaDriftTests; later changes go in new numbered files, never edits here.

CREATE TABLE "accounts_outbox" (
    "id" TEXT NOT NULL CONSTRAINT "pk_accounts_outbox" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "accounts_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_accounts_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);

CREATE TABLE "accounts_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_accounts_users" PRIMARY KEY,
    "is_platform_admin" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" TEXT NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);

CREATE TABLE "accounts_workspace_members" (
    "workspace_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "joined_at" TEXT NOT NULL,
    CONSTRAINT "pk_accounts_workspace_members" PRIMARY KEY ("workspace_id", "user_id")
);

CREATE TABLE "accounts_workspaces" (
    "id" TEXT NOT NULL CONSTRAINT "pk_accounts_workspaces" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "created_at" TEXT NOT NULL
);

CREATE TABLE "accounts_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_accounts_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_accounts_role_claims_accounts_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "accounts_roles" ("id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_accounts_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_accounts_user_claims_accounts_users_user_id" FOREIGN KEY ("user_id") REFERENCES "accounts_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_accounts_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_accounts_user_logins_accounts_users_user_id" FOREIGN KEY ("user_id") REFERENCES "accounts_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_accounts_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_accounts_user_roles_accounts_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "accounts_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_accounts_user_roles_accounts_users_user_id" FOREIGN KEY ("user_id") REFERENCES "accounts_users" ("id") ON DELETE CASCADE
);

CREATE TABLE "accounts_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_accounts_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_accounts_user_tokens_accounts_users_user_id" FOREIGN KEY ("user_id") REFERENCES "accounts_users" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_accounts_outbox_processed_at" ON "accounts_outbox" ("processed_at");

CREATE INDEX "ix_accounts_role_claims_role_id" ON "accounts_role_claims" ("role_id");

CREATE UNIQUE INDEX "ix_accounts_roles_normalized_name" ON "accounts_roles" ("normalized_name");

CREATE INDEX "ix_accounts_user_claims_user_id" ON "accounts_user_claims" ("user_id");

CREATE INDEX "ix_accounts_user_logins_user_id" ON "accounts_user_logins" ("user_id");

CREATE INDEX "ix_accounts_user_roles_role_id" ON "accounts_user_roles" ("role_id");

CREATE INDEX "ix_accounts_users_normalized_email" ON "accounts_users" ("normalized_email");

CREATE UNIQUE INDEX "ix_accounts_users_normalized_user_name" ON "accounts_users" ("normalized_user_name");

CREATE INDEX "ix_accounts_workspace_members_user_id" ON "accounts_workspace_members" ("user_id");

