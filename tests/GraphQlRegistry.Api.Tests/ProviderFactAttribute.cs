using GraphQlRegistry.Data.Storage;

namespace GraphQlRegistry.Api.Tests;

/// <summary>
/// A test that means something on one provider only (SQLite's file migrations, several instances sharing one
/// PostgreSQL): it runs in that provider's suite and is reported skipped, with its reason, in the other.
/// </summary>
public sealed class ProviderFactAttribute : FactAttribute
{
    public ProviderFactAttribute(DatabaseProvider only, string reason)
    {
        if (TestStore.Provider != only)
        {
            Skip = $"{only} only: {reason}";
        }
    }
}
