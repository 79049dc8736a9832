using System.Diagnostics;
using System.Globalization;
using CreatorOS.Contracts.Assistant;
using CreatorOS.Modules.Experiments.Dashboard;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace CreatorOS.Bench.Experiments;

/// <summary>
/// Loads a year of Avery analytics (10 million events by default, 50,000 coaches with their
/// conversations and onboarding_v1 assignments, nudges) into a database (or reuses one loaded
/// before, <c>--keep</c>), rolls up the closed days as the nightly job does, then times every
/// dashboard panel for 30 and 365 days: cold (first read in a freshly started process) and warm
/// (median of 5 reads).
/// </summary>
internal static class DashboardBench
{
    public const string PostgresVariable = "CREATOROS_BENCH_POSTGRES";

    private static readonly (string Name, int Weight)[] Mix =
    [
        ("avery_message_sent", 30), ("avery_button_clicked", 14), ("avery_free_text_used", 12), ("avery_function_executed", 16),
        ("avery_api_call", 16), ("avery_skip_clicked", 3), ("avery_error", 1), ("avery_blog_generated", 2),
        ("avery_conversation_started", 3), ("avery_onboarding_completed", 2), ("avery_message_moderated", 1),
    ];

    private static readonly string[] Variants = ["control", "scorecard", "avery", "avery"];
    private static readonly string[] Phases = ["discovery", "social_connect", "content_import", "profile_setup", "pricing", "launch", "next_steps", "complete"];
    private static readonly string[] Functions = ["update_coach_profile", "generate_blog_posts", "set_subscription_price", "apply_store_template", "schedule_live_session", "generate_share_content", "get_niche_benchmarks"];

    public static async Task<int> RunAsync(DashboardOptions options)
    {
        var folder = Directory.CreateTempSubdirectory("creatoros-dashboard-bench-").FullName;
        string connectionString;
        string? postgresAdmin = null, postgresName = null;
        if (options.Provider == "sqlite")
        {
            connectionString = $"Data Source={Path.GetFullPath(options.Keep ?? Path.Combine(folder, "bench.db"))}";
        }
        else
        {
            postgresAdmin = Environment.GetEnvironmentVariable(PostgresVariable)
                ?? throw new InvalidOperationException($"--db postgres needs {PostgresVariable}, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres'.");
            postgresName = options.Keep ?? "creatoros_dash_" + Guid.NewGuid().ToString("N")[..12];
            await using (var admin = new NpgsqlConnection(postgresAdmin))
            {
                await admin.OpenAsync();
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin) { Parameters = { new() { Value = postgresName } } };
                if (await exists.ExecuteScalarAsync() is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE {postgresName}", admin);
                    await create.ExecuteNonQueryAsync();
                }
            }

            connectionString = new NpgsqlConnectionStringBuilder(postgresAdmin) { Database = postgresName }.ConnectionString;
        }

