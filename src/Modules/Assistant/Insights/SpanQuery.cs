namespace CreatorOS.Modules.Assistant.Insights;

/// <summary>
/// Folds one day's events of a tracked name into <see cref="WorkspaceEventSpan"/> rows: an index
/// range on (event_name, created_at), one upsert per coach. Min and max make it idempotent, so a
/// day rolled twice, or already covered by migration 0060's backfill, changes nothing.
/// </summary>
internal static class SpanQuery
{
    public const string Sqlite = """
        INSERT INTO assistant_workspace_events (event_name, workspace_id, first_at, last_at)
        SELECT event_name, workspace_id, MIN(created_at), MAX(created_at)
        FROM assistant_events
        WHERE event_name = {0} AND created_at >= {1} AND created_at < {2}
        GROUP BY event_name, workspace_id
        ON CONFLICT (event_name, workspace_id) DO UPDATE SET
            first_at = MIN(first_at, excluded.first_at),
            last_at = MAX(last_at, excluded.last_at)
        """;

    public const string Postgres = """
        INSERT INTO assistant_workspace_events (event_name, workspace_id, first_at, last_at)
        SELECT event_name, workspace_id, MIN(created_at), MAX(created_at)
        FROM assistant_events
        WHERE event_name = {0} AND created_at >= {1} AND created_at < {2}
        GROUP BY event_name, workspace_id
        ON CONFLICT (event_name, workspace_id) DO UPDATE SET
            first_at = LEAST(assistant_workspace_events.first_at, excluded.first_at),
            last_at = GREATEST(assistant_workspace_events.last_at, excluded.last_at)
        """;
}
