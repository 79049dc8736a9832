using CreatorOS.Contracts.Privacy;
using CreatorOS.Modules.Storefront.Blogs;
using CreatorOS.Modules.Storefront.Data;
using Microsoft.EntityFrameworkCore;

namespace CreatorOS.Modules.Storefront.Privacy;

/// <summary>Exports and erases the stores of the workspaces a person owns, with everything in them.</summary>
internal sealed class StorefrontPersonalData(StorefrontDbContext db) : IPersonalDataOwner
{
    public string Module => StorefrontDbContext.Prefix;

    public async Task<object> ExportAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var workspaceIds = subject.OwnedWorkspaceIds.ToList();
        var stores = await db.Stores.AsNoTracking().Where(s => workspaceIds.Contains(s.WorkspaceId)).ToListAsync(cancellationToken);
        var storeIds = stores.Select(s => s.Id).ToList();
        var blogs = await db.Blogs.AsNoTracking().Where(b => storeIds.Contains(b.StoreId)).ToListAsync(cancellationToken);
        var sessions = await db.LiveSessions.AsNoTracking().Where(l => storeIds.Contains(l.StoreId)).ToListAsync(cancellationToken);
        var subscribers = await db.Subscribers.AsNoTracking().Where(s => storeIds.Contains(s.StoreId)).ToListAsync(cancellationToken);

        return new
        {
            stores = stores.Select(store => new
            {
                store.Id,
                store.WorkspaceId,
                store.Slug,
                store.BusinessName,
                store.PreferredName,
                store.Niche,
                store.Specialty,
                store.Bio,
                store.Tone,
                store.PhotoUrl,
                store.TemplateId,
                store.PriceCurrency,
                store.PriceAmount,
                store.IsShared,
                store.CreatedAt,
                store.UpdatedAt,
                blogs = blogs.Where(b => b.StoreId == store.Id).Select(b => new
                {
                    b.Id,
                    b.Slug,
                    b.Title,
                    b.BodyMarkdown,
                    b.Category,
                    Tags = BlogRules.SplitTags(b.Tags),
                    b.CoverImageUrl,
                    b.Status,
                    b.SourcePlatform,
                    b.SourcePostId,
                    b.CreatedAt,
                    b.PublishedAt,
                }).ToList(),
                liveSessions = sessions.Where(l => l.StoreId == store.Id).Select(l => new { l.Id, l.Title, l.StartsAt, l.CreatedAt }).ToList(),
                subscribers = subscribers.Where(s => s.StoreId == store.Id).Select(s => new { s.Id, s.Name, s.JoinedAt }).ToList(),
            }).ToList(),
        };
    }

    public async Task EraseAsync(DataSubject subject, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var workspaceIds = subject.OwnedWorkspaceIds.ToList();
        var storeIds = await db.Stores.Where(s => workspaceIds.Contains(s.WorkspaceId)).Select(s => s.Id).ToListAsync(cancellationToken);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Subscribers.Where(s => storeIds.Contains(s.StoreId)).ExecuteDeleteAsync(cancellationToken);
        await db.LiveSessions.Where(l => storeIds.Contains(l.StoreId)).ExecuteDeleteAsync(cancellationToken);
        await db.Blogs.Where(b => storeIds.Contains(b.StoreId)).ExecuteDeleteAsync(cancellationToken);
        await db.Stores.Where(s => storeIds.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);

        // Events about these stores name the workspace and store ids; serialised Guids are lower-case "D".
        var idTexts = workspaceIds.Concat(storeIds).Append(subject.UserId).Select(id => id.ToString("D")).Distinct();
        foreach (var idText in idTexts)
        {
            await db.Outbox.Where(m => m.Payload.Contains(idText)).ExecuteDeleteAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
