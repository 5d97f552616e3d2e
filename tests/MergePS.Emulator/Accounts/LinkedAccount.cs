using System;

namespace MergePS.Emulator.Accounts;

/// <summary>A seeded Linked Account: one end user's connection to one integration in one category.</summary>
public sealed class LinkedAccount
{
    public required string Id { get; init; }

    public required string Category { get; init; }

    public required string Token { get; init; }

    /// <summary>1-based position within its category; part of the token and of the data seed.</summary>
    public required int Number { get; init; }

    public required string IntegrationName { get; init; }

    public required string IntegrationSlug { get; init; }

    public required string IntegrationColor { get; init; }

    public required string EndUserOrganizationName { get; init; }

    public required string EndUserEmailAddress { get; init; }

    public required string EndUserOriginId { get; init; }

    public string Status { get; init; } = "COMPLETE";

    public required DateTime CompletedAt { get; init; }

    /// <summary>Names the account's own data set; stays the same when its token is regenerated.</summary>
    public string DataKey => Category + "-" + Number;
}
