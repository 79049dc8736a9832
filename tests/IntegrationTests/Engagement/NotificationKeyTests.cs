using CreatorOS.Contracts.Engagement;
using CreatorOS.IntegrationTests.Support;
using CreatorOS.Modules.Engagement.Data;
using CreatorOS.SharedKernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorOS.IntegrationTests.Engagement;

/// <summary>Idempotency keys are per recipient: one user's notification never stands in for another's.</summary>
public sealed class NotificationKeyTests
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task The_same_key_for_two_users_notifies_both_and_a_repeat_for_one_adds_nothing(DatabaseProvider provider)
    {
        await using var host = await CreatorOsHost.StartAsync(provider, settings: new Dictionary<string, string?> { ["Jobs:AutoStart"] = "false" });
        var (ann, bob, cat, dan) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        NotificationRequest For(Guid user) => new(user, null, NotificationCategories.Milestones, "10 subscribers!", "Well done.", null, "milestone:shared");

        await using var scope = host.Services.CreateAsyncScope();
        var notifications = scope.ServiceProvider.GetRequiredService<INotifications>();
        var first = await notifications.SendAsync(For(ann), CancellationToken.None);
        var second = await notifications.SendAsync(For(bob), CancellationToken.None);
        second.AlreadySent.ShouldBeFalse("another user's notification with the same key is not this user's");
        second.NotificationId.ShouldNotBe(first.NotificationId);
        var repeat = await notifications.SendAsync(For(ann), CancellationToken.None);
        repeat.AlreadySent.ShouldBeTrue("a repeat for the same user adds nothing");
        repeat.NotificationId.ShouldBe(first.NotificationId);

        var batch = await notifications.SendManyAsync([For(cat), For(dan), For(cat)], CancellationToken.None);
        batch[0].NotificationId.ShouldNotBe(batch[1].NotificationId, "one batch, two users, one key: two notifications");
        batch[2].NotificationId.ShouldBe(batch[0].NotificationId);

        var stored = await scope.ServiceProvider.GetRequiredService<EngagementDbContext>().Notifications.AsNoTracking()
            .Where(n => n.IdempotencyKey == "milestone:shared").Select(n => n.UserId).ToListAsync();
        stored.ShouldBe([ann, bob, cat, dan], ignoreOrder: true);
    }
}
