using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Json;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public partial class MergeClientTests
{
    public class UntypedSend
    {
        [Fact]
        public async Task Parses_with_a_type_known_only_at_run_time()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson("{\"id\":\"e1\",\"manager\":\"m1\"}");

            object result = await test.Client.SendAsync(
                TestClient.Get("hris/v1/employees/e1"), (System.Text.Json.Serialization.Metadata.JsonTypeInfo)HrisJsonContext.Default.Employee, test.Log, CancellationToken.None);

            Hris.Employee employee = Assert.IsType<Hris.Employee>(result);
            Assert.Equal("m1", employee.Manager);
        }

        [Fact]
        public async Task Retries_truncated_json_then_reports_an_invalid_response()
        {
            using var test = new TestClient(o => o.MaxAttempts = 2);
            test.Handler.RespondWith(_ => StubHandler.Response(HttpStatusCode.OK, "{\"id\":"));

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.Client.SendAsync(
                TestClient.Get("hris/v1/employees/e1"), (System.Text.Json.Serialization.Metadata.JsonTypeInfo)HrisJsonContext.Default.Employee, test.Log, CancellationToken.None));

            Assert.Equal(MergeErrorIds.InvalidResponse, error.ErrorId);
            Assert.Equal(2, test.Handler.Requests.Count);
        }
    }

    public class Downloads
    {
        [Fact]
        public async Task Hands_the_body_length_and_file_name_to_the_consumer()
        {
            using var test = new TestClient();
            byte[] bytes = Encoding.UTF8.GetBytes("%PDF-1.7 fake file");
            test.Handler.Enqueue((_, _) =>
            {
                var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) };
                response.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                response.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = "\"report.pdf\"" };
                return Task.FromResult(response);
            });
            byte[]? received = null;
            long? length = null;
            string? name = null;

            await test.Client.DownloadAsync(TestClient.Get("filestorage/v1/files/f1/download"), async (stream, size, fileName, token) =>
            {
                using var copy = new MemoryStream();
                await stream.CopyToAsync(copy, token);
                received = copy.ToArray();
                length = size;
                name = fileName;
            }, test.Log, CancellationToken.None);

            Assert.Equal(bytes, received);
            Assert.Equal(bytes.Length, length);
            Assert.Equal("report.pdf", name);
        }

        [Fact]
        public async Task Retries_until_the_headers_arrive_and_maps_errors_as_other_requests_do()
        {
            using var test = new TestClient(o => o.MaxAttempts = 2);
            test.Handler.Enqueue(HttpStatusCode.ServiceUnavailable, "{}");
            test.Handler.Enqueue(HttpStatusCode.NotFound, "{\"detail\":\"No such file.\"}");
            bool consumed = false;

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.Client.DownloadAsync(
                TestClient.Get("filestorage/v1/files/f1/download"), (_, _, _, _) => { consumed = true; return Task.CompletedTask; }, test.Log, CancellationToken.None));

            Assert.Equal(MergeErrorIds.NotFound, error.ErrorId);
            Assert.Contains("No such file.", error.Message);
            Assert.Equal(2, test.Handler.Requests.Count);
            Assert.False(consumed);
        }
    }
}
