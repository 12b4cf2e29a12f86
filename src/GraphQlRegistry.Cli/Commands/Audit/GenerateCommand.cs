using System.ComponentModel;
using System.Diagnostics;
using GraphQlRegistry.AccessLog.Entries;
using GraphQlRegistry.AccessLog.Writing;
using GraphQlRegistry.Data.Demo;
using GraphQlRegistry.Data.Storage;
using GraphQlRegistry.Policy.Fields;
using GraphQlRegistry.Policy.Grants;
using GraphQlRegistry.Policy.Organizations;
using Microsoft.Extensions.Logging.Abstractions;
using Spectre.Console;
using Spectre.Console.Cli;

namespace GraphQlRegistry.Cli.Commands.Audit;

/// <summary>
/// Hidden: fills a log with synthetic KYC-shaped requests (18 fields of one citizen each) through the real
/// group-commit writer, chain and spans included, to measure the audit commands on millions of entries.
/// Citizens are numbered synthetic ids; <c>--print-citizen N</c> prints the id of citizen N to look up.
/// </summary>
public sealed class GenerateCommand : AsyncCommand<GenerateCommand.Settings>
{
    private const int RequestsPerAppend = 512;
    private const int AppendsInFlight = 4;

    private static readonly string[] Fields =
    [
        "Citizen.personalId", "Citizen.fullName", "Citizen.dateOfBirth", "Citizen.sex", "Citizen.nationality", "Citizen.placeOfOrigin",
        "Citizen.permanentAddress", "Address.provinceCode", "Address.province", "Address.district", "Address.commune", "Address.street",
        "Citizen.currentAddress", "Address.provinceCode", "Address.province", "Citizen.religion", "Citizen.ethnicity", "Citizen.maritalStatus",
    ];

    public sealed class Settings : DataSettings
    {
        [CommandOption("--entries <N>")]
        public long Entries { get; set; } = 1_000_000;

        [CommandOption("--days <N>")]
        [Description("Spread over this many days, ending now.")]
        public int Days { get; set; } = 30;

        [CommandOption("--citizens <N>")]
        public int Citizens { get; set; } = 100_000;

        [CommandOption("--seed <N>")]
        public int Seed { get; set; } = 7;

        [CommandOption("--print-citizen <N>")]
        [Description("Only print the synthetic personal id of citizen N.")]
        public int? PrintCitizen { get; set; }
    }

    public static string PersonalIdOf(int citizen) => $"0012{citizen / 1_000_000 % 100:D2}{citizen % 1_000_000:D6}";

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.PrintCitizen is { } printed)
        {
            Console.WriteLine(PersonalIdOf(printed));
            return 0;
        }

        var registry = settings.Resolve();
        Directory.CreateDirectory(Path.GetFullPath(settings.DataDirectory));
        await using (var log = settings.OpenAccessLog())
        {
            await DatabaseSchema.MigrateAsync(log, cancellationToken);
        }

        var pseudonym = new CitizenPseudonym(registry.PseudonymKey);
        var citizens = Enumerable.Range(0, settings.Citizens).Select(i => pseudonym.Of(PersonalIdOf(i))).ToArray();
        var callers = Enum.GetValues<OrganizationType>().Where(t => t != OrganizationType.Citizen)
            .Select(type => new AccessContext("", "Kyc", "svc-" + DemoOrganizations.IdOf(type), DemoOrganizations.IdOf(type), type, "grant-" + DemoOrganizations.IdOf(type),
                GrantingAuthority.DistrictPoliceChief, Channel.NationalPortal, "KYC onboarding"))
            .ToArray();

        var random = new Random(settings.Seed);
        var requests = settings.Entries / Fields.Length;
        var start = DateTimeOffset.UtcNow.AddDays(-settings.Days);
        var step = TimeSpan.FromDays(settings.Days) / Math.Max(requests, 1);
        await using var writer = new GroupCommitAccessLog(
            registry.AccessLogWriter(commitTimeout: TimeSpan.FromMinutes(5)), NullLogger<GroupCommitAccessLog>.Instance);

        var stopwatch = Stopwatch.StartNew();
        await AnsiConsole.Progress().StartAsync(async progress =>
        {
            var task = progress.AddTask("Entries", maxValue: requests * Fields.Length);
            var inFlight = new Queue<Task>();
            for (var first = 0L; first < requests; first += RequestsPerAppend)
            {
                var batch = new List<AccessRecord>(RequestsPerAppend * Fields.Length);
                for (var request = first; request < Math.Min(first + RequestsPerAppend, requests); request++)
                {
                    var caller = callers[random.Next(callers.Length)] with { RequestId = $"gen-{request:D9}" };
                    var citizen = citizens[random.Next(citizens.Length)];
                    var time = start + step * request;
                    foreach (var field in Fields)
                    {
                        var roll = random.Next(100);
                        var decision = roll < 90 ? FieldOutcome.Revealed : roll < 97 ? FieldOutcome.Masked : FieldOutcome.Denied;
                        batch.Add(new AccessRecord(caller, time, citizen, field, "citizen." + field[(field.IndexOf('.') + 1)..], decision,
                            decision == FieldOutcome.Masked ? FieldMask.Partial : FieldMask.None, decision == FieldOutcome.Denied ? "FIELD_NOT_ENTITLED" : null));
                    }
                }

                inFlight.Enqueue(writer.AppendAsync(batch, cancellationToken));
                if (inFlight.Count >= AppendsInFlight)
                {
                    await inFlight.Dequeue();
                }

                task.Value = Math.Min(first + RequestsPerAppend, requests) * Fields.Length;
            }

            await Task.WhenAll(inFlight);
        });
        AnsiConsole.MarkupLine($"Wrote [green]{requests * Fields.Length:N0}[/] entries in [green]{stopwatch.Elapsed.TotalSeconds:F1} s[/].");
        return 0;
    }
}
