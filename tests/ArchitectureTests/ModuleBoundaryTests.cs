using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace CreatorOS.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> ModuleNames => [.. Solution.Modules.Select(m => m.GetName().Name!)];

    private static Assembly Module(string name) => Solution.Modules.Single(m => m.GetName().Name == name);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_references_only_the_shared_kernel_contracts_and_agent_runtime_of_ours(string module)
    {
        var ours = Module(module).GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith("CreatorOS.", StringComparison.Ordinal));

        ours.ShouldBeSubsetOf(["CreatorOS.SharedKernel", "CreatorOS.Contracts", "CreatorOS.AgentRuntime"]);
    }

    [Fact]
    public void The_kernel_and_contracts_know_no_module()
    {
        foreach (var assembly in new[] { Solution.SharedKernel, Solution.Contracts, Solution.AgentRuntime })
        {
            assembly.GetReferencedAssemblies().Select(a => a.Name!)
                .Where(name => name.StartsWith("CreatorOS.Modules.", StringComparison.Ordinal) || name == "CreatorOS.Web")
                .ShouldBeEmpty($"{assembly.GetName().Name} must not depend on modules or the host");
            if (assembly == Solution.AgentRuntime)
            {
                assembly.GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain("CreatorOS.SharedKernel", "the agent runtime is a building block below the kernel's persistence");
            }
        }
    }

    /// <summary>Razor cannot generate internal components (docs/adr/0003); _Imports is the compiler's own artefact.</summary>
    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_exposes_only_its_entry_point_and_its_pages(string module)
    {
        var exposed = Module(module).GetExportedTypes()
            .Where(t => !(t.IsAbstract && t.IsSealed && t.Name.EndsWith("Module", StringComparison.Ordinal)))
            .Where(t => !typeof(IComponent).IsAssignableFrom(t))
            .Where(t => t.Name != "_Imports")
            .Select(t => t.FullName);

        exposed.ShouldBeEmpty("Module types are internal; only <Module>Module and Razor components may be public");
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_has_exactly_one_entry_point_named_after_it(string module)
    {
        var expected = module["CreatorOS.Modules.".Length..] + "Module";
        Module(module).GetExportedTypes().Where(t => t.Name.EndsWith("Module", StringComparison.Ordinal)).Select(t => t.Name).ShouldBe([expected]);
    }
}
