using System.Reflection;
using CreatorOS.Contracts.Accounts;
using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Accounts.Data;
using CreatorOS.Modules.Accounts.Privacy;
using CreatorOS.Modules.Accounts.Registration;
using CreatorOS.Modules.Accounts.Users;
using CreatorOS.Modules.Accounts.Workspaces;
using CreatorOS.SharedKernel.Identity;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Accounts;

/// <summary>Users, workspaces and roles; sign-up, sign-in, sign-out; GDPR export and erasure.</summary>
public static class AccountsModule
{
    public static Assembly Assembly => typeof(AccountsModule).Assembly;

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddModuleDbContext<AccountsDbContext>(AccountsDbContext.Prefix);

        services.AddIdentity<AccountUser, IdentityRole<Guid>>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequiredUniqueChars = 4;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<AccountsDbContext>()
            .AddPasswordValidator<PasswordRules>()
            .AddClaimsPrincipalFactory<WorkspaceClaimsFactory>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "creatoros.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = "/account/signin";
            options.AccessDeniedPath = "/account/denied";
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(WorkspaceClaims.OwnerPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(WorkspaceClaims.WorkspaceId)
                .RequireClaim(WorkspaceClaims.WorkspaceRole, WorkspaceRoles.Owner))
            .AddPolicy(WorkspaceClaims.PlatformAdminPolicy, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(WorkspaceClaims.PlatformAdmin, "true"));

        services.AddScoped<IAccountRegistration, CoachRegistrar>();
        services.AddScoped<IUserDirectory, UserDirectory>();
        services.AddScoped<AccountDataRequests>();
        services.AddScoped<IPersonalDataOwner, AccountsPersonalData>();
        return services;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder app)
    {
        // [FromForm] makes the antiforgery middleware validate the token.
        app.MapPost("/account/signout", async ([FromForm] string? returnUrl, SignInManager<AccountUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/");
        });

        app.MapGet("/account/export", async (HttpContext context, UserManager<AccountUser> users, AccountDataRequests requests, TimeProvider clock) =>
        {
            var user = await users.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.Unauthorized();
            }

            var export = await requests.ExportAsync(user.Id, context.RequestAborted);
            var fileName = $"creatoros-export-{clock.GetUtcNow():yyyy-MM-dd}.json";
            return Results.Json(export, contentType: "application/json", statusCode: 200)
                .WithDownloadName(context, fileName);
        }).RequireAuthorization();

        return app;
    }

    /// <summary>APIs, htmx and WebSocket requests get a status code; pages get the sign-in redirect.</summary>
    private static Task RedirectOrStatus(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (ApiPaths.IsApi(request.Path) || request.Headers.ContainsKey("HX-Request") || request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static IResult WithDownloadName(this IResult result, HttpContext context, string fileName)
    {
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return result;
    }
}
