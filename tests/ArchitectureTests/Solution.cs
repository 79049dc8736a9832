using System.Reflection;
using CreatorOS.Modules.Accounts;
using CreatorOS.Modules.Assistant;
using CreatorOS.Modules.Engagement;
using CreatorOS.Modules.Experiments;
using CreatorOS.Modules.Social;
using CreatorOS.Modules.Storefront;

namespace CreatorOS.ArchitectureTests;

/// <summary>Where things are: the module assemblies and the source tree.</summary>
internal static class Solution
{
    /// <summary>Every module, as Program.cs lists them. A new module is added here with its line there.</summary>
    public static readonly IReadOnlyList<Assembly> Modules = [AccountsModule.Assembly, StorefrontModule.Assembly, AssistantModule.Assembly, SocialModule.Assembly, ExperimentsModule.Assembly, EngagementModule.Assembly];

    public static readonly Assembly SharedKernel = typeof(SharedKernel.SharedKernelModule).Assembly;

    public static readonly Assembly Contracts = typeof(Contracts.Storefront.IStorefront).Assembly;

    public static readonly Assembly AgentRuntime = typeof(CreatorOS.AgentRuntime.AgentRuntimeModule).Assembly;

    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CreatorOS.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("CreatorOS.slnx not found above " + AppContext.BaseDirectory);
    }
}
