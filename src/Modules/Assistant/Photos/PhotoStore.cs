using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace CreatorOS.Modules.Assistant.Photos;

/// <summary>
/// Coaches' uploaded photos on disk: {Assistant:UploadsPath}/photos/{workspaceId}/{guid}.{ext}.
/// The folder name comes from the signed-in owner's workspace and the file name is generated
/// here, so no user input ever reaches a path.
/// </summary>
internal sealed partial class PhotoStore
{
    public const string UrlPrefix = "/media/photos";

    private readonly string _root;
    private readonly TimeProvider _clock;

    public PhotoStore(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration["Assistant:UploadsPath"];
        var uploads = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data", "uploads")
            : Path.GetFullPath(configured, environment.ContentRootPath);
        _root = Path.Combine(uploads, "photos");
        _clock = clock;
    }

    public static string UrlFor(Guid workspaceId, string fileName) => $"{UrlPrefix}/{workspaceId:D}/{fileName}";

    public static bool IsValidFileName(string fileName) => FileNamePattern().IsMatch(fileName);

    public async Task<StoredPhoto> SaveAsync(Guid workspaceId, CleanedImage image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var folder = FolderOf(workspaceId);
        Directory.CreateDirectory(folder);
        var fileName = $"{Guid.NewGuid():N}.{image.Kind.Extension()}";

        // Written beside the target so the move is a rename on one volume: readers never see half a file.
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await File.WriteAllBytesAsync(temporary, image.Content, cancellationToken);
            File.Move(temporary, Path.Combine(folder, fileName));
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new StoredPhoto(fileName, UrlFor(workspaceId, fileName), image.Content.LongLength, _clock.GetUtcNow());
    }

    /// <summary>The file behind a photo URL, or null when the name is not one this store makes or the file is gone.</summary>
    public PhotoFile? Find(Guid workspaceId, string fileName)
    {
        if (!IsValidFileName(fileName))
        {
            return null;
        }

        var path = Path.Combine(FolderOf(workspaceId), fileName);
        var info = new FileInfo(path);
        return info.Exists ? new PhotoFile(info.FullName, ContentTypeOf(fileName), new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero)) : null;
    }

    /// <summary>Every photo of a workspace, oldest first (GDPR export).</summary>
    public Task<IReadOnlyList<StoredPhoto>> ListAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var folder = new DirectoryInfo(FolderOf(workspaceId));
        IReadOnlyList<StoredPhoto> photos = !folder.Exists
            ? []
            : [.. folder.EnumerateFiles()
                .Where(f => IsValidFileName(f.Name))
                .OrderBy(f => f.LastWriteTimeUtc)
                .Select(f => new StoredPhoto(f.Name, UrlFor(workspaceId, f.Name), f.Length, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)))];
        return Task.FromResult(photos);
    }

    /// <summary>Removes every photo of a workspace (GDPR erasure); returns how many were deleted.</summary>
    public Task<int> DeleteAllAsync(Guid workspaceId, CancellationToken cancellationToken = default)
    {
        var folder = new DirectoryInfo(FolderOf(workspaceId));
        if (!folder.Exists)
        {
            return Task.FromResult(0);
        }

        var count = folder.EnumerateFiles().Count(f => IsValidFileName(f.Name));
        folder.Delete(recursive: true);
        return Task.FromResult(count);
    }

    private static string ContentTypeOf(string fileName) => Path.GetExtension(fileName) switch
    {
        ".jpg" => ImageKind.Jpeg.ContentType(),
        ".png" => ImageKind.Png.ContentType(),
        _ => ImageKind.WebP.ContentType(),
    };

    private string FolderOf(Guid workspaceId) => Path.Combine(_root, workspaceId.ToString("D", CultureInfo.InvariantCulture));

    [GeneratedRegex("^[0-9a-f]{32}\\.(jpg|png|webp)\\z", RegexOptions.CultureInvariant)]
    private static partial Regex FileNamePattern();
}

internal sealed record StoredPhoto(string FileName, string Url, long SizeBytes, DateTimeOffset CreatedAt);

internal sealed record PhotoFile(string Path, string ContentType, DateTimeOffset LastModified);
