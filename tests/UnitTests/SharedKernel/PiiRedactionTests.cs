using CreatorOS.SharedKernel.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorOS.UnitTests.SharedKernel;

public sealed class PiiRedactionTests
{
    [Theory]
    [InlineData("Email", true)]
    [InlineData("UserEmail", true)]
    [InlineData("PreferredName", true)]
    [InlineData("userName", true)]
    [InlineData("Phone", true)]
    [InlineData("AccessToken", true)]
    [InlineData("customer_name", true)]
    [InlineData("RemoteIpAddress", true)]
    [InlineData("EnvName", false)]
    [InlineData("address", false)]
    [InlineData("Module", false)]
    [InlineData("WorkspaceId", false)]
    [InlineData("Version", false)]
    public void Knows_which_property_names_hold_personal_data(string key, bool sensitive) =>
        PiiRedactor.IsSensitiveKey(key).ShouldBe(sensitive);

    [Fact]
    public void A_log_line_is_json_without_names_or_emails()
    {
        var formatter = new RedactingJsonConsoleFormatter();
        var state = new List<KeyValuePair<string, object?>>
        {
            new("PreferredName", "Samantha"),
            new("WorkspaceId", "42"),
            new("{OriginalFormat}", "Coach {PreferredName} signed up to {WorkspaceId}"),
        };
        using var writer = new StringWriter();
        var entry = new LogEntry<List<KeyValuePair<string, object?>>>(
            LogLevel.Information,
            "Test",
            new EventId(7),
            state,
            new InvalidOperationException("mail to sam@example.com failed"),
            (_, _) => "Coach Samantha signed up to 42; contact sam@example.com");

        formatter.Write(entry, null, writer);

        var line = writer.ToString();
        using var json = System.Text.Json.JsonDocument.Parse(line);
        json.RootElement.GetProperty("level").GetString().ShouldBe("Information");
        json.RootElement.GetProperty("properties").GetProperty("WorkspaceId").GetString().ShouldBe("42");
        line.ShouldNotContain("Samantha");
        line.ShouldNotContain("sam@example.com");
        json.RootElement.GetProperty("message").GetString().ShouldBe("Coach [redacted] signed up to 42; contact [email]");
    }
}
