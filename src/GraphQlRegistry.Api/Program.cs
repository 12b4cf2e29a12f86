using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Api.Http;

var builder = WebApplication.CreateBuilder(args);
builder.Logging.AddRegistryLogLevels();
var settings = RegistrySettings.Resolve(builder.Configuration, builder.Environment.IsDevelopment());
builder.Services.AddRegistry(settings);

var app = builder.Build();
await app.Services.InitializeRegistryAsync(settings);
app.MapRegistryEndpoints();
app.Run();

/// <summary>Visible to the in-process test host.</summary>
public partial class Program;
