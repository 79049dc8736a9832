-- Storefront schema: stores, blog posts, live sessions, subscribers and the module's outbox.
-- Generated from StorefrontDbContext (GenerateCreateScript, SQLite) and kept by hand from here on.

CREATE TABLE "storefront_outbox" (
    "id" TEXT NOT NULL CONSTRAINT "pk_storefront_outbox" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "occurred_at" TEXT NOT NULL,
    "processed_at" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "last_error" TEXT NULL
);

CREATE TABLE "storefront_stores" (
    "id" TEXT NOT NULL CONSTRAINT "pk_storefront_stores" PRIMARY KEY,
    "workspace_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "business_name" TEXT NOT NULL,
    "preferred_name" TEXT NULL,
    "niche" TEXT NULL,
    "specialty" TEXT NULL,
    "bio" TEXT NULL,
    "tone" TEXT NOT NULL,
    "photo_url" TEXT NULL,
    "template_id" TEXT NOT NULL,
    "template_chosen" INTEGER NOT NULL,
    "primary_color" TEXT NOT NULL,
    "secondary_color" TEXT NOT NULL,
    "font_family" TEXT NOT NULL,
    "hero_style" TEXT NOT NULL,
    "banner_gradient" TEXT NOT NULL,
    "price_currency" TEXT NULL,
    "price_amount" TEXT NULL,
    "is_shared" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "storefront_blogs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_storefront_blogs" PRIMARY KEY,
    "store_id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body_markdown" TEXT NOT NULL,
    "category" TEXT NULL,
    "tags" TEXT NOT NULL,
    "cover_image_url" TEXT NULL,
    "status" TEXT NOT NULL,
    "source_platform" TEXT NULL,
    "source_post_id" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "published_at" TEXT NULL,
    CONSTRAINT "fk_storefront_blogs_storefront_stores_store_id" FOREIGN KEY ("store_id") REFERENCES "storefront_stores" ("id") ON DELETE CASCADE
);

CREATE TABLE "storefront_live_sessions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_storefront_live_sessions" PRIMARY KEY,
    "store_id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_storefront_live_sessions_storefront_stores_store_id" FOREIGN KEY ("store_id") REFERENCES "storefront_stores" ("id") ON DELETE CASCADE
);

CREATE TABLE "storefront_subscribers" (
    "id" TEXT NOT NULL CONSTRAINT "pk_storefront_subscribers" PRIMARY KEY,
    "store_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "joined_at" TEXT NOT NULL,
    CONSTRAINT "fk_storefront_subscribers_storefront_stores_store_id" FOREIGN KEY ("store_id") REFERENCES "storefront_stores" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_storefront_blogs_store_id_slug" ON "storefront_blogs" ("store_id", "slug");

CREATE INDEX "ix_storefront_live_sessions_store_id" ON "storefront_live_sessions" ("store_id");

CREATE INDEX "ix_storefront_outbox_processed_at" ON "storefront_outbox" ("processed_at");

CREATE UNIQUE INDEX "ix_storefront_stores_slug" ON "storefront_stores" ("slug");

CREATE UNIQUE INDEX "ix_storefront_stores_workspace_id" ON "storefront_stores" ("workspace_id");

CREATE INDEX "ix_storefront_subscribers_store_id" ON "storefront_subscribers" ("store_id");
