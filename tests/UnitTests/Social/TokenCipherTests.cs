using System.Security.Cryptography;
using CreatorOS.Modules.Social.Vault;
using Microsoft.Extensions.Configuration;

namespace CreatorOS.UnitTests.Social;

public sealed class TokenCipherTests
{
    private static readonly string K1 = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());
    private static readonly string K2 = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    private static TokenCipher Cipher(string? active, params (string Id, string Key)[] keys)
    {
        var settings = keys.ToDictionary(k => "Social:TokenKeys:Keys:" + k.Id, k => (string?)k.Key);
        if (active is not null)
        {
            settings["Social:TokenKeys:Active"] = active;
        }

        return new TokenCipher(new TokenKeyRing(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()));
    }

    [Fact]
    public void Seals_with_AES_GCM_under_the_active_key_and_opens_again()
    {
        var cipher = Cipher("k1", ("k1", K1));
        var sealedText = cipher.Encrypt("IGQVJ-secret-token", "social:abc:access");

        sealedText.ShouldStartWith("v1.k1.");
        sealedText.ShouldNotContain("IGQVJ");
        cipher.Decrypt(sealedText, "social:abc:access").ShouldBe("IGQVJ-secret-token");
        cipher.Encrypt("IGQVJ-secret-token", "social:abc:access").ShouldNotBe(sealedText);
    }

    [Fact]
    public void A_value_moved_to_another_row_or_field_or_tampered_with_does_not_open()
    {
        var cipher = Cipher("k1", ("k1", K1));
        var sealedText = cipher.Encrypt("token", "social:abc:access");

        Should.Throw<CryptographicException>(() => cipher.Decrypt(sealedText, "social:def:access"));
        Should.Throw<CryptographicException>(() => cipher.Decrypt(sealedText, "social:abc:refresh"));
        var bytes = Convert.FromBase64String(sealedText.Split('.')[2]);
        bytes[^1] ^= 1;
        Should.Throw<CryptographicException>(() => cipher.Decrypt("v1.k1." + Convert.ToBase64String(bytes), "social:abc:access"));
        Should.Throw<CryptographicException>(() => cipher.Decrypt("plain-token", "social:abc:access"));
    }

    [Fact]
    public void Rotation_reads_old_keys_writes_the_new_one_and_fails_once_the_old_key_is_gone()
    {
        var old = Cipher("k1", ("k1", K1)).Encrypt("token", "ctx");
        var rotating = Cipher("k2", ("k1", K1), ("k2", K2));

        rotating.NeedsRotation(old).ShouldBeTrue();
        rotating.Decrypt(old, "ctx").ShouldBe("token");
        var renewed = rotating.Encrypt("token", "ctx");
        renewed.ShouldStartWith("v1.k2.");
        rotating.NeedsRotation(renewed).ShouldBeFalse();

        var rotated = Cipher("k2", ("k2", K2));
        rotated.Decrypt(renewed, "ctx").ShouldBe("token");
        Should.Throw<CryptographicException>(() => rotated.Decrypt(old, "ctx")).Message.ShouldContain("k1");
    }

    [Fact]
    public void Configuration_mistakes_fail_at_start_and_no_key_means_not_configured()
    {
        Cipher(null).IsConfigured.ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => Cipher(null).Encrypt("token", "ctx"));
        Should.Throw<InvalidOperationException>(() => Cipher("k1", ("k1", Convert.ToBase64String(new byte[16]))));
        Should.Throw<InvalidOperationException>(() => Cipher("k9", ("k1", K1)));
        Cipher(null, ("k1", K1)).IsConfigured.ShouldBeTrue();
    }
}
