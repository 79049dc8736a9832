using Microsoft.AspNetCore.Identity;

namespace CreatorOS.Modules.Accounts.Users;

/// <summary>
/// Length over composition (NIST SP 800-63B): at least 10 characters, not a well-known
/// password and not the email address itself. Identity's own validator checks the length.
/// </summary>
internal sealed class PasswordRules : IPasswordValidator<AccountUser>
{
    public const int MinimumLength = 10;

    private static readonly HashSet<string> CommonPasswords = new(StringComparer.OrdinalIgnoreCase)
    {
        "password", "password1", "password12", "password123", "password1234", "1234567890", "12345678910",
        "qwertyuiop", "qwerty1234", "qwerty12345", "iloveyou12", "letmein123", "welcome123", "abcdefghij",
        "0123456789", "1111111111", "aaaaaaaaaa", "passw0rd123", "trustno1234", "football123", "creatoros1",
    };

    public Task<IdentityResult> ValidateAsync(UserManager<AccountUser> manager, AccountUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordRequired", Description = "Choose a password." }));
        }

        if (CommonPasswords.Contains(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordCommon", Description = "That password is too common. Choose one that is harder to guess." }));
        }

        var localPart = user.Email?.Split('@')[0];
        if (!string.IsNullOrEmpty(localPart) && localPart.Length >= 4 && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "Your password must not contain your email address." }));
        }

        return Task.FromResult(IdentityResult.Success);
    }
}
