namespace CreatorOS.Modules.Experiments.Metrics;

/// <summary>
/// A conversion metric over this module's facts, counted in the database: per variant, the eligible
/// units of the current version {5} (window started by {4}) and those with a fact in their window after assignment. Each unit
/// is one probe of ix_experiments_events_event_name_unit_id_occurred_at (migration 0060), so the
/// retention panel reads three small result sets instead of every assignment three times.
/// Windows are whole days of 24 hours, as <see cref="MetricCalculator.ComputeAsync"/> adds them;
/// on SQLite timestamps are EF's sortable binary form, where a day is 864,000,000 × 2^11.
/// </summary>
internal static class ConversionQuery
{
    public const string Sqlite = """
        SELECT a.variant AS "Variant", COUNT(*) AS "Units",
               SUM(CASE WHEN EXISTS (
                   SELECT 1 FROM experiments_events e
                   WHERE e.event_name = {1} AND e.unit_id = a.unit_id
                     AND e.occurred_at >= a.assigned_at + {2} * 1769472000000
                     AND e.occurred_at < a.assigned_at + {3} * 1769472000000) THEN 1 ELSE 0 END) AS "Successes"
        FROM experiments_assignments a
        WHERE a.experiment_id = {0} AND a.version = {5} AND a.assigned_at <= {4}
        GROUP BY a.variant
        """;

    public const string Postgres = """
        SELECT a.variant AS "Variant", COUNT(*) AS "Units",
               COUNT(*) FILTER (WHERE EXISTS (
                   SELECT 1 FROM experiments_events e
                   WHERE e.event_name = {1} AND e.unit_id = a.unit_id
                     AND e.occurred_at >= a.assigned_at + make_interval(hours => 24 * {2})
                     AND e.occurred_at < a.assigned_at + make_interval(hours => 24 * {3}))) AS "Successes"
        FROM experiments_assignments a
        WHERE a.experiment_id = {0} AND a.version = {5} AND a.assigned_at <= {4}
        GROUP BY a.variant
        """;
}
