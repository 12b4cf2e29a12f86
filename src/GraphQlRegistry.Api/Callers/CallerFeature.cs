namespace GraphQlRegistry.Api.Callers;

/// <summary>
/// The caller of this request as the registry established it, set once per request (for an authenticated request to
/// an endpoint that needs one) and read by the rate limiter, the endpoints and the audited executor alike.
/// </summary>
public interface ICallerFeature
{
    CallerResolution Resolution { get; }
}

public sealed record CallerFeature(CallerResolution Resolution) : ICallerFeature;

/// <summary>Endpoint metadata: this endpoint serves an established caller, so the caller is resolved before it runs.</summary>
public sealed class CallerRequired
{
    public static readonly CallerRequired Metadata = new();

    private CallerRequired()
    {
    }
}
