using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>The coach answers a nudge: one of its buttons' actions (JSON, owner only, antiforgery header).</summary>
internal static class NudgeEndpoints
{
    public static string RespondPath(Guid nudgeId) => $"/api/nudges/{nudgeId:D}/respond";

    public static void MapNudgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/nudges/{id:guid}/respond", async (Guid id, NudgeAnswer? answer, HttpContext http, IAntiforgery antiforgery, NudgeResponses responses, CancellationToken cancellationToken) =>
        {
            // The widget sends JSON with the RequestVerificationToken header; the middleware only
            // checks form posts, so the token is checked here (a snooze is a state change).
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest(new { error = "Missing or invalid antiforgery token: send the RequestVerificationToken header from the page." });
            }

            if (string.IsNullOrWhiteSpace(answer?.Action) || answer.Action.Length > 50)
            {
                return Results.BadRequest(new { error = "action is required (at most 50 characters)." });
            }

            var outcome = await responses.RespondAsync(http.User.RequireOwnedWorkspace(), http.User.UserId()!.Value, id, answer.Action, cancellationToken);
            return outcome switch
            {
                NudgeResponses.Outcome.Recorded => Results.Ok(new { recorded = true }),
                NudgeResponses.Outcome.AlreadyAnswered => Results.Ok(new { recorded = false }),
                NudgeResponses.Outcome.UnknownAction => Results.BadRequest(new { error = $"'{answer.Action}' is not one of this nudge's buttons." }),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization(WorkspaceClaims.OwnerPolicy);
    }

    internal sealed record NudgeAnswer(string? Action);
}
