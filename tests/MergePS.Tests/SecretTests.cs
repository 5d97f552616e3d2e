using System;
using System.Text.Json;

using MergePS.Client;

using Xunit;

namespace MergePS.Tests;

public class SecretTests
{
    private const string ApiKey = "sk_live_9Fh2Kd8Lq4Zx7Vb1WXYZ";
    private const string Token = "lat_3Jk9Pq2Rs5Tu8Vw1ABCD";
    private const string OtherToken = "lat_7Mn4Bv6Cx8Zl2Kj5EFGH";

    private static MergeSession NewSession()
    {
        var session = new MergeSession(MergeRegion.EU, MergeEndpoints.BaseUriFor(MergeRegion.EU), Secret.FromString(ApiKey));
        session.SetAccount("acme", Secret.FromString(Token));
        session.SetAccount("globex", Secret.FromString(OtherToken), makeCurrent: false);
        return session;
    }

    public class Hint
    {
        [Fact]
        public void Shows_only_the_last_four_characters_behind_a_mask()
        {
            Assert.Equal("****WXYZ", Secret.Hint(Secret.FromString(ApiKey)));
        }

        [Theory]
        [InlineData("")]
        [InlineData("a")]
        [InlineData("abcd")]
        public void Shows_nothing_of_a_secret_of_four_characters_or_fewer(string value)
        {
            Assert.Equal("****", Secret.Hint(Secret.FromString(value)));
        }
    }

    public class RevealAndBlank
    {
        [Fact]
        public void Round_trips_through_a_secure_string()
        {
            var secure = Secret.FromString(ApiKey);

            Assert.True(secure.IsReadOnly());
            Assert.Equal(ApiKey.Length, secure.Length);
            Assert.Equal(ApiKey, Secret.Reveal(secure));
        }

        [Theory]
        [InlineData(null, true)]
        [InlineData("", true)]
        [InlineData("  \t ", true)]
        [InlineData("k", false)]
        public void Tells_a_blank_secret(string? value, bool blank)
        {
            Assert.Equal(blank, Secret.IsBlank(value is null ? null : Secret.FromString(value)));
        }
    }

    public class Session
    {
        [Fact]
        public void Shows_only_the_keys_hint_in_its_text()
        {
            using MergeSession session = NewSession();

            string text = session.ToString();

            Assert.Equal("Merge EU https://api-eu.merge.dev/api/ (key ****WXYZ)", text);
            Assert.DoesNotContain(ApiKey, text);
            Assert.Equal("****WXYZ", session.ApiKeyHint);
        }

        [Fact]
        public void Shows_only_the_tokens_hint_for_an_account()
        {
            using MergeSession session = NewSession();
            MergeAccount account = session.CurrentAccount!;

            Assert.Equal("acme (****ABCD)", account.ToString());
            Assert.Equal("****ABCD", account.TokenHint);
            Assert.DoesNotContain(Token, account.ToString());
        }

        [Fact]
        public void Leaves_the_secrets_out_when_serialised()
        {
            using MergeSession session = NewSession();

            string json = JsonSerializer.Serialize(session, new JsonSerializerOptions { WriteIndented = true });

            Assert.Contains("****WXYZ", json);
            Assert.Contains("****ABCD", json);
            Assert.Contains("****EFGH", json);
            Assert.DoesNotContain(ApiKey, json);
            Assert.DoesNotContain(Token, json);
            Assert.DoesNotContain(OtherToken, json);
            Assert.DoesNotContain("9Fh2Kd8Lq4Zx7Vb1", json);
            Assert.DoesNotContain("3Jk9Pq2Rs5Tu8Vw1", json);
        }

        [Fact]
        public void Leaves_the_secrets_out_of_a_serialised_account()
        {
            var account = new MergeAccount("acme", Secret.FromString(Token)) { Category = "hris", LinkedAccountId = "la-1" };

            string json = JsonSerializer.Serialize(account);

            Assert.Equal("{\"Name\":\"acme\",\"TokenHint\":\"****ABCD\",\"Category\":\"hris\",\"LinkedAccountId\":\"la-1\"}", json);
        }

        [Fact]
        public void Keeps_the_token_it_was_given_for_requests()
        {
            using MergeSession session = NewSession();

            Assert.True(session.TryGetAccount("GLOBEX", out MergeAccount globex));
            Assert.Equal(OtherToken, Secret.Reveal(globex.AccountToken));
            Assert.Equal(ApiKey, Secret.Reveal(session.ApiKey));
        }

        [Fact]
        public void Selects_accounts_by_name_in_any_case_and_refuses_unknown_ones()
        {
            using MergeSession session = NewSession();

            session.SelectAccount("GLOBEX");
            var error = Assert.Throws<MergeConfigurationException>(() => session.SelectAccount("initech"));

            Assert.Equal("globex", session.CurrentAccountName);
            Assert.Equal(MergeErrorIds.UnknownAccount, error.ErrorId);
            Assert.Equal(new[] { "acme", "globex" }, System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(session.Accounts, a => a.Name)));
        }
    }
}
