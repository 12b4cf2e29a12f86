using GraphQL;
using GraphQL.Types;
using GraphQL.Utilities;
using Microsoft.Extensions.DependencyInjection;

namespace GraphQlRegistry.Api.Tests.Schema;

[Collection(SharedServer.Name)]
public sealed class SchemaFileTests(RegistryServer server)
{
    /// <summary>schema/registry.graphql is the reviewed API: the served schema must print exactly as it.</summary>
    [Fact]
    public void ServedSchema_PrintsExactlyAsTheCheckedInFile()
    {
        var served = server.Services.GetRequiredService<ISchema>().Print(new PrintOptions { IncludeDescriptions = true }).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var file = Path.Combine(RepositoryRoot(), "schema", "registry.graphql");
        var reviewed = File.ReadAllText(file).ReplaceLineEndings("\n");
        if (served != reviewed)
        {
            var mismatch = Path.Combine(RepositoryRoot(), "schema", "__mismatch__");
            Directory.CreateDirectory(mismatch);
            File.WriteAllText(Path.Combine(mismatch, "registry.graphql"), served);
        }

        Assert.Equal(reviewed, served);
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "GraphQlRegistry.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}
