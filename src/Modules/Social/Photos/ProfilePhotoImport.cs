using System.Net.Http.Headers;
using CreatorOS.Contracts.Social;
using CreatorOS.Contracts.Storefront;
using CreatorOS.Modules.Social.Connections;
using CreatorOS.Modules.Social.Data;
using CreatorOS.Modules.Social.Platforms;
using CreatorOS.Modules.Social.Posts;
using CreatorOS.Modules.Social.Vault;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CreatorOS.Modules.Social.Photos;

/// <summary>
/// "Use my Instagram photo" (spec Ticket 4.3): reads the connected account's picture URL, downloads
/// it (size-capped, https only), and hands the bytes to <see cref="ISocialPhotoSink"/>, which checks
/// and re-encodes them like an upload before the store shows them. It is not resized to 800×800:
/// no image library restores here, and platform avatars are small squares already (README, gaps).
/// </summary>
internal sealed class ProfilePhotoImport(
    SocialDbContext db,
    ConnectionTokens tokens,
    IHttpClientFactory httpFactory,
    ISocialPhotoSink sink,
    IStorefront storefront,
    IOptions<SocialOptions> options)
{
    public async Task<SocialPhotoResult> ImportAsync(Guid workspaceId, string? platform, CancellationToken cancellationToken)
    {
        var connections = await db.Connections.Where(c => c.WorkspaceId == workspaceId && (platform == null || c.Platform == platform)).ToListAsync(cancellationToken);

        // Instagram first when the coach did not say: the spec's "Use my Instagram photo".
        var connection = connections.OrderBy(c => SocialPlatforms.All.ToList().IndexOf(c.Platform)).FirstOrDefault();
        if (connection is null)
        {
            return new SocialPhotoResult("not_connected", null);
        }

        PlatformAccount account;
        try
        {
            account = await tokens.CallAsync(connection, (client, token) => client.GetAccountAsync(token, PostFetcher.BudgetKey(connection), cancellationToken), cancellationToken);
        }
        catch (PlatformException exception)
        {
            return new SocialPhotoResult("unavailable", null, exception.Kind == PlatformFailureKind.TokenRejected
                ? CallbackPage.NameOf(connection.Platform) + " needs to be connected again."
                : CallbackPage.NameOf(connection.Platform) + " isn't answering right now.");
        }

        if (account.PictureUrl is not { } pictureUrl || !IsFetchable(pictureUrl))
        {
            return new SocialPhotoResult("no_photo", null, "Your " + CallbackPage.NameOf(connection.Platform) + " account has no profile photo I can use.");
        }

        var bytes = await DownloadAsync(pictureUrl, cancellationToken);
        if (bytes is null)
        {
            return new SocialPhotoResult("unavailable", null, "I couldn't download your profile photo.");
        }

        var stored = await sink.StoreAsync(workspaceId, bytes, cancellationToken);
        if (stored.Url is null)
        {
            return new SocialPhotoResult("invalid_image", null, stored.Problem);
        }

        var updated = await storefront.UpdateProfileAsync(workspaceId, new ProfileChange(PhotoUrl: stored.Url), cancellationToken);
        return updated.Succeeded ? new SocialPhotoResult("ok", stored.Url) : new SocialPhotoResult("invalid_image", null, string.Join(" ", updated.Errors.Values));
    }

    private bool IsFetchable(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (options.Value.AllowHttpMedia && uri.Scheme == Uri.UriSchemeHttp));

    private async Task<byte[]?> DownloadAsync(string url, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxPhotoBytes;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.RequestTimeout);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("image/*"));
            using var response = await httpFactory.CreateClient(PlatformHttp.ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > limit)
            {
                return null;
            }

            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, timeout.Token)) > 0)
            {
                if (copy.Length + read > limit)
                {
                    return null;
                }

                copy.Write(buffer, 0, read);
            }

            return copy.ToArray();
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }
}
