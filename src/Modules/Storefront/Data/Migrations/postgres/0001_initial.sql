-- Storefront schema: stores, blog posts, live sessions, subscribers and the module's outbox.
-- Generated from StorefrontDbContext (GenerateCreateScript, PostgreSQL) and kept by hand from here on.

CREATE TABLE storefront_outbox (
    id uuid NOT NULL,
    type character varying(300) NOT NULL,
    payload text NOT NULL,
    occurred_at timestamp with time zone NOT NULL,
    processed_at timestamp with time zone,
    attempts integer NOT NULL,
    last_error character varying(2000),
    CONSTRAINT pk_storefront_outbox PRIMARY KEY (id)
);

CREATE TABLE storefront_stores (
    id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    slug character varying(60) NOT NULL,
    business_name character varying(120) NOT NULL,
    preferred_name character varying(100),
    niche character varying(20),
    specialty character varying(200),
    bio character varying(1000),
    tone character varying(20) NOT NULL,
    photo_url character varying(1000),
    template_id character varying(40) NOT NULL,
    template_chosen boolean NOT NULL,
    primary_color character varying(7) NOT NULL,
    secondary_color character varying(7) NOT NULL,
    font_family character varying(200) NOT NULL,
    hero_style character varying(20) NOT NULL,
    banner_gradient character varying(200) NOT NULL,
    price_currency character varying(3),
    price_amount numeric(10,2),
    is_shared boolean NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_storefront_stores PRIMARY KEY (id)
);

CREATE TABLE storefront_blogs (
    id uuid NOT NULL,
    store_id uuid NOT NULL,
    slug character varying(60) NOT NULL,
    title character varying(200) NOT NULL,
    body_markdown character varying(50000) NOT NULL,
    category character varying(60),
    tags character varying(500) NOT NULL,
    cover_image_url character varying(1000),
    status character varying(20) NOT NULL,
    source_platform character varying(40),
    source_post_id character varying(200),
    created_at timestamp with time zone NOT NULL,
    published_at timestamp with time zone,
    CONSTRAINT pk_storefront_blogs PRIMARY KEY (id),
    CONSTRAINT fk_storefront_blogs_storefront_stores_store_id FOREIGN KEY (store_id) REFERENCES storefront_stores (id) ON DELETE CASCADE
);

CREATE TABLE storefront_live_sessions (
    id uuid NOT NULL,
    store_id uuid NOT NULL,
    title character varying(120) NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_storefront_live_sessions PRIMARY KEY (id),
    CONSTRAINT fk_storefront_live_sessions_storefront_stores_store_id FOREIGN KEY (store_id) REFERENCES storefront_stores (id) ON DELETE CASCADE
);

CREATE TABLE storefront_subscribers (
    id uuid NOT NULL,
    store_id uuid NOT NULL,
    name character varying(100) NOT NULL,
    joined_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_storefront_subscribers PRIMARY KEY (id),
    CONSTRAINT fk_storefront_subscribers_storefront_stores_store_id FOREIGN KEY (store_id) REFERENCES storefront_stores (id) ON DELETE CASCADE
);

CREATE UNIQUE INDEX ix_storefront_blogs_store_id_slug ON storefront_blogs (store_id, slug);

CREATE INDEX ix_storefront_live_sessions_store_id ON storefront_live_sessions (store_id);

CREATE INDEX ix_storefront_outbox_processed_at ON storefront_outbox (processed_at);

CREATE UNIQUE INDEX ix_storefront_stores_slug ON storefront_stores (slug);

CREATE UNIQUE INDEX ix_storefront_stores_workspace_id ON storefront_stores (workspace_id);

CREATE INDEX ix_storefront_subscribers_store_id ON storefront_subscribers (store_id);
