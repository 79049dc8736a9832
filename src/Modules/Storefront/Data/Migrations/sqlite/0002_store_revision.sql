-- A new stamp on every committed change, so store views can be cached across requests (StoreViewCache).
ALTER TABLE "storefront_stores" ADD COLUMN "revision" TEXT NOT NULL DEFAULT '00000000-0000-0000-0000-000000000000';
