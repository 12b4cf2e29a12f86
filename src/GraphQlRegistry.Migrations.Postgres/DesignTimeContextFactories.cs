using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GraphQlRegistry.Migrations.Postgres;

/// <summary>
/// Let <c>dotnet ef migrations add</c> build the PostgreSQL migrations of both stores without the host (see README).
/// Adding a migration needs no running server: the connection string is never opened.
/// </summary>
internal sealed class DesignTimeRegistryDbContextFactory : IDesignTimeDbContextFactory<RegistryDbContext>
{
    public RegistryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<RegistryDbContext>();
        options.UseRegistryProvider(DatabaseProvider.Postgres, DesignTime.ConnectionString);
        return new RegistryDbContext(options.Options);
    }
}

internal sealed class DesignTimeAccessLogDbContextFactory : IDesignTimeDbContextFactory<AccessLogDbContext>
{
    public AccessLogDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AccessLogDbContext>();
        options.UseRegistryProvider(DatabaseProvider.Postgres, DesignTime.ConnectionString);
        return new AccessLogDbContext(options.Options);
    }
}

internal static class DesignTime
{
    public const string ConnectionString = "Host=localhost;Database=design-time";
}
