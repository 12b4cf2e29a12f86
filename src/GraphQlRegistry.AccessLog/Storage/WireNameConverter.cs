using GraphQlRegistry.AccessLog.Entries;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GraphQlRegistry.AccessLog.Storage;

/// <summary>Stores an enum by its SPEC name, the same text the chain hashes.</summary>
public sealed class WireNameConverter<T>() : ValueConverter<T, string>(value => WireNames.Of(value), name => WireNames.Parse<T>(name))
    where T : struct, Enum;
