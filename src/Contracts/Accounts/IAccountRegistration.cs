namespace CreatorOS.Contracts.Accounts;

/// <summary>Creates coach accounts outside the sign-up form (demo data, platform tooling).</summary>
public interface IAccountRegistration
{
    Task<RegistrationResult> RegisterCoachAsync(CoachRegistration registration, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string email, CancellationToken cancellationToken);
}

public sealed record CoachRegistration(string Email, string Password, string BusinessName, bool IsPlatformAdmin = false);

public sealed record RegistrationResult(Guid? UserId, Guid? WorkspaceId, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0 && UserId is not null;
}
