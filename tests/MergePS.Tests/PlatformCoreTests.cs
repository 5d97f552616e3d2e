using System;
using System.Security.Cryptography;
using System.Text;

using MergePS.Client;

using Xunit;

namespace MergePS.Tests;

/// <summary>The pure pieces behind the platform and webhook cmdlets: signatures, envelopes, platform paths.</summary>
public class PlatformCoreTests
{
    private const string Key = "whsec_5f2c9a81d0";

    private static byte[] Body(string text) => Encoding.UTF8.GetBytes(text);

    private static string Reference(string key, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        return Convert.ToBase64String(hmac.ComputeHash(body)).Replace('+', '-').Replace('/', '_');
    }

    public class Signatures
    {
        [Fact]
        public void Are_padded_base64url_of_the_hmac_of_the_raw_bytes()
        {
            byte[] body = Body("{\"hook\": {\"event\": \"Employee.changed\"}, \"data\": {\"name\": \"Zoë\"}}");
            string signature = MergeWebhook.ComputeSignature(Secret.FromString(Key), body);
            Assert.Equal(Reference(Key, body), signature);
            Assert.Equal(44, signature.Length);
            Assert.EndsWith("=", signature);
            Assert.DoesNotContain("+", signature);
            Assert.DoesNotContain("/", signature);
        }

        [Fact]
        public void Verify_accepts_the_signature_with_or_without_padding_and_in_standard_base64()
        {
            byte[] body = Body("{\"a\":1}");
            string signature = Reference(Key, body);
            var key = Secret.FromString(Key);
            Assert.True(MergeWebhook.Verify(key, body, signature));
            Assert.True(MergeWebhook.Verify(key, body, signature.TrimEnd('=')));
            Assert.True(MergeWebhook.Verify(key, body, " " + signature.Replace('-', '+').Replace('_', '/') + " "));
        }

        [Fact]
        public void Verify_rejects_every_single_byte_change_another_key_and_blank_signatures()
        {
            byte[] body = Body("{\"hook\":{\"id\":\"h\"},\"data\":{\"id\":\"9b2f\"}}");
            string signature = Reference(Key, body);
            var key = Secret.FromString(Key);
            for (int i = 0; i < body.Length; i++)
            {
                byte[] changed = (byte[])body.Clone();
                changed[i] ^= 0x04;
                Assert.False(MergeWebhook.Verify(key, changed, signature), $"byte {i}");
            }

            Assert.False(MergeWebhook.Verify(Secret.FromString(Key + "x"), body, signature));
            Assert.False(MergeWebhook.Verify(key, body, null));
            Assert.False(MergeWebhook.Verify(key, body, "   "));
            Assert.False(MergeWebhook.Verify(key, body, signature.Substring(0, 43).TrimEnd('=') + "A"));
        }

