using CreatorOS.Modules.Storefront.Blogs;

namespace CreatorOS.UnitTests.Storefront;

public sealed class BlogMarkdownTests
{
    [Fact]
    public void Renders_ordinary_markdown()
    {
        var html = BlogMarkdown.ToHtml("## Warm up\n\nDo **three** rounds:\n\n- squats\n- lunges\n\n| set | reps |\n|---|---|\n| 1 | 10 |");

        html.ShouldContain("<h2");
        html.ShouldContain("<strong>three</strong>");
        html.ShouldContain("<li>squats</li>");
        html.ShouldContain("<table>");
    }

    [Fact]
    public void A_script_in_a_blog_body_is_shown_as_text_never_as_a_tag()
    {
        var html = BlogMarkdown.ToHtml("Hello <script>alert('x')</script>\n\n<script src=\"https://evil.example/x.js\"></script>\n\n<div onclick=\"steal()\">hi</div>");

        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<div", Case.Insensitive);
        html.ShouldContain("&lt;script&gt;");
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("<iframe src=\"https://evil.example\"></iframe>")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>")]
    public void Inline_html_is_escaped(string markdown)
    {
        var html = BlogMarkdown.ToHtml("Look: " + markdown);

        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("<iframe", Case.Insensitive);
        html.ShouldNotContain("<a ", Case.Insensitive);
    }

    [Theory]
    [InlineData("[click](javascript:alert(1))")]
    [InlineData("[click](JavaScript&#58;alert(1))")]
    [InlineData("[click](java\tscript:alert(1))")]
    [InlineData("[click][r]\n\n[r]: javascript:alert(1)")]
    [InlineData("<javascript:alert(1)>")]
    [InlineData("![x](javascript:alert(1))")]
    [InlineData("[click](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[click](vbscript:msgbox)")]
    public void Script_links_are_neutralised(string markdown)
    {
        var html = BlogMarkdown.ToHtml(markdown);

        html.ShouldNotContain("href=\"javascript", Case.Insensitive);
        html.ShouldNotContain("href=\"data:", Case.Insensitive);
        html.ShouldNotContain("href=\"vbscript", Case.Insensitive);
        html.ShouldNotContain("src=\"javascript", Case.Insensitive);
    }

    [Fact]
    public void Authors_cannot_set_attributes_or_embed_media()
    {
        var html = BlogMarkdown.ToHtml("[x](https://example.com){onclick=\"alert(1)\"}\n\n![video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)");

        html.ShouldNotContain(" onclick=\"", Case.Insensitive);
        html.ShouldNotContain("<iframe", Case.Insensitive);
    }

    [Fact]
    public void Safe_links_stay_and_external_ones_are_marked_nofollow()
    {
        var html = BlogMarkdown.ToHtml("[site](https://example.com) [page](/s/sam) [mail](mailto:sam@example.com) [top](#top)");

        html.ShouldContain("href=\"https://example.com\"");
        html.ShouldContain("href=\"/s/sam\"");
        html.ShouldContain("href=\"mailto:sam@example.com\"");
        html.ShouldContain("href=\"#top\"");
        html.ShouldContain("nofollow");
    }

    [Fact]
    public void The_excerpt_is_plain_text_of_about_160_characters()
    {
        var body = "# Big title\n\nThis is **bold** and [a link](https://example.com). " + string.Join(' ', Enumerable.Repeat("More words follow here.", 20));

        var excerpt = BlogMarkdown.Excerpt(body);

        excerpt.Length.ShouldBeLessThanOrEqualTo(BlogMarkdown.ExcerptLength + 1);
        excerpt.ShouldStartWith("Big title This is bold and a link.");
        excerpt.ShouldEndWith("…");
        excerpt.ShouldNotContain("*");
        excerpt.ShouldNotContain("<");
    }

    [Fact]
    public void A_short_post_is_its_own_excerpt() => BlogMarkdown.Excerpt("Just *one* line.").ShouldBe("Just one line.");
}
