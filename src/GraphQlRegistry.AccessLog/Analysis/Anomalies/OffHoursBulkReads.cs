namespace GraphQlRegistry.AccessLog.Analysis.Anomalies;

/// <summary>
/// Callers reading at least <see cref="AnomalyOptions.OffHoursCitizens"/> distinct citizens outside office hours
/// (weekdays between <see cref="AnomalyOptions.OfficeOpens"/> and <see cref="AnomalyOptions.OfficeCloses"/>, local time)
/// on one local day. Distinct citizens are counted exactly up to four times the threshold, enough for the severity.
/// </summary>
internal sealed class OffHoursBulkReads(AnomalyOptions options) : IAnomalyDetector
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    private readonly Dictionary<(string Caller, DateOnly Day), (Tally Tally, HashSet<string> Citizens)> _nights = [];

    public void Observe(in ScannedEntry entry)
    {
        if (!entry.IsRead)
        {
            return;
        }

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(entry.TimeUnixMs), _zone);
        if (IsOfficeHours(local))
        {
            return;
        }

        var key = (entry.Caller, DateOnly.FromDateTime(local.DateTime));
        if (!_nights.TryGetValue(key, out var night))
        {
            _nights[key] = night = (new Tally(options.EvidenceRequestIds), []);
        }

        night.Tally.Add(entry);
        if (night.Citizens.Count < 4 * options.OffHoursCitizens)
        {
            night.Citizens.Add(entry.CitizenRef!);
        }
    }

    public IEnumerable<AnomalyFinding> Findings() =>
        from pair in _nights
        let citizens = pair.Value.Citizens.Count
        where citizens >= options.OffHoursCitizens
        let tally = pair.Value.Tally
        orderby tally.FirstMs
        select new AnomalyFinding(AnomalyKind.OffHoursBulkRead, AnomalyFinding.SeverityOf(citizens, options.OffHoursCitizens), pair.Key.Caller,
            DateTimeOffset.FromUnixTimeMilliseconds(tally.FirstMs), DateTimeOffset.FromUnixTimeMilliseconds(tally.LastMs), citizens, options.OffHoursCitizens,
            $"{citizens:N0} citizens ({tally.Count:N0} fields) read outside office hours on {pair.Key.Day:yyyy-MM-dd} ({options.TimeZone})",
            tally.RequestIds);

    private bool IsOfficeHours(DateTimeOffset local)
    {
        var time = TimeOnly.FromDateTime(local.DateTime);
        return local.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && time >= options.OfficeOpens && time < options.OfficeCloses;
    }
}
