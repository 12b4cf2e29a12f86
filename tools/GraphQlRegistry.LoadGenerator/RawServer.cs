using GraphQlRegistry.Data.Storage;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.LoadGenerator;

/// <summary>B0: the KYC lookup as plain EF Core behind a minimal API, the floor our GraphQL path is compared with.</summary>
public static class RawServer
{
    public static async Task<IAsyncDisposable> StartAsync(string dataDirectory, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddPooledDbContextFactory<RegistryDbContext>(o => o.UseSqlite($"Data Source={Path.Combine(dataDirectory, "registry.db")}"));
        var app = builder.Build();
        app.MapPost("/raw", async (KycRequest request, IDbContextFactory<RegistryDbContext> contexts) =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            var row = await db.Citizens.AsNoTracking().Where(c => c.PersonalId == request.PersonalId).Select(c => new
            {
                c.PersonalId, c.FullName, c.DateOfBirth, c.Sex, c.Nationality, c.PlaceOfOrigin,
                c.PermanentProvinceCode, c.PermanentDistrictCode, c.PermanentCommuneCode, c.PermanentStreet, c.CurrentProvinceCode,
            }).FirstOrDefaultAsync();
            return Results.Ok(row);
        });
        await app.StartAsync();
        return app;
    }

    public sealed record KycRequest(string PersonalId);
}
