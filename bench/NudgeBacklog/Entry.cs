using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.RegularExpressions;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.Modules.Engagement.Nudges;
using CreatorOS.SharedKernel.Outbox;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CreatorOS.Bench.NudgeBacklog;

/// <summary>Processes a backlog of due nudges (half for connected coaches) and prints nudges/s and the delivery lag.</summary>
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        // Usage: dotnet run -c Release --project bench/NudgeBacklog -- [sqlite|postgres] [nudges=100000] [coaches=100] [workers=4]
        // PostgreSQL: CREATOROS_BENCH_POSTGRES = an admin connection string; a throwaway database is created and dropped.
        var provider = args.ElementAtOrDefault(0) ?? "sqlite";
        var nudgeCount = int.Parse(args.ElementAtOrDefault(1) ?? "100000", CultureInfo.InvariantCulture);
        var coachCount = int.Parse(args.ElementAtOrDefault(2) ?? "100", CultureInfo.InvariantCulture);
        var workers = int.Parse(args.ElementAtOrDefault(3) ?? "4", CultureInfo.InvariantCulture);

        var folder = Directory.CreateTempSubdirectory("creatoros-nudge-bench-").FullName;
        string connectionString;
        string? dropName = null;
        var admin = Environment.GetEnvironmentVariable("CREATOROS_BENCH_POSTGRES");
        if (provider == "postgres")
        {
            if (string.IsNullOrWhiteSpace(admin))
            {
                Console.Error.WriteLine("postgres needs CREATOROS_BENCH_POSTGRES (admin connection string).");
                return 2;
            }

            dropName = "creatoros_nudgebench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await new NpgsqlCommand($"CREATE DATABASE {dropName}", connection).ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = dropName, MaxPoolSize = 50 }.ToString();
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(folder, "creatoros.db")}";
        }

        try
        {
            await using var host = new BacklogHost(provider, connectionString, folder);
            var baseAddress = host.Start();
            Console.WriteLine($"Nudge backlog: {nudgeCount:N0} nudges for {coachCount} coaches ({coachCount / 2} connected), {workers} workers, {provider}, {Environment.ProcessorCount} cores");

            // Coaches: registered, stores opened; the first half sign in and keep Avery's socket open.
            var coaches = new List<(Guid Workspace, Guid User, string Email)>();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var accounts = scope.ServiceProvider.GetRequiredService<IAccountRegistration>();
                for (var i = 0; i < coachCount; i++)
                {
                    var email = $"coach{i}@bench.test";
                    var result = await accounts.RegisterCoachAsync(new CoachRegistration(email, "bench password 2026", $"Coach {i}"), CancellationToken.None);
                    coaches.Add((result.WorkspaceId!.Value, result.UserId!.Value, email));
                }
            }

            await host.Services.GetRequiredService<OutboxDispatcher>().DispatchPendingAsync(CancellationToken.None);
            var liveFrames = 0L;
            var sockets = new List<ClientWebSocket>();
            foreach (var coach in coaches.Take(coachCount / 2))
            {
                var cookies = new CookieContainer();
                using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = baseAddress };
                var page = await http.GetStringAsync("/account/signin");
                var token = WebUtility.HtmlDecode(Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value);
                using var form = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["__RequestVerificationToken"] = token, ["_handler"] = "signin", ["Input.Email"] = coach.Email, ["Input.Password"] = "bench password 2026",
                });
                (await http.PostAsync("/account/signin", form)).EnsureSuccessStatusCode();
                var socket = new ClientWebSocket();
                socket.Options.Cookies = cookies;
                await socket.ConnectAsync(new UriBuilder(baseAddress) { Scheme = "ws", Path = "/avery/ws" }.Uri, CancellationToken.None);
                sockets.Add(socket);
                _ = Task.Run(async () =>
                {
                    var buffer = new byte[64 * 1024];
                    var message = new StringBuilder();
                    while (socket.State == WebSocketState.Open)
                    {
                        var read = await socket.ReceiveAsync(buffer, CancellationToken.None);
                        if (read.MessageType == WebSocketMessageType.Close)
                        {
                            break;
                        }

                        message.Append(Encoding.UTF8.GetString(buffer, 0, read.Count));
                        if (read.EndOfMessage)
                        {
                            if (message.ToString().Contains("\"content\":\"Hey", StringComparison.Ordinal))
                            {
                                Interlocked.Increment(ref liveFrames);
                            }

                            message.Clear();
                        }
                    }
                });
            }

            await Task.Delay(TimeSpan.FromSeconds(2)); // greetings out of the way

            // The backlog: all due now, spread evenly over the coaches.
            var due = DateTimeOffset.UtcNow;
            var kind = NudgeCatalogue.NoLogin3Days;
            var buttons = NudgeButtons.Write(kind.Buttons);
            var insert = Stopwatch.StartNew();
            for (var offset = 0; offset < nudgeCount; offset += 5000)
            {
                await using var scope = host.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
                for (var i = offset; i < Math.Min(nudgeCount, offset + 5000); i++)
                {
                    var coach = coaches[i % coachCount];
                    db.Nudges.Add(new Nudge
                    {
                        Id = Guid.CreateVersion7(), WorkspaceId = coach.Workspace, UserId = coach.User, NudgeType = kind.Type, ScheduledFor = due,
                        IdempotencyKey = $"bench:{i}", Template = kind.Template, Buttons = buttons, Status = Nudge.Pending, CreatedAt = due,
                    });
                }

                await db.SaveChangesAsync();
            }

            Console.WriteLine($"Backlog written in {insert.Elapsed.TotalSeconds:F1} s");

            var clock = Stopwatch.StartNew();
            var start = DateTimeOffset.UtcNow;
            var handled = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                var total = 0;
                while (true)
                {
                    // A fresh scope per batch, as the 5-minute job gets per fire.
                    await using var scope = host.Services.CreateAsyncScope();
                    var processed = await scope.ServiceProvider.GetRequiredService<NudgeProcessor>().ProcessDueAsync(DateTimeOffset.UtcNow, CancellationToken.None, batchSize: 200);
                    total += processed;
                    if (processed == 0)
                    {
                        return total;
                    }
                }
            })));
            clock.Stop();

            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EngagementDbContext>();
                var sent = await db.Nudges.AsNoTracking().Where(n => n.Status == Nudge.Sent).Select(n => new { n.SentAt, n.Channel }).ToListAsync();
                var lags = sent.Select(n => (n.SentAt!.Value - start).TotalMilliseconds).Order().ToList();
                double Percentile(double p) => lags.Count == 0 ? double.NaN : lags[Math.Min(lags.Count - 1, (int)Math.Ceiling(p * lags.Count) - 1)];
                Console.WriteLine($"Handled {handled.Sum():N0} in {clock.Elapsed.TotalSeconds:F1} s = {handled.Sum() / clock.Elapsed.TotalSeconds:N0} nudges/s");
                Console.WriteLine($"Sent {sent.Count:N0}: live {sent.Count(n => n.Channel == "live"):N0} (frames received {Interlocked.Read(ref liveFrames):N0}), stored+notified {sent.Count(n => n.Channel == "stored"):N0}");
                Console.WriteLine($"Delivery lag from due: p50 {Percentile(0.50) / 1000:F1} s, p95 {Percentile(0.95) / 1000:F1} s, max {Percentile(1) / 1000:F1} s");
                Console.WriteLine($"Notifications stored {await db.Notifications.CountAsync():N0}, email deliveries queued {await db.Deliveries.CountAsync():N0}");
            }

            foreach (var socket in sockets)
            {
                socket.Abort();
                socket.Dispose();
            }
        }
        finally
        {
            if (dropName is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync();
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS {dropName} WITH (FORCE)", connection).ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }
}
