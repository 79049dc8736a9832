using System.Text.Json;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Assistant.Conversation;
using CreatorOS.Modules.Assistant.Data;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>The HTTP side of the assistant: socket, widget tickets, history and the store the preview starts from.</summary>
internal static class AssistantEndpoints
{
    public const int MaxHistory = 200;

    public static void MapAssistantEndpoints(this IEndpointRouteBuilder app)
    {
        app.Map("/avery/ws", (HttpContext http, AverySocket socket) => socket.HandleAsync(http));

        var owner = app.MapGroup("/avery").RequireAuthorization(WorkspaceClaims.OwnerPolicy);

        owner.MapPost("/ticket", async (HttpContext http, IAntiforgery antiforgery, SocketTickets tickets) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing or invalid antiforgery token", detail: "Send the RequestVerificationToken header from the page.");
            }

            var user = http.User;
            var ticket = tickets.Issue(user.RequireOwnedWorkspace(), user.UserId()!.Value, user.FindFirst(WorkspaceClaims.WorkspaceName)?.Value ?? "My store");
            return Results.Ok(new { ticket, expiresInSeconds = (int)SocketTickets.Lifetime.TotalSeconds });
        });

        owner.MapGet("/messages", async (HttpContext http, AssistantDbContext db, IStorefront storefront, ISocialConnections social, int? limit, CancellationToken cancellationToken) =>
        {
            var take = Math.Clamp(limit ?? 50, 1, MaxHistory);
            var workspaceId = http.User.RequireOwnedWorkspace();
            var userId = http.User.UserId()!.Value;
            var recent = await db.Messages.AsNoTracking()
                .Where(m => m.WorkspaceId == workspaceId && m.UserId == userId)
                .OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
                .Take(take)
                .ToListAsync(cancellationToken);
            recent.Reverse();
            var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.WorkspaceId == workspaceId && c.UserId == userId, cancellationToken);
            var state = PhaseStateJson.Read(conversation?.PhaseData);
            var store = await storefront.FindAsync(workspaceId, cancellationToken);
            var scorecard = store is null ? new Scorecard(false, false, false, false, false) : PhaseRules.ScorecardOf(store, socialsConnected: await social.AnyAsync(workspaceId, cancellationToken));
            return Results.Ok(new
            {
                messages = recent.Select(m => new
                {
                    m.Id,
                    m.Role,
                    m.Content,
                    buttons = Raw(m.Buttons),
                    preview = Raw(m.Preview),
                    m.Phase,
                    m.ProgressPct,
                    m.CreatedAt,
                }),
                phase = store is null ? OnboardingPhase.Discovery.WireName() : PhaseRules.CurrentPhase(store, scorecard, state).WireName(),
                progressPct = store is null ? 0 : PhaseRules.ProgressPct(store, scorecard, state),
                scorecard,
                onboardingComplete = conversation?.OnboardingComplete ?? false,
            });
        });

        owner.MapGet("/store", async (HttpContext http, IStorefront storefront, CancellationToken cancellationToken) =>
        {
            var workspaceId = http.User.RequireOwnedWorkspace();
            var store = await storefront.FindAsync(workspaceId, cancellationToken)
                ?? await storefront.OpenAsync(workspaceId, http.User.FindFirst(WorkspaceClaims.WorkspaceName)?.Value ?? "My store", cancellationToken);
            return Results.Json(StoreSnapshot.Of(store, $"{http.Request.Scheme}://{http.Request.Host}{store.Path}"));
        });
    }

    private static JsonElement? Raw(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
