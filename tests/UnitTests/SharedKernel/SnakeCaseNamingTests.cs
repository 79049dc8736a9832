using CreatorOS.SharedKernel.Persistence;

namespace CreatorOS.UnitTests.SharedKernel;

public sealed class SnakeCaseNamingTests
{
    [Theory]
    [InlineData("Id", "id")]
    [InlineData("WorkspaceId", "workspace_id")]
    [InlineData("NormalizedEmail", "normalized_email")]
    [InlineData("PK_AspNetUsers", "pk_asp_net_users")]
    [InlineData("HTMLBody", "html_body")]
    [InlineData("Price2Amount", "price2_amount")]
    [InlineData("already_snake", "already_snake")]
    public void Converts_property_names_to_snake_case(string name, string expected) =>
        SnakeCaseNaming.ToSnakeCase(name).ShouldBe(expected);
}
