using System.Text.Json;

namespace GraphQlRegistry.Api.Authentication;

/// <summary>What makes a signed, unexpired token still unacceptable (SPEC §1); <see cref="None"/> when it is sound.</summary>
public enum TokenDefect
{
    None,
    NotAnObject,
    DuplicateClaim,
    ClaimNotAString,
    MissingSubject,
    LifetimeTooLong,
}

/// <summary>
/// Checks the payload of a token whose signature, issuer, audience and expiry already passed: a claim given twice or
/// as an array is ambiguous (which value would the registry act on?), <c>sub</c> is required, and a token may live at
/// most the configured lifetime (<c>exp − iat</c>, and <c>exp − now</c>, so a token without <c>iat</c> is bounded too).
/// Reads the raw JSON because a claims principal has already merged duplicated keys.
/// </summary>
public static class TokenShape
{
    /// <summary>Claims the registry acts on as one value: each must be a single string.</summary>
    private static readonly HashSet<string> SingleStringClaims =
    [
        RegistryClaims.Subject, RegistryClaims.OrganizationId, RegistryClaims.PersonalId, RegistryClaims.Channel,
        RegistryClaims.Authority, RegistryClaims.UnitCode, RegistryClaims.Purpose,
    ];

    public static TokenDefect Check(ReadOnlySpan<byte> payload, DateTimeOffset now, TimeSpan maxLifetime)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        double? issuedAt = null;
        double? expires = null;
        var hasSubject = false;
        var reader = new Utf8JsonReader(payload);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return TokenDefect.NotAnObject;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                if (!names.Add(name))
                {
                    return TokenDefect.DuplicateClaim;
                }

                reader.Read();
                if (SingleStringClaims.Contains(name) && reader.TokenType != JsonTokenType.String)
                {
                    return TokenDefect.ClaimNotAString;
                }

                switch (name)
                {
                    case RegistryClaims.Subject:
                        hasSubject = reader.GetString() is { Length: > 0 };
                        break;
                    case "iat" when reader.TokenType == JsonTokenType.Number:
                        issuedAt = reader.GetDouble();
                        break;
                    case "exp" when reader.TokenType == JsonTokenType.Number:
                        expires = reader.GetDouble();
                        break;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return TokenDefect.NotAnObject;
        }

        if (!hasSubject)
        {
            return TokenDefect.MissingSubject;
        }

        var limit = maxLifetime.TotalSeconds;
        return expires is not { } exp
            || exp - now.ToUnixTimeSeconds() > limit + JwtAuthentication.ClockSkew.TotalSeconds
            || (issuedAt is { } iat && exp - iat > limit)
            ? TokenDefect.LifetimeTooLong
            : TokenDefect.None;
    }
}
