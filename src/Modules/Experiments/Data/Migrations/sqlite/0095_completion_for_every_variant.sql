-- completion_rate counted Avery's avery_onboarding_completed only, so control and scorecard coaches,
-- who finish onboarding on the dashboard or the scorecard, counted as never completing. It now counts
-- this module's onboarding_completed facts, recorded for every variant's path (RecordOnboardingCompletion).
-- Completions before this migration were not recorded for any variant, so none is backfilled.

UPDATE experiments_metrics
SET source = 'experiments', event_name = 'onboarding_completed', name = 'Onboarding completion rate (every variant''s path)'
WHERE key = 'completion_rate';
