using CreatorOS.Contracts.Assistant;
using CreatorOS.Contracts.Engagement;

namespace CreatorOS.Modules.Engagement.Nudges;

/// <summary>
/// A type of nudge: its message template (spec copy), buttons, and the wording used when a figure
/// the spec's copy needs is not measured (visitors, blog views, percentile): never a made-up number.
/// Its notification category is what the coach's preferences mute: Avery's tips, or milestones.
/// </summary>
internal sealed record NudgeKind(string Type, string Template, IReadOnlyList<AveryButtonView> Buttons, string? Fallback = null, bool NeedsDrafts = false, string Category = NotificationCategories.Nudges);
