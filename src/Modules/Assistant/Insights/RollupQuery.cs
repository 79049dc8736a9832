namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// The one aggregation every panel is built from: events of a time range grouped by name and the
/// dimension that event's panel needs. API calls are counted twice: once per day (dimension empty)
/// and once per coach under the pseudo-event <c>avery_api_call#coach</c>, which only the per-coach
/// panel reads. It scans the range through ix_assistant_events_created_at
/// (migration 0040) and reads the JSON properties only of the events that have a dimension.
/// Properties are written camelCase by the engine; the AI runtime's cost is read as the spec's
/// <c>cost_usd</c> (or <c>costUsd</c>).
/// </summary>
internal static class RollupQuery
{
    public const string Sqlite = """
        SELECT CASE WHEN event_name = 'avery_api_call' AND g = 1 THEN 'avery_api_call#coach' ELSE event_name END AS "EventName",
               COALESCE(CASE WHEN g = 1 THEN lower(workspace_id) ELSE CASE event_name
                   WHEN 'avery_function_executed' THEN json_extract(properties, '$.name')
                   WHEN 'avery_skip_clicked' THEN json_extract(properties, '$.phase')
                   WHEN 'avery_error' THEN json_extract(properties, '$.code')
                   WHEN 'avery_message_sent' THEN json_extract(properties, '$.role')
                   WHEN 'avery_onboarding_completed' THEN CAST(CAST(json_extract(properties, '$.durationSeconds') AS INTEGER) / 60 AS TEXT)
               END END, '') AS "Dimension",
               COUNT(*) AS "Count",
               COALESCE(SUM(CASE event_name
                   WHEN 'avery_api_call' THEN COALESCE(json_extract(properties, '$.cost_usd'), json_extract(properties, '$.costUsd'))
                   WHEN 'avery_onboarding_completed' THEN json_extract(properties, '$.durationSeconds')
               END), 0.0) AS "Total"
        FROM assistant_events
        CROSS JOIN (SELECT 0 AS g UNION ALL SELECT 1) AS grouping_set
        WHERE created_at >= {0} AND created_at < {1} AND (g = 0 OR event_name = 'avery_api_call')
        GROUP BY 1, 2
        """;

    public const string Postgres = """
        SELECT CASE WHEN event_name = 'avery_api_call' AND g = 1 THEN 'avery_api_call#coach' ELSE event_name END AS "EventName",
               COALESCE(CASE WHEN g = 1 THEN workspace_id::text ELSE CASE event_name
                   WHEN 'avery_function_executed' THEN properties::jsonb ->> 'name'
                   WHEN 'avery_skip_clicked' THEN properties::jsonb ->> 'phase'
                   WHEN 'avery_error' THEN properties::jsonb ->> 'code'
                   WHEN 'avery_message_sent' THEN properties::jsonb ->> 'role'
                   WHEN 'avery_onboarding_completed' THEN floor((properties::jsonb ->> 'durationSeconds')::numeric / 60)::bigint::text
               END END, '') AS "Dimension",
               COUNT(*) AS "Count",
               COALESCE(SUM(CASE event_name
                   WHEN 'avery_api_call' THEN COALESCE(properties::jsonb ->> 'cost_usd', properties::jsonb ->> 'costUsd')::double precision
                   WHEN 'avery_onboarding_completed' THEN (properties::jsonb ->> 'durationSeconds')::double precision
               END), 0.0) AS "Total"
        FROM assistant_events
        CROSS JOIN (VALUES (0), (1)) AS grouping_set (g)
        WHERE created_at >= {0} AND created_at < {1} AND (g = 0 OR event_name = 'avery_api_call')
        GROUP BY 1, 2
        """;
}
