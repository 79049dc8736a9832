namespace CreatorOS.SharedKernel.Persistence;

/// <summary>SQLite's <c>synchronous</c> setting for every connection the app opens (WAL mode).</summary>
public enum SqliteDurability
{
    /// <summary>Syncs the write-ahead log at checkpoints: survives an app crash, not necessarily a power cut.</summary>
    Normal,

    /// <summary>Syncs at every commit: survives a power cut, at one disk flush per commit.</summary>
    Full,
}
