-- The values a nudge was scheduled with (a subscriber's name, the milestone reached) are kept
-- beside its template as a JSON object instead of being written into it, so a value containing
-- "{...}" is never read as a placeholder when the nudge is sent.
ALTER TABLE engagement_nudges ADD COLUMN "values" VARCHAR(4000) NULL;
