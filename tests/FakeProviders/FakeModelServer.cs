using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorOS.FakeProviders;

/// <summary>
/// What every fake model provider shares: a real Kestrel server on loopback, a script of
/// <see cref="FakeStep"/>s answered in order (then <see cref="Responder"/>), slow answers, and the log of
/// requests for assertions. Subclasses speak one provider's wire format.
/// </summary>
public abstract class FakeModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<FakeStep> _script = new();
    private readonly ConcurrentQueue<FakeRequest> _requests = new();
    private WebApplication? _app;
    private int _sequence;

    /// <summary>What <c>Ai:Provider</c> is set to for this wire format.</summary>
    public abstract string Provider { get; }

    /// <summary>Root of the API, what <c>Ai:BaseUrl</c> is set to.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Answers requests when the script is empty; by default a short sentence.</summary>
    public Func<FakeRequest, FakeStep> Responder { get; set; } = _ => FakeStep.Say("Sounds good!");

    public IReadOnlyList<FakeRequest> Requests => [.. _requests];

    /// <summary>Called with <see cref="System.Diagnostics.Stopwatch.GetTimestamp"/> when a chat request arrives, before its body is read (benchmarks).</summary>
    public Action<long>? Arrived { get; set; }

    /// <summary>Requests for a model answer (not moderation).</summary>
    public int ChatRequests => _requests.Count(r => r.Path == ChatPath);

    /// <summary>The path of the chat endpoint, e.g. /v1/messages.</summary>
    protected abstract string ChatPath { get; }

    public void Enqueue(params FakeStep[] steps)
    {
        foreach (var step in steps)
        {
            _script.Enqueue(step);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    protected static async Task<TServer> StartAsync<TServer>(TServer server, string apiRoot)
        where TServer : FakeModelServer
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost(server.ChatPath, server.ChatAsync);
        server.Map(app);
        await app.StartAsync();
        server._app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + apiRoot;
        return server;
    }

    /// <summary>Further endpoints of the provider (moderation…).</summary>
    protected virtual void Map(WebApplication app)
    {
    }

    /// <summary>Reads a request in the wire format; null when it was refused (the refusal is already written).</summary>
    protected abstract Task<FakeRequest?> ReadAsync(HttpContext http);

    /// <summary>Writes the scripted answer in the wire format: JSON, an event stream, or an HTTP error.</summary>
    protected abstract Task AnswerAsync(HttpContext http, FakeRequest request, FakeStep step, string id);

    protected void Record(FakeRequest request) => _requests.Enqueue(request);

    protected static async Task WriteEventAsync(HttpContext http, string? name, string data)
    {
        var text = (name is null ? string.Empty : "event: " + name + "\n") + "data: " + data + "\n\n";
        await http.Response.WriteAsync(text, Encoding.UTF8);
        await http.Response.Body.FlushAsync();
    }

    protected static void StartStream(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
    }

    /// <summary>Text cut into small pieces, as a model streams it.</summary>
    protected internal static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }

    private async Task ChatAsync(HttpContext http)
    {
        Arrived?.Invoke(System.Diagnostics.Stopwatch.GetTimestamp());
        var request = await ReadAsync(http);
        if (request is null)
        {
            return;
        }

        Record(request);
        var step = _script.TryDequeue(out var scripted) ? scripted : Responder(request);
        if (step.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(step.Delay, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        await AnswerAsync(http, request, step, "fake" + Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture));
    }
}
