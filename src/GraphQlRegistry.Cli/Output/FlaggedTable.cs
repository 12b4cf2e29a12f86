using GraphQlRegistry.AccessLog.Flags;
using Spectre.Console;

namespace GraphQlRegistry.Cli.Output;

/// <summary>Accesses citizens flagged as not requested or not agreed: printed before the statistical anomalies.</summary>
public static class FlaggedTable
{
    public static Table Of(IReadOnlyList<FlaggedAccess> flagged)
    {
        var table = new Table().Title($"[red]{flagged.Count} access(es) flagged by citizens[/]")
            .AddColumns("flagged (UTC)", "kind", "request", "read (UTC)", "organisation", "type", "fields", "citizen", "reason");
        foreach (var access in flagged)
        {
            table.AddRow(access.Flag.Time.UtcDateTime.ToString("yyyy-MM-dd HH:mm"), Wire.Name(access.Flag.Kind), Markup.Escape(access.Flag.RequestId),
                access.AccessedAt?.UtcDateTime.ToString("yyyy-MM-dd HH:mm") ?? "-", Markup.Escape(access.OrganizationId ?? access.Subject ?? "-"),
                Wire.Name(access.OrganizationType), Markup.Escape(string.Join(" ", access.Fields)), Markup.Escape(Shorten(access.Flag.CitizenRef)),
                Markup.Escape(access.Flag.Reason ?? ""));
        }

        return table;
    }

    /// <summary>The <c>--json</c> form: the flag and the access it is about.</summary>
    public static object Json(FlaggedAccess access) => new
    {
        requestId = access.Flag.RequestId,
        kind = Wire.Name(access.Flag.Kind),
        reason = access.Flag.Reason,
        flaggedAt = access.Flag.Time,
        flaggedInRequestId = access.Flag.FlaggedInRequestId,
        citizenRef = access.Flag.CitizenRef,
        accessedAt = access.AccessedAt,
        organizationId = access.OrganizationId,
        organizationType = access.OrganizationType,
        subject = access.Subject,
        purpose = access.Purpose,
        fields = access.Fields,
    };

    private static string Shorten(string citizenRef) => citizenRef.Length == 64 ? citizenRef[..12] + "…" : citizenRef;
}
