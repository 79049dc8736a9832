namespace CreatorOS.IntegrationTests.Support;

/// <summary>
/// The real SMTP server ./test.sh starts on loopback (Debian's aiosmtpd with its Maildir handler):
/// CREATOROS_TEST_SMTP is host:port, CREATOROS_TEST_MAILDIR where it stores what it receives.
/// Tests tell their messages apart by recipient (aiosmtpd adds X-RcptTo).
/// </summary>
public static class TestMailbox
{
    public const string SmtpVariable = "CREATOROS_TEST_SMTP";
    public const string MaildirVariable = "CREATOROS_TEST_MAILDIR";

    public static (string Host, int Port) Smtp
    {
        get
        {
            var address = Environment.GetEnvironmentVariable(SmtpVariable)
                ?? throw new InvalidOperationException($"{SmtpVariable} is not set: run the tests through ./test.sh, which starts an SMTP server.");
            var separator = address.LastIndexOf(':');
            return (address[..separator], int.Parse(address[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>Settings that point the host's email at the test SMTP server.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var (host, port) = Smtp;
        var settings = new Dictionary<string, string?>
        {
            ["Notifications:SmtpHost"] = host,
            ["Notifications:SmtpPort"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:PublicBaseUrl"] = "http://creatoros.test",
            ["Notifications:AllowPlainHttpPushEndpoints"] = "true",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Raw messages delivered to this recipient so far.</summary>
    public static IReadOnlyList<string> For(string recipient)
    {
        var maildir = Environment.GetEnvironmentVariable(MaildirVariable)
            ?? throw new InvalidOperationException($"{MaildirVariable} is not set: run the tests through ./test.sh.");
        var folder = Path.Combine(maildir, "new");
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return [.. Directory.GetFiles(folder)
            .Select(File.ReadAllText)
            .Where(text => text.Contains($"X-RcptTo: {recipient}", StringComparison.OrdinalIgnoreCase))];
    }

    /// <summary>The message's headers followed by every base64 MIME part decoded, so tests can read bodies.</summary>
    public static string Readable(string raw)
    {
        var parts = raw.Split("Content-Transfer-Encoding: base64", StringSplitOptions.None);
        var text = new System.Text.StringBuilder(parts[0]);
        foreach (var part in parts.Skip(1))
        {
            var lines = part.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').SkipWhile(string.IsNullOrWhiteSpace).TakeWhile(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith("--", StringComparison.Ordinal));
            text.AppendLine(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(lines))));
        }

        return text.ToString();
    }
}
