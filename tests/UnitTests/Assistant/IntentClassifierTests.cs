using CreatorOS.Modules.Assistant.Language;

namespace CreatorOS.UnitTests.Assistant;

public sealed class IntentClassifierTests
{
    private static Understanding Read(string text, bool priceExpected = false) => IntentClassifier.Classify(text, AveryTestKit.Now, priceExpected);

    [Theory]
    [InlineData("", "Empty")]
    [InlineData("   ", "Empty")]
    [InlineData("hi", "Greeting")]
    [InlineData("Hello!", "Greeting")]
    [InlineData("hey there", "Greeting")]
    [InlineData("thanks!", "Thanks")]
    [InlineData("skip", "Skip")]
    [InlineData("not now", "Skip")]
    [InlineData("later", "Skip")]
    [InlineData("skip this", "Skip")]
    [InlineData("can we skip this bit?", "Skip")]
    [InlineData("this is confusing", "Confused")]
    [InlineData("I don't get it", "Confused")]
    [InlineData("too complicated", "Confused")]
    [InlineData("ugh", "Confused")]
    [InlineData("yes", "Yes")]
    [InlineData("Sure!", "Yes")]
    [InlineData("ok", "Yes")]
    [InlineData("sounds good", "Yes")]
    [InlineData("no", "No")]
    [InlineData("nope", "No")]
    [InlineData("how am I doing?", "Analytics")]
    [InlineData("How's my store doing", "Analytics")]
    [InlineData("what should I do next?", "NextAdvice")]
    [InlineData("I'm all set", "AllSet")]
    [InlineData("I've shared it", "Shared")]
    [InlineData("connect payments", "Payments")]
    [InlineData("can you set up stripe for me", "Payments")]
    [InlineData("can you write a post for me to share?", "ShareContent")]
    [InlineData("connect my instagram", "ConnectSocial")]
    [InlineData("TikTok", "ConnectSocial")]
    [InlineData("write different ones", "RegenerateBlogs")]
    [InlineData("regenerate", "RegenerateBlogs")]
    [InlineData("can you write some new blogs?", "RegenerateBlogs")]
    [InlineData("I'm Sam", "Other")]
    [InlineData("I teach yoga", "Other")]
    public void Recognises_the_intent(string text, string kind) => Read(text).Kind.ShouldBe(Enum.Parse<IntentKind>(kind));

    [Theory]
    [InlineData("How do live sessions work?", "live_sessions")]
    [InlineData("what are blogs for?", "blogs")]
    [InlineData("How do I change my price?", "pricing")]
    [InlineData("how do payments work", "payments")]
    [InlineData("What is a subscriber?", "subscribers")]
    [InlineData("can I change the template later?", "templates")]
    [InlineData("why do you need my instagram?", "social")]
    [InlineData("what can you do?", "avery")]
    public void Feature_questions_name_the_feature(string text, string feature)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.FeatureQuestion);
        u.Feature.ShouldBe(feature);
    }

    [Theory]
    [InlineData("What do Patreon charge?", "Patreon")]
    [InlineData("how much does kajabi cost", "Kajabi")]
    [InlineData("Teachable is cheaper, right?", "Teachable")]
    [InlineData("what do people charge on Substack?", "Substack")]
    [InlineData("How does this compare to Stan Store pricing?", "Stan Store")]
    public void Competitor_questions_name_the_competitor(string text, string competitor)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.Competitor);
        u.Competitor.ShouldBe(competitor);
    }

    [Theory]
    [InlineData("Write a blog about meal prep", "meal prep")]
    [InlineData("can you write a blog post on sleep hygiene please?", "sleep hygiene")]
    [InlineData("write me an article about staying motivated in winter", "staying motivated in winter")]
    [InlineData("Create a post about my favourite protein recipes for me", "my favourite protein recipes")]
    public void Blog_requests_carry_the_topic(string text, string topic)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.WriteBlog);
        u.Topic.ShouldBe(topic);
    }

    [Theory]
    [InlineData("delete that blog", null)]
    [InlineData("Delete the meal prep blog", "meal prep")]
    [InlineData("please remove my post about sleep", "sleep")]
    [InlineData("delete my latest blog post", "latest")]
    public void Delete_requests_carry_a_hint(string text, string? hint)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.DeleteBlog);
        u.Topic.ShouldBe(hint);
    }

    [Theory]
    [InlineData("can you make it more casual?", "casual")]
    [InlineData("Make my bio more professional", "professional")]
    [InlineData("it sounds too formal", "casual")]
    [InlineData("can it be a bit more chill", "casual")]
    [InlineData("make it punchier and more hype", "energetic")]
    [InlineData("something more zen please", "calm")]
    [InlineData("make the bio calmer", "calm")]
    [InlineData("a bit less casual", "professional")]
    public void Tone_requests_use_the_spec_keywords(string text, string tone)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.Tone);
        u.Tone.ShouldBe(tone);
    }

    [Theory]
    [InlineData("Can you try something more minimal?", "minimal")]
    [InlineData("try a darker theme", "dark")]
    [InlineData("I'd like a bolder look", "bold")]
    [InlineData("make the colours more vibrant", "vibrant")]
    [InlineData("something more natural and green for the design", "nature")]
    [InlineData("different template", "")]
    [InlineData("can I see other themes?", "")]
    public void Template_requests_name_a_variant_or_ask_for_options(string text, string variant)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.Template);
        u.Variant.ShouldBe(variant);
    }

    [Theory]
    [InlineData("I was thinking £12.99", "12.99")]
    [InlineData("let's do $20/mo", "20")]
    [InlineData("change my price to 15 euros", "15")]
    public void Price_statements_carry_the_price(string text, string amount)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.Price);
        u.Price!.Amount.ShouldBe(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_bare_number_is_a_price_when_one_was_asked_for()
    {
        Read("12.99", priceExpected: true).Kind.ShouldBe(IntentKind.Price);
        Read("12.99").Kind.ShouldNotBe(IntentKind.Price);
    }

    [Theory]
    [InlineData("schedule a live session for friday at 7pm")]
    [InlineData("Can you book a live Q&A tomorrow at 6pm?")]
    public void Live_session_requests_carry_the_time(string text)
    {
        var u = Read(text);
        u.Kind.ShouldBe(IntentKind.ScheduleLive);
        u.When.ShouldNotBeNull();
    }

    [Fact]
    public void Fitness_talk_is_not_mistaken_for_requests()
    {
        Read("I coach sports performance").Kind.ShouldBe(IntentKind.Other);
        Read("I do live classes on weekends").Kind.ShouldNotBe(IntentKind.ScheduleLive);
        Read("I'm a fun fitness coach").Kind.ShouldBe(IntentKind.Other);
    }

    [Fact]
    public void A_very_long_message_is_read_from_its_first_500_characters()
    {
        var text = "I was thinking £12.99 " + string.Join(' ', Enumerable.Repeat("because my clients are lovely and", 40));
        text.Length.ShouldBeGreaterThan(1000);
        var u = Read(text);
        u.Text.Length.ShouldBeLessThanOrEqualTo(500);
        text.ShouldStartWith(u.Text);
        text[u.Text.Length].ShouldBe(' ');
        u.Kind.ShouldBe(IntentKind.Price);
    }
}
