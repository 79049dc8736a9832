using System.Text.Json;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// The coach answers a nudge: one of its buttons' actions (owner only, antiforgery token). The
/// Avery widget posts JSON with the token in a header; the inbox posts a plain form with the token
/// field and is sent back to the inbox, or on to Avery when the answer asks Avery to do something.
/// </summary>
internal static class NudgeEndpoints
{
    /// <summary>Form field naming where the inbox goes after answering: "avery" or the inbox.</summary>
    public const string NextField = "next";

    public static string RespondPath(Guid nudgeId) => $"/api/nudges/{nudgeId:D}/respond";

    public static void MapNudgeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/nudges/{id:guid}/respond", async (Guid id, HttpContext http, IAntiforgery antiforgery, NudgeResponses responses, CancellationToken cancellationToken) =>
        {
            // The middleware only checks endpoints that bind forms; this one reads JSON or a form
            // itself, so the token (header or form field) is checked here: a snooze is a state change.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest(new { error = "Missing or invalid antiforgery token: send the RequestVerificationToken header from the page." });
            }

            var fromForm = http.Request.HasFormContentType;
            var (action, next) = fromForm ? await ReadFormAsync(http.Request, cancellationToken) : (await ReadJsonAsync(http.Request, cancellationToken), null);
            if (string.IsNullOrWhiteSpace(action) || action.Length > 50)
            {
                return Results.BadRequest(new { error = "action is required (at most 50 characters)." });
            }

            var outcome = await responses.RespondAsync(http.User.RequireOwnedWorkspace(), http.User.UserId()!.Value, id, action, cancellationToken);
            return outcome switch
            {
                NudgeResponses.Outcome.Recorded or NudgeResponses.Outcome.AlreadyAnswered when fromForm =>
                    Results.Redirect(next == "avery" ? "/avery" : "/notifications"),
                NudgeResponses.Outcome.Recorded => Results.Ok(new { recorded = true }),
                NudgeResponses.Outcome.AlreadyAnswered => Results.Ok(new { recorded = false }),
                NudgeResponses.Outcome.UnknownAction => Results.BadRequest(new { error = $"'{action}' is not one of this nudge's buttons." }),
                _ => Results.NotFound(),
            };
        }).RequireAuthorization(WorkspaceClaims.OwnerPolicy);
    }

    private static async Task<(string? Action, string? Next)> ReadFormAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var form = await request.ReadFormAsync(cancellationToken);
        return (form["action"].ToString(), form[NextField].ToString());
    }

    /// <summary>A malformed body is a missing action, answered 400 like any other bad input.</summary>
    private static async Task<string?> ReadJsonAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return (await request.ReadFromJsonAsync<NudgeAnswer>(cancellationToken))?.Action;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    internal sealed record NudgeAnswer(string? Action);
}
