using CreatorOS.SharedKernel.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>
/// Profile photo upload from the chat (spec Ticket 4.3) and serving of the stored files. The
/// browser already crops and re-encodes; the server trusts none of that and checks bytes itself.
/// </summary>
internal static class PhotoEndpoints
{
    public const string UploadPath = "/avery/photo";
    public const string FormField = "photo";

    /// <summary>Registers <see cref="PhotoStore"/>; the GDPR export and erasure resolve it too.</summary>
    internal static IServiceCollection AddAssistantPhotos(this IServiceCollection services)
    {
        services.AddSingleton<PhotoStore>();
        return services;
    }

    internal static IEndpointRouteBuilder MapAssistantPhotos(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Works even if AddAssistantPhotos was not called, so a missing line cannot break uploads.
        var store = app.ServiceProvider.GetService<PhotoStore>() ?? ActivatorUtilities.CreateInstance<PhotoStore>(app.ServiceProvider);

        // The body is read by hand (not bound as IFormFile) so that an oversized upload gets a 413
        // with problem details instead of an empty response; the antiforgery metadata makes the
        // antiforgery middleware check the token all the same, and the handler honours its verdict.
        app.MapPost(UploadPath, (HttpContext context, IAntiforgery antiforgery) => UploadAsync(context, store, antiforgery))
            .RequireAuthorization(WorkspaceClaims.OwnerPolicy)
            .WithMetadata(new RequireAntiforgeryTokenAttribute());

        app.MapGet(PhotoStore.UrlPrefix + "/{workspaceId:guid}/{file}", (Guid workspaceId, string file, HttpContext context) => Serve(workspaceId, file, context, store));
        return app;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, PhotoStore store, IAntiforgery antiforgery)
    {
        var workspaceId = context.User.RequireOwnedWorkspace();
        if (!await HasValidAntiforgeryTokenAsync(context, antiforgery))
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid request token", "The request token is missing or has expired. Reload the page and try again.");
        }

        var request = context.Request;
        if (request.ContentLength > PhotoRules.MaxRequestBytes)
        {
            return Problem(PhotoRules.TooLarge(request.ContentLength.Value));
        }

        if (!request.HasFormContentType)
        {
            return Problem(StatusCodes.Status400BadRequest, "Photo missing", $"Send the photo as multipart/form-data in a field named '{FormField}'.");
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = PhotoRules.MaxRequestBytes;
        }

        IFormFile? file;
        try
        {
            var form = await request.ReadFormAsync(context.RequestAborted);
            file = form.Files.GetFile(FormField);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(PhotoRules.TooLarge(0));
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Problem(StatusCodes.Status400BadRequest, "Unreadable upload", "The upload could not be read. Try again.");
        }

        if (file is null)
        {
            return Problem(StatusCodes.Status400BadRequest, "Photo missing", $"Send the photo in a form field named '{FormField}'.");
        }

        if (file.Length > PhotoRules.MaxBytes)
        {
            return Problem(PhotoRules.TooLarge(file.Length));
        }

        byte[] bytes;
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await file.CopyToAsync(buffer, context.RequestAborted);
            bytes = buffer.ToArray();
        }

        var check = PhotoRules.Check(bytes);
        if (check.Image is not { } image)
        {
            return Problem(check);
        }

        var saved = await store.SaveAsync(workspaceId, image, context.RequestAborted);
        return TypedResults.Ok(new PhotoUploaded(saved.Url));
    }

    private static async Task<bool> HasValidAntiforgeryTokenAsync(HttpContext context, IAntiforgery antiforgery)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is { } verdict)
        {
            return verdict.IsValid;
        }

        // The antiforgery middleware did not run (it should: the host calls UseAntiforgery); check here instead.
        try
        {
            await antiforgery.ValidateRequestAsync(context);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    private static IResult Serve(Guid workspaceId, string file, HttpContext context, PhotoStore store)
    {
        if (store.Find(workspaceId, file) is not { } photo)
        {
            return Results.NotFound();
        }

        // File names are random and never reused, so a stored photo never changes.
        var headers = context.Response.Headers;
        headers.CacheControl = "public, max-age=31536000, immutable";
        headers.XContentTypeOptions = "nosniff";
        return Results.File(photo.Path, photo.ContentType, lastModified: photo.LastModified);
    }

    private static IResult Problem(PhotoCheck check) => Problem(check.Status, check.Title!, check.Detail!);

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}

internal sealed record PhotoUploaded(string Url);
