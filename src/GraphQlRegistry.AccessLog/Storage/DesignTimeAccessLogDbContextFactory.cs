using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite migrations without the host.</summary>
internal sealed class DesignTimeAccessLogDbContextFactory : IDesignTimeDbContextFactory<AccessLogDbContext>
{
    public AccessLogDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AccessLogDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
