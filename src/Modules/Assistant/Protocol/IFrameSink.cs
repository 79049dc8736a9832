namespace CreatorOS.Modules.Assistant.Protocol;

/// <summary>Where server frames of PROTOCOL.md go: a live socket, or a list in tests.</summary>
internal interface IFrameSink
{
    ValueTask SendAsync(string type, object payload, string? replyTo = null);
}

/// <summary>Server frame types (PROTOCOL.md).</summary>
internal static class ServerFrames
{
    public const string AveryTyping = "avery_typing";
    public const string StreamChunk = "avery_stream_chunk";
    public const string StreamEnd = "avery_stream_end";
    public const string AveryMessage = "avery_message";
    public const string FunctionExecuting = "function_executing";
    public const string FunctionComplete = "function_complete";
    public const string ProgressUpdate = "progress_update";
    public const string StorePreviewUpdate = "store_preview_update";
    public const string TriggerOauth = "trigger_oauth";
    public const string Celebration = "celebration";
    public const string ModeChange = "mode_change";
    public const string Error = "error";
    public const string Pong = "pong";
}
