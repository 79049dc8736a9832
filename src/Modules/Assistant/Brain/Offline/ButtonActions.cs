
namespace CreatorOS.Modules.Assistant.Brain.Offline;

/// <summary>
/// The actions of the buttons the offline brain offers. The client handles upload_photo, open_url
/// and copy_text itself (copy_text also sends the click back); every other click comes back as a
/// message carrying the button.
/// </summary>
internal static class ButtonActions
{
    public const string SetNiche = "set_niche";
    public const string SkipSpecialty = "skip_specialty";
    public const string ConnectSocial = "connect_social";
    public const string Skip = "skip";
    public const string WriteBlogs = "write_blogs";
    public const string RegenerateBlogs = "regenerate_blogs";
    public const string WriteBlog = "write_blog";
    public const string WriteBio = "write_bio";
    public const string BioOk = "bio_ok";
    public const string SetTone = "set_tone";
    public const string UploadPhoto = "upload_photo";
    public const string SetPrice = "set_price";
    public const string CustomPrice = "custom_price";
    public const string WriteSharePost = "write_share_post";
    public const string Shared = "shared";
    public const string CopyText = "copy_text";
    public const string ScheduleLive = "schedule_live";
    public const string SetupPayments = "setup_payments";
    public const string Finish = "finish";
    public const string ConfirmDelete = "confirm_delete";
    public const string KeepBlog = "keep_blog";
    public const string ApplyTemplate = "apply_template";
    public const string TemplateOk = "template_ok";
    public const string Analytics = "analytics";
    public const string Resume = "resume";
    public const string Later = "later";
    public const string OpenUrl = "open_url";
    public const string DraftSocialBlogs = "draft_social_blogs";
    public const string PublishBlogs = "publish_blogs";

    /// <summary>Value of the skip button that also writes niche blogs (social import unavailable or declined).</summary>
    public const string SkipAndWriteBlogs = "write_blogs";

    public static AveryButton Primary(string label, string action, string? value = null, string? icon = null) => new(label, action, value, "primary", icon);

    public static AveryButton Secondary(string label, string action, string? value = null, string? icon = null) => new(label, action, value, "secondary", icon);

    public static AveryButton SkipButton(string label = "Skip for now", string? value = null) => new(label, Skip, value, "skip");
}

/// <summary>Keys of the facts the offline brain keeps in PhaseState.Facts.</summary>
internal static class FactKeys
{
    /// <summary>"true" once the coach declined the specialty question (the engine reads it too).</summary>
    public const string SpecialtySkipped = "specialty_skipped";

    /// <summary>The id of the blog the coach asked to delete, until they confirm or keep it.</summary>
    public const string PendingDeleteBlogId = "pending_delete_blog_id";

    /// <summary>What a plain reply answers: blog_topic | price | bio_review | photo.</summary>
    public const string Awaiting = "awaiting";

    /// <summary>Kept by the engine: how many messages in a row were not understood.</summary>
    public const string MisunderstoodStreak = "misunderstood_streak";
}