        try
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow);
            await using (var host = new BenchHost(options.Provider, connectionString, folder))
            {
                // Starting the host applies the migrations (and whatever they backfill).
                var migrate = Stopwatch.StartNew();
                _ = host.Services;
                Console.WriteLine($"start-up with migrations: {migrate.Elapsed.TotalSeconds:F1} s");
                if (await CountEventsAsync(options.Provider, connectionString) == 0)
                {
                    var coaches = Enumerable.Range(0, options.Coaches).Select(_ => Guid.NewGuid()).ToArray();
                    var firstDay = today.AddDays(-options.Days + 1);
                    var load = Stopwatch.StartNew();
                    if (options.Provider == "sqlite")
                    {
                        LoadSqlite(connectionString, options, coaches, firstDay);
                    }
                    else
                    {
                        await LoadPostgresAsync(connectionString, options, coaches, firstDay);
                    }

                    Console.WriteLine($"loaded {options.Rows:N0} assistant_events, {options.Coaches:N0} coaches over {options.Days} days on {options.Provider} in {load.Elapsed.TotalSeconds:F1} s");
                }
                else
                {
                    Console.WriteLine($"reusing the events already loaded in {options.Keep}");
                }

                // What the nightly job (and the start-up catch-up) does: a one-time cost on a fresh load.
                var rollup = Stopwatch.StartNew();
                await using var scope = host.Services.CreateAsyncScope();
                var rolled = await scope.ServiceProvider.GetRequiredService<IAssistantInsights>().RollUpAsync(today, CancellationToken.None);
                Console.WriteLine($"roll-up of {rolled} closed days not rolled up yet: {rollup.Elapsed.TotalSeconds:F1} s");
            }

            // Cold: the first read of each panel in a freshly started process (EF models, query plans and today's live aggregate not cached).
            Dictionary<string, double> cold30, cold365, warm30, warm365;
            await using (var host = new BenchHost(options.Provider, connectionString, folder))
            {
                cold30 = await TimePanelsAsync(host.Services, 30, runs: 1);
            }

            await using (var host = new BenchHost(options.Provider, connectionString, folder))
            {
                cold365 = await TimePanelsAsync(host.Services, 365, runs: 1);
                warm30 = await TimePanelsAsync(host.Services, 30, runs: 5);
                warm365 = await TimePanelsAsync(host.Services, 365, runs: 5);
            }

            Console.WriteLine();
            Console.WriteLine($"| panel ({options.Provider}, {options.Rows:N0} events) | cold 30 days | cold 365 days | warm 30 days (median of 5) | warm 365 days (median of 5) |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var key in DashboardPanels.Keys)
            {
                Console.WriteLine($"| {key} | {cold30[key]:F0} ms | {cold365[key]:F0} ms | {warm30[key]:F1} ms | {warm365[key]:F1} ms |");
            }

            Console.WriteLine($"| max | {cold30.Values.Max():F0} ms | {cold365.Values.Max():F0} ms | {warm30.Values.Max():F1} ms | {warm365.Values.Max():F1} ms |");
            return 0;
        }
        finally
        {
            if (postgresName is not null && options.Keep is null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var admin = new NpgsqlConnection(postgresAdmin);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<long> CountEventsAsync(string provider, string connectionString)
    {
        if (provider == "sqlite")
        {
            using var sqlite = new SqliteConnection(connectionString);
            sqlite.Open();
            using var count = new SqliteCommand("SELECT COUNT(*) FROM (SELECT 1 FROM assistant_events LIMIT 1)", sqlite);
            return (long)count.ExecuteScalar()!;
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM (SELECT 1 FROM assistant_events LIMIT 1) AS any_event", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<Dictionary<string, double>> TimePanelsAsync(IServiceProvider services, int days, int runs)
    {
        var result = new Dictionary<string, double>();
        foreach (var key in DashboardPanels.Keys)
        {
            var times = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                await using var scope = services.CreateAsyncScope();
                var panels = scope.ServiceProvider.GetRequiredService<DashboardPanels>();
                var watch = Stopwatch.StartNew();
                _ = await panels.BuildAsync(key, days, CancellationToken.None);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            times.Sort();
            result[key] = times[times.Count / 2];
        }

        return result;
    }

    private static IEnumerable<(Guid Id, Guid Coach, string Name, string Properties, DateTimeOffset At)> Events(DashboardOptions options, Guid[] coaches, DateOnly firstDay)
    {
        var random = new Random(11);
        var totalWeight = Mix.Sum(m => m.Weight);
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var span = DateTimeOffset.UtcNow - start;
        for (var i = 0; i < options.Rows; i++)
        {
            // Time-ordered, as events are written.
            var at = start + (span * ((double)i / options.Rows));
            var pick = random.Next(totalWeight);
            var name = Mix[0].Name;
            foreach (var (candidate, weight) in Mix)
            {
                if (pick < weight)
                {
                    name = candidate;
                    break;
                }

                pick -= weight;
            }

            var phase = Phases[random.Next(Phases.Length - 1)];
            var properties = name switch
            {
                "avery_message_sent" => $$"""{"role":"coach","phase":"{{phase}}"}""",
                "avery_button_clicked" => $$"""{"action":"next","phase":"{{phase}}"}""",
                "avery_free_text_used" => $$"""{"phase":"{{phase}}","length":{{random.Next(5, 200)}}}""",
                "avery_function_executed" => $$"""{"name":"{{Functions[random.Next(Functions.Length)]}}","ok":true,"ms":{{random.Next(1, 50)}}}""",
                "avery_api_call" => $$"""{"model":"gpt-4o-mini","cost_usd":{{(random.Next(1, 400) / 100000.0).ToString(CultureInfo.InvariantCulture)}}}""",
                "avery_skip_clicked" => $$"""{"phase":"{{phase}}"}""",
                "avery_error" => """{"code":"brain_failed"}""",
                "avery_blog_generated" => """{"count":3}""",
                "avery_onboarding_completed" => $$"""{"durationSeconds":{{random.Next(90, 1800)}}}""",
                _ => "{}",
            };
            yield return (Guid.CreateVersion7(at), coaches[random.Next(coaches.Length)], name, properties, at);
        }
    }

    private static void LoadSqlite(string connectionString, DashboardOptions options, Guid[] coaches, DateOnly firstDay)
    {
        var timestamps = new DateTimeOffsetToBinaryConverter();
        long Ts(DateTimeOffset value) => (long)timestamps.ConvertToProvider(value)!;
        static string G(Guid id) => id.ToString("D").ToUpperInvariant();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        Execute(connection, null, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144");

        // Bulk load: secondary indexes are dropped and rebuilt once (sorted) afterwards, instead of
        // updating a random-order workspace index for every row.
        var indexes = new List<(string Name, string Sql)>();
        using (var list = new SqliteCommand("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'assistant_events' AND sql IS NOT NULL", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var index in indexes)
        {
            Execute(connection, null, $"DROP INDEX \"{index.Name}\"");
        }

        var transaction = connection.BeginTransaction();
        var insert = new SqliteCommand("INSERT INTO assistant_events (id, workspace_id, user_id, event_name, properties, created_at) VALUES ($id, $w, $w, $n, $p, $t)", connection, transaction);
        var (id, w, n, p, t) = (insert.Parameters.Add("$id", SqliteType.Text), insert.Parameters.Add("$w", SqliteType.Text), insert.Parameters.Add("$n", SqliteType.Text), insert.Parameters.Add("$p", SqliteType.Text), insert.Parameters.Add("$t", SqliteType.Integer));
        insert.Prepare();
        var count = 0;
        foreach (var e in Events(options, coaches, firstDay))
        {
            (id.Value, w.Value, n.Value, p.Value, t.Value) = (G(e.Id), G(e.Coach), e.Name, e.Properties, Ts(e.At));
            insert.ExecuteNonQuery();
            if (++count % 1_000_000 == 0)
            {
                transaction.Commit();
                transaction.Dispose();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
            }
        }

        foreach (var index in indexes)
        {
            Execute(connection, transaction, index.Sql);
        }

        var random = new Random(5);
        var experimentId = Scalar(connection, transaction, "SELECT id FROM experiments_experiments WHERE key = 'onboarding_v1'");
        var context = new SqliteCommand("INSERT INTO assistant_coach_context (workspace_id, user_id, current_phase, phase_data, onboarding_complete, total_messages, last_interaction_at, created_at, updated_at) VALUES ($w, $w, $phase, '{}', $done, 0, $t, $t, $t)", connection, transaction);
        var assignment = new SqliteCommand("INSERT INTO experiments_assignments (id, experiment_id, unit_id, variant, version, bucket, assigned_at) VALUES ($id, $e, $u, $v, 1, 0.5, $t)", connection, transaction);
        var nudge = new SqliteCommand("INSERT INTO assistant_nudges (id, workspace_id, user_id, nudge_type, scheduled_for, message_content, status, sent_at, responded_at, created_at) VALUES ($id, $w, $w, $type, $t, 'nudge', 'sent', $t, $r, $t)", connection, transaction);
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        foreach (var coach in coaches)
        {
            var at = start.AddMinutes(random.Next(0, options.Days * 1440));
            var phase = Phases[random.Next(Phases.Length)];
            context.Parameters.Clear();
            context.Parameters.AddWithValue("$w", G(coach));
            context.Parameters.AddWithValue("$phase", phase);
            context.Parameters.AddWithValue("$done", phase == "complete" ? 1 : 0);
            context.Parameters.AddWithValue("$t", Ts(at));
            context.ExecuteNonQuery();
            assignment.Parameters.Clear();
            assignment.Parameters.AddWithValue("$id", G(Guid.NewGuid()));
            assignment.Parameters.AddWithValue("$e", experimentId);
            assignment.Parameters.AddWithValue("$u", coach.ToString("D"));
            assignment.Parameters.AddWithValue("$v", Variants[random.Next(4)]);
            assignment.Parameters.AddWithValue("$t", Ts(at));
            assignment.ExecuteNonQuery();
            if (random.NextDouble() < 0.4)
            {
                nudge.Parameters.Clear();
                nudge.Parameters.AddWithValue("$id", G(Guid.NewGuid()));
                nudge.Parameters.AddWithValue("$w", G(coach));
                nudge.Parameters.AddWithValue("$type", random.NextDouble() < 0.5 ? "no_login_3_days" : "churn_risk");
                nudge.Parameters.AddWithValue("$t", Ts(at.AddDays(3)));
                nudge.Parameters.AddWithValue("$r", random.NextDouble() < 0.3 ? Ts(at.AddDays(3.1)) : DBNull.Value);
                nudge.ExecuteNonQuery();
            }
        }

        transaction.Commit();
        Execute(connection, null, "ANALYZE");
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }

    private static object Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = new SqliteCommand(sql, connection, transaction);
        return command.ExecuteScalar()!;
    }

    private static async Task LoadPostgresAsync(string connectionString, DashboardOptions options, Guid[] coaches, DateOnly firstDay)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        // Bulk load: secondary indexes are dropped during the COPY and built once afterwards.
        var indexes = new List<(string Name, string Sql)>();
        await using (var list = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'assistant_events' AND indexname NOT LIKE 'pk_%'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                indexes.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var index in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX {index.Name}", connection);
            await drop.ExecuteNonQueryAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY assistant_events (id, workspace_id, user_id, event_name, properties, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var e in Events(options, coaches, firstDay))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(e.Id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(e.Coach, NpgsqlDbType.Uuid);
                await writer.WriteAsync(e.Coach, NpgsqlDbType.Uuid);
                await writer.WriteAsync(e.Name, NpgsqlDbType.Varchar);
                await writer.WriteAsync(e.Properties, NpgsqlDbType.Text);
                await writer.WriteAsync(e.At, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        foreach (var index in indexes)
        {
            await using var create = new NpgsqlCommand(index.Sql, connection) { CommandTimeout = 0 };
            await create.ExecuteNonQueryAsync();
        }

        Guid experimentId;
        await using (var find = new NpgsqlCommand("SELECT id FROM experiments_experiments WHERE key = 'onboarding_v1'", connection))
        {
            experimentId = (Guid)(await find.ExecuteScalarAsync())!;
        }

        var random = new Random(5);
        var start = new DateTimeOffset(firstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        await using (var writer = await connection.BeginBinaryImportAsync("COPY assistant_coach_context (workspace_id, user_id, current_phase, phase_data, onboarding_complete, total_messages, last_interaction_at, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var coach in coaches)
            {
                var at = start.AddMinutes(random.Next(0, options.Days * 1440));
                var phase = Phases[random.Next(Phases.Length)];
                await writer.WriteRowAsync(CancellationToken.None, coach, coach, phase, "{}", phase == "complete", 0, at, at, at);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY experiments_assignments (id, experiment_id, unit_id, variant, version, bucket, assigned_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var coach in coaches)
            {
                var at = start.AddMinutes(random.Next(0, options.Days * 1440));
                await writer.WriteRowAsync(CancellationToken.None, Guid.NewGuid(), experimentId, coach.ToString("D"), Variants[random.Next(4)], 1, 0.5, at);
            }

            await writer.CompleteAsync();
        }

        await using (var writer = await connection.BeginBinaryImportAsync("COPY assistant_nudges (id, workspace_id, user_id, nudge_type, scheduled_for, message_content, status, sent_at, responded_at, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var coach in coaches.Where(_ => random.NextDouble() < 0.4))
            {
                var at = start.AddMinutes(random.Next(0, options.Days * 1440));
                await writer.StartRowAsync();
                await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await writer.WriteAsync(coach, NpgsqlDbType.Uuid);
                await writer.WriteAsync(coach, NpgsqlDbType.Uuid);
                await writer.WriteAsync(random.NextDouble() < 0.5 ? "no_login_3_days" : "churn_risk", NpgsqlDbType.Varchar);
                await writer.WriteAsync(at.AddDays(3), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync("nudge", NpgsqlDbType.Text);
                await writer.WriteAsync("sent", NpgsqlDbType.Varchar);
                await writer.WriteAsync(at.AddDays(3), NpgsqlDbType.TimestampTz);
                if (random.NextDouble() < 0.3)
                {
                    await writer.WriteAsync(at.AddDays(3.1), NpgsqlDbType.TimestampTz);
                }
                else
                {
                    await writer.WriteNullAsync();
                }

                await writer.WriteAsync(at, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync();
        }

        await using var analyze = new NpgsqlCommand("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
