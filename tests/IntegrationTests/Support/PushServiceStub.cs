using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Support;

/// <summary>
/// A browser push service on loopback (the part of FCM/Mozilla autopush a server talks to): it
/// accepts POSTs to subscription endpoints and keeps the raw requests so tests can decrypt them.
/// </summary>
public sealed class PushServiceStub : IAsyncDisposable
{
    private readonly WebApplication _app;

    private PushServiceStub(WebApplication app) => _app = app;

    public ConcurrentQueue<ReceivedPush> Received { get; } = new();

    /// <summary>Status code answered for endpoints whose path ends with this; 201 otherwise.</summary>
    public ConcurrentDictionary<string, int> Answers { get; } = new();

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<PushServiceStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var stub = new PushServiceStub(app);
        app.MapPost("/push/{id}", async (string id, HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            stub.Received.Enqueue(new ReceivedPush(id, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), buffer.ToArray()));
            return Results.StatusCode(stub.Answers.GetValueOrDefault(id, 201));
        });
        await app.StartAsync();
        stub.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedPush(string Id, IReadOnlyDictionary<string, string> Headers, byte[] Body);
