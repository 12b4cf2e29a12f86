using System.Diagnostics.CodeAnalysis;

namespace GraphQlRegistry.Policy.Citizens;

/// <summary>
/// A 12-digit personal identification number: 3 digits of the province of birth registration, 1 digit for
/// century and sex (1900s: 0 male, 1 female; 2000s: 2 male, 3 female; and so on by pairs), 2 digits of the
/// birth year, 6 serial digits. <see cref="ToString"/> never leaves the server in a log or an error.
/// </summary>
public readonly record struct PersonalId
{
    public const int Length = 12;
    private const int FirstCentury = 1900;

    private PersonalId(string value) => Value = value;

    public string Value { get; }

    public string ProvinceCode => Value[..3];

    public Sex Sex => (Value[3] - '0') % 2 == 0 ? Sex.Male : Sex.Female;

    public int BirthYear => FirstCentury + (Value[3] - '0') / 2 * 100 + int.Parse(Value.AsSpan(4, 2));

    public static bool IsWellFormed([NotNullWhen(true)] string? value) =>
        value is { Length: Length } && value.All(char.IsAsciiDigit);

    public static bool TryParse([NotNullWhen(true)] string? value, out PersonalId id)
    {
        id = IsWellFormed(value) ? new PersonalId(value) : default;
        return id.Value is not null;
    }

    public static PersonalId Compose(string provinceCode, Sex sex, int birthYear, int serial)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(provinceCode.Length, 3);
        ArgumentOutOfRangeException.ThrowIfLessThan(birthYear, FirstCentury);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(birthYear, 2399);
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(serial, 999_999);

        var centuryDigit = (birthYear - FirstCentury) / 100 * 2 + (sex == Sex.Female ? 1 : 0);
        return new PersonalId($"{provinceCode}{centuryDigit}{birthYear % 100:D2}{serial:D6}");
    }

    public override string ToString() => Value;
}
