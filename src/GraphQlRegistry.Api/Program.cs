using GraphQlRegistry.Api.Hosting;

var app = await RegistryHost.BuildAsync(args);
await app.RunAsync();

/// <summary>Visible to the in-process test host.</summary>
public partial class Program;
