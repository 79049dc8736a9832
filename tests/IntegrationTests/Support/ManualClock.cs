namespace CreatorOS.IntegrationTests.Support;

/// <summary>A clock the test moves by hand (TimeProvider), for walking through days in seconds.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;

    public void Set(DateTimeOffset at) => _now = at;
}
