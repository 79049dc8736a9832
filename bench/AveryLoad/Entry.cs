using CreatorOS.Bench.AveryLoad.Driver;
using CreatorOS.Bench.AveryLoad.Server;

namespace CreatorOS.Bench.AveryLoad;

/// <summary>
/// Without arguments (or with options) this is the driver; the driver starts the same executable
/// again with <c>serve</c> as the server, so the server's memory is measured without the client's.
/// </summary>
internal static class Entry
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["serve", var provider, var coaches, .. var rest])
        {
            return await ServeCommand.RunAsync(provider, int.Parse(coaches, System.Globalization.CultureInfo.InvariantCulture), rest.FirstOrDefault());
        }

        if (LoadOptions.Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync(LoadOptions.Usage);
            return 2;
        }

        return await LoadRun.RunAsync(options);
    }
}
