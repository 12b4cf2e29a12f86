using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Data.Entities;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Data.Units;
using Microsoft.EntityFrameworkCore;

namespace GraphQlRegistry.LoadGenerator.Hosts;

/// <summary>
/// B0: the KYC lookup as a minimal-API endpoint. It takes the same GraphQL request body (only
/// <c>variables.personalId</c> is read), runs the same EF Core read and writes the same <c>data</c> JSON as the server
/// answers a credit institution (current address masked to its province), so every server gets identical requests.
/// </summary>
public static class RawHost
{
    private static readonly JsonWriterOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<IAsyncDisposable> StartAsync(RegistrySettings settings, int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddPooledDbContextFactory<RegistryDbContext>(o => o.UseRegistryProvider(settings.Provider, settings.RegistryConnectionString));
        builder.Services.AddSingleton(sp => LoadUnits(sp.GetRequiredService<IDbContextFactory<RegistryDbContext>>()));
        builder.Services.AddSingleton<CitizenRows>();
        var app = builder.Build();
        app.MapPost("/graphql", async (HttpContext http, CitizenRows rows) =>
        {
            using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
            var personalId = body.RootElement.GetProperty("variables").GetProperty("personalId").GetString() ?? string.Empty;
            var citizen = await rows.FindAsync(personalId, http.RequestAborted);
            http.Response.ContentType = "application/json; charset=utf-8";
            await using var writer = new Utf8JsonWriter(http.Response.BodyWriter, Json);
            Write(writer, citizen, rows.Units);
            await writer.FlushAsync(http.RequestAborted);
        });
        await app.StartAsync();
        return app;
    }

    private static void Write(Utf8JsonWriter writer, Citizen? citizen, UnitDirectory units)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("data");
        if (citizen is null)
        {
            writer.WriteNull("citizen");
        }
        else
        {
            writer.WriteStartObject("citizen");
            writer.WriteString("personalId", citizen.PersonalId);
            writer.WriteString("fullName", citizen.FullName);
            writer.WriteString("dateOfBirth", citizen.DateOfBirth?.ToString("yyyy-MM-dd"));
            writer.WriteString("sex", citizen.Sex?.ToString().ToUpperInvariant());
            writer.WriteString("nationality", citizen.Nationality);
            writer.WriteString("placeOfOrigin", citizen.PlaceOfOrigin);
            WriteAddress(writer, "permanentAddress", citizen.PermanentProvinceCode, units, citizen.PermanentDistrictCode, citizen.PermanentCommuneCode, citizen.PermanentStreet);
            WriteAddress(writer, "currentAddress", citizen.CurrentProvinceCode, units, null, null, null);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteAddress(Utf8JsonWriter writer, string name, string? province, UnitDirectory units, string? district, string? commune, string? street)
    {
        writer.WriteStartObject(name);
        writer.WriteString("provinceCode", province);
        writer.WriteString("province", units.NameOf(province));
        writer.WriteString("district", units.NameOf(district));
        writer.WriteString("commune", units.NameOf(commune));
        writer.WriteString("street", street);
        writer.WriteEndObject();
    }

    public static UnitDirectory LoadUnits(IDbContextFactory<RegistryDbContext> contexts)
    {
        using var db = contexts.CreateDbContext();
        return UnitDirectory.LoadAsync(db).GetAwaiter().GetResult();
    }
}