        [Fact]
        public void Fixed_time_equality_compares_lengths_and_every_byte()
        {
            Assert.True(MergeWebhook.FixedTimeEquals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 3 }));
            Assert.False(MergeWebhook.FixedTimeEquals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2, 4 }));
            Assert.False(MergeWebhook.FixedTimeEquals(new byte[] { 1, 2, 3 }, new byte[] { 1, 2 }));
            Assert.False(MergeWebhook.FixedTimeEquals(new byte[] { 1, 2 }, new byte[] { 1, 2, 0 }));
            Assert.True(MergeWebhook.FixedTimeEquals(Array.Empty<byte>(), Array.Empty<byte>()));
        }
    }

    public class Envelopes
    {
        [Fact]
        public void Record_events_type_data_with_the_model_of_the_account_category()
        {
            MergeWebhookEvent parsed = MergeWebhook.Parse(
                "{\"hook\":{\"id\":\"h-1\",\"event\":\"Employee.changed\",\"target\":\"https://example.test/h\"}," +
                "\"linked_account\":{\"id\":\"a-1\",\"category\":\"HRIS\",\"integration\":\"BambooHR\"}," +
                "\"data\":{\"id\":\"e-1\",\"first_name\":\"Ada\"}}");
            Assert.Equal("Employee.changed", parsed.Event);
            Assert.Equal("Employee", parsed.ModelName);
            Assert.Equal("changed", parsed.Action);
            Assert.Equal("hris", parsed.Category);
            Assert.Equal("h-1", parsed.Hook!.Id);
            Assert.Equal("https://example.test/h", parsed.Hook.Target);
            Assert.Equal("a-1", parsed.LinkedAccount!.Id);
            var employee = Assert.IsType<MergePS.Hris.Employee>(parsed.Data);
            Assert.Equal("e-1", employee.Id);
            Assert.Equal("Ada", employee.FirstName);
        }

        [Theory]
        [InlineData("CRMAccount.added", "crm", typeof(MergePS.Crm.Account))]
        [InlineData("TicketingAccount.removed", "ticketing", typeof(MergePS.Ticketing.Account))]
        [InlineData("FileStorageFile.changed", "filestorage", typeof(MergePS.FileStorage.File))]
        [InlineData("KnowledgeBaseArticle.added", "knowledgebase", typeof(MergePS.KnowledgeBase.Article))]
        [InlineData("AccountingAttachment.added", "accounting", typeof(MergePS.Accounting.AccountingAttachment))]
        [InlineData("Candidate.added", "ats", typeof(MergePS.Ats.Candidate))]
        [InlineData("Issue.new", "crm", typeof(MergePS.Platform.Issue))]
        public void Prefixed_and_platform_event_names_find_their_model(string eventName, string category, Type expected)
        {
            int dot = eventName.LastIndexOf('.');
            var type = MergeWebhook.DataType(eventName.Substring(0, dot), eventName.Substring(dot + 1), category);
            Assert.NotNull(type);
            Assert.Equal(expected, type!.Type);
        }

        [Theory]
        [InlineData("LinkedAccount", "linked", "hris")]
        [InlineData("Employee", "synced", "hris")]
        [InlineData("AsyncPassthrough", "resolved", "hris")]
        [InlineData("Employee", "changed", "mktg")]
        [InlineData("NoSuchModel", "changed", "hris")]
        public void Other_events_keep_raw_data(string model, string action, string category)
        {
            Assert.Null(MergeWebhook.DataType(model, action, category));
        }

        [Fact]
        public void Raw_data_stays_json()
        {
            MergeWebhookEvent parsed = MergeWebhook.Parse("{\"hook\":{\"event\":\"LinkedAccount.synced\"},\"linked_account\":{\"category\":\"ats\"},\"data\":{\"is_initial_sync\":true}}");
            var element = Assert.IsType<System.Text.Json.JsonElement>(parsed.Data);
            Assert.True(element.GetProperty("is_initial_sync").GetBoolean());
        }

        [Fact]
        public void A_body_that_is_not_an_object_is_rejected()
        {
            Assert.ThrowsAny<System.Text.Json.JsonException>(() => MergeWebhook.Parse("[1,2]"));
        }
    }

    public class PlatformPaths
    {
        [Theory]
        [InlineData("GET", "hris/v1/linked-accounts", true)]
        [InlineData("GET", "ats/v1/issues/0c5b", true)]
        [InlineData("POST", "crm/v1/link-token", true)]
        [InlineData("GET", "email/v1/account-token/public-1", true)]
        [InlineData("POST", "hris/v1/generate-key", true)]
        [InlineData("GET", "hris/v1/default-scopes?x=1", true)]
        [InlineData("GET", "hris/v1/account-details", false)]
        [InlineData("POST", "hris/v1/account-token/regenerate", false)]
        [InlineData("GET", "hris/v1/linked-account-scopes", false)]
        [InlineData("POST", "hris/v1/issues", false)]
        [InlineData("GET", "hris/v1/employees", false)]
        [InlineData("GET", "nope/v1/issues", false)]
        public void Org_level_operations_come_from_the_platform_catalogue(string method, string path, bool orgLevel)
        {
            Assert.Equal(orgLevel, MergePlatform.IsOrgLevel(method, path));
        }

        [Fact]
        public void Paths_put_the_category_in_lower_case_before_v1()
        {
            Assert.Equal("ats/v1/sync-status", MergePlatform.PathFor("ATS", "/sync-status"));
            Assert.True(MergePlatform.IsPlatformPath("calendar/v1/linked-accounts/abc"));
            Assert.False(MergePlatform.IsPlatformPath("calendar/v1/events"));
            Assert.Equal(10, MergePlatform.CategoryNames.Count);
            Assert.Equal("hris", MergePlatform.CategoryNames[0]);
        }
    }
}
