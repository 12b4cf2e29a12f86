using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Storage;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Api.Hosting;
using GraphQlRegistry.Cli.Output;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace GraphQlRegistry.Cli.Auditing;

/// <summary>
/// An audit command's access to the log. Before anything is read, the read itself is committed to the log through
/// the server's writer, in the shape of an auditor's API read (operation, subject, purpose, the citizen looked up):
/// who ran which command is evidence like any other read. If that record cannot be committed, nothing is read.
/// </summary>
public sealed class AuditSession : IAsyncDisposable
{
    private const int MaxCommandLength = 1000;

    private AuditSession(AuditSettings cli, RegistrySettings settings, AccessLogDbContext log)
    {
        Cli = cli;
        Settings = settings;
        Log = log;
        Pseudonym = new CitizenPseudonym(settings.PseudonymKey);
    }

    public AuditSettings Cli { get; }

    public RegistrySettings Settings { get; }

    public AccessLogDbContext Log { get; }

    public CitizenPseudonym Pseudonym { get; }

    /// <summary>Opens the configured log (refusing to create one where none is) and brings its schema up to date.</summary>
    public static async Task<AuditSession> OpenAsync(AuditSettings cli, CancellationToken cancellationToken)
    {
        var settings = cli.Resolve();
        if (settings.AccessLogProvider == DatabaseProvider.Sqlite && new SqliteConnectionStringBuilder(settings.AccessLogConnectionString).DataSource is { } file && !File.Exists(file))
        {
            throw new CommandFailure($"There is no access log at {file}: point --data at the server's data directory.");
        }

        var log = cli.OpenAccessLog();
        await DatabaseSchema.MigrateAsync(log, cancellationToken);
        return new AuditSession(cli, settings, log);
    }

    /// <summary>Commits the record of this command's read; <paramref name="citizenRef"/> when it looks at one citizen.</summary>
    public async Task RecordReadAsync(string command, string? citizenRef, CancellationToken cancellationToken)
    {
        await using var writer = new GroupCommitAccessLog(Settings.AccessLogWriter(), NullLogger<GroupCommitAccessLog>.Instance);
        var context = new AccessContext(
            "cli-" + Guid.NewGuid().ToString("N"),
            "registry " + command,
            "cli:" + Environment.UserName,
            null, null, null, null, null,
            Cli.Purpose);
        var commandLine = string.Join(' ', Environment.GetCommandLineArgs().Skip(1));
        var record = new AccessRecord(context, DateTimeOffset.UtcNow, citizenRef, FieldOf(command),
            commandLine.Length > MaxCommandLength ? commandLine[..MaxCommandLength] : commandLine, FieldOutcome.Revealed, FieldMask.None, null);
        try
        {
            await writer.AppendAsync([record], cancellationToken);
        }
        catch (AccessLogUnavailableException exception)
        {
            throw new CommandFailure($"The access log could not record this read, so nothing was read ({exception.Message})");
        }
    }

    /// <summary><c>audit top</c> is recorded as the coordinate <c>Cli.auditTop</c>, as the API records <c>Query.accessLog</c>.</summary>
    public static string FieldOf(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return "Cli." + words[0] + string.Concat(words.Skip(1).Select(word => char.ToUpperInvariant(word[0]) + word[1..]));
    }

    public ValueTask DisposeAsync() => Log.DisposeAsync();
}
