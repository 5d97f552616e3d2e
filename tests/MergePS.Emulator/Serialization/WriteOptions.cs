using System;
using System.Collections.Generic;
using MergePS.Emulator.Data;

namespace MergePS.Emulator.Serialization;

/// <summary>What a request asked to see: expansions, remote data, sensitive fields, enum origins.</summary>
public sealed class WriteOptions
{
    public WriteOptions(AccountData data) => Data = data;

    public AccountData Data { get; }

    public ISet<string> Expand { get; init; } = EmptySet;

    public bool IncludeRemoteData { get; init; }

    /// <summary>The remote_fields list is only filled with include_remote_fields=true.</summary>
    public bool IncludeRemoteFields { get; init; }

    /// <summary>False hides fields like ssn (only for operations that offer include_sensitive_fields).</summary>
    public bool IncludeSensitive { get; init; } = true;

    /// <summary>Enum fields to show with the third party's own value (show_enum_origins / remote_fields).</summary>
    public ISet<string> EnumOrigins { get; init; } = EmptySet;

    /// <summary>Path prefix for remote_data entries, e.g. <c>/employees</c>.</summary>
    public string RemotePath { get; init; } = "/records";

    public static readonly ISet<string> EmptySet = new HashSet<string>(StringComparer.Ordinal);

    public static readonly ISet<string> SensitiveFields = new HashSet<string>(StringComparer.Ordinal) { "ssn" };
}
