using CreatorOS.Contracts.Experiments;
using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CreatorOS.Modules.Experiments.Onboarding;

/// <summary>
/// Where sign-up sends a new coach: assigns the workspace its <c>onboarding_v1</c> variant and sends
/// it there. The exposure is logged by the page that renders the variant, not here.
/// </summary>
internal static class OnboardingEntry
{
    public static void MapOnboardingEntry(this IEndpointRouteBuilder app) =>
        app.MapGet(OnboardingExperiment.EntryPath, async (HttpContext http, IExperiments experiments, CancellationToken cancellationToken) =>
        {
            var workspaceId = http.User.RequireOwnedWorkspace();
            var decision = await experiments.AssignAsync(OnboardingExperiment.Key, UnitOf(workspaceId), null, cancellationToken);
            return Results.Redirect(PathFor(decision.Variant));
        }).RequireAuthorization(WorkspaceClaims.OwnerPolicy);

    public static string PathFor(string variant) => variant == OnboardingExperiment.Avery ? "/avery" : "/admin";

    /// <summary>Coach onboarding is assigned per workspace (the business), as the spec's coach_id.</summary>
    public static string UnitOf(Guid workspaceId) => workspaceId.ToString("D");
}
