namespace GraphQlRegistry.Api.Hosting;

/// <summary>
/// Log levels set in code, so they do not depend on finding <c>appsettings.json</c> in the working directory: started
/// from the repository root, ASP.NET Core would otherwise log every request line at Information, query string (and
/// any personal id in it) included.
/// </summary>
public static class RegistryLogging
{
    /// <summary>Categories whose Information entries carry request URLs: held at Warning whatever the configuration says.</summary>
    private static readonly string[] RequestLineCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.W3CLogging",
    ];

    public static ILoggingBuilder AddRegistryLogLevels(this ILoggingBuilder logging)
    {
        // Added after the configuration's rules, so for the same category these win; a more specific category in
        // configuration (EF Core's command log in the tests) still applies.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        foreach (var category in RequestLineCategories)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        return logging;
    }
}
