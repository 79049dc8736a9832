using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CreatorOS.Contracts.Storefront;
using CreatorOS.FakeProviders;
using CreatorOS.Modules.Assistant.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Bench.AveryLlmOverhead;

/// <summary>
/// The app's own time before a model is asked, per coach message: from the socket send to the
/// moment the (instant) fake provider receives the chat request — the rate-limit and duplicate
/// guards, moderation, conversation and store load, history window, prompt and tool declarations,
/// request serialisation and the loopback hop. Also prints the time to the first streamed chunk.
/// Usage: dotnet run -c Release --project bench/AveryLlmOverhead -- [messages=500] [warmup=50]
/// </summary>
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        var messages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var warmup = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50;
        var folder = Directory.CreateTempSubdirectory("creatoros-llm-bench-").FullName;
        try
        {
            await using var model = await FakeOpenAiServer.StartAsync();
            model.Responder = _ => FakeStep.Say("Got it, thanks!");
            long arrived = 0;
            model.Arrived = t => Interlocked.Exchange(ref arrived, t);
            await using var host = new OverheadHost(folder, model.BaseUrl);
            var address = host.Start();

            var workspace = Guid.NewGuid();
            var user = Guid.NewGuid();
            await using (var scope = host.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<IStorefront>().OpenAsync(workspace, "Bench Coach", CancellationToken.None);
            }

            var ticket = host.Services.GetRequiredService<SocketTickets>().Issue(workspace, user, "Bench Coach");
            using var socket = new ClientWebSocket();
            var ws = new UriBuilder(address) { Scheme = "ws", Path = "/avery/ws", Query = "ticket=" + Uri.EscapeDataString(ticket) }.Uri;
            await socket.ConnectAsync(ws, CancellationToken.None);
            await ReadUntilAsync(socket, "avery_message");

            var overhead = new List<double>();
            var firstChunk = new List<double>();
            for (var i = 0; i < warmup + messages; i++)
            {
                var text = $"message {i} about my store";
                var frame = JsonSerializer.Serialize(new { type = "coach_message", payload = new { text }, messageId = "m" + i });
                var sent = Stopwatch.GetTimestamp();
                await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, CancellationToken.None);
                var chunkAt = await ReadUntilAsync(socket, "avery_stream_chunk");
                await ReadUntilAsync(socket, "avery_stream_end");
                if (i >= warmup)
                {
                    overhead.Add(Stopwatch.GetElapsedTime(sent, Interlocked.Read(ref arrived)).TotalMilliseconds);
                    firstChunk.Add(Stopwatch.GetElapsedTime(sent, chunkAt).TotalMilliseconds);
                }
            }

            Console.WriteLine($"Avery LLM path, {messages} messages after {warmup} warm-up, fake provider answering instantly, SQLite, {Environment.ProcessorCount} cores");
            Print("overhead before the model is asked", overhead);
            Print("first streamed chunk (incl. model call, save)", firstChunk);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Print(string name, List<double> samples)
    {
        samples.Sort();
        double P(double q) => samples[Math.Min(samples.Count - 1, (int)Math.Ceiling(q * samples.Count) - 1)];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-48} p50 {P(0.50),7:0.00} ms  p90 {P(0.90),7:0.00} ms  p99 {P(0.99),7:0.00} ms  max {samples[^1],7:0.00} ms"));
    }

    /// <summary>Reads frames until one of the given type; returns the timestamp it arrived.</summary>
    private static async Task<long> ReadUntilAsync(ClientWebSocket socket, string type)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var count = 0;
            ValueWebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer.AsMemory(count), timeout.Token);
                count += result.Count;
            }
            while (!result.EndOfMessage);
            var at = Stopwatch.GetTimestamp();
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The server closed the socket.");
            }

            using var json = JsonDocument.Parse(buffer.AsMemory(0, count));
            if (json.RootElement.GetProperty("type").GetString() == type)
            {
                return at;
            }
        }
    }
}
