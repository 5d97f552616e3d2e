using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Json;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

/// <summary>The client with its real handler against a loopback HTTP server, where a redirect
/// would really be followed if the handler allowed it.</summary>
public class LoopbackServerTests
{
    public class DefaultHandler
    {
        [Fact]
        public async Task Does_not_follow_a_redirect_so_the_credentials_stay_put()
        {
            using var server = LoopbackServer.Start(context =>
            {
                if (context.Request.Url!.AbsolutePath == "/api/hris/v1/employees/e1")
                {
                    context.Response.StatusCode = 302;
                    context.Response.RedirectLocation = "/elsewhere/steal";
                    return string.Empty;
                }

                return "{\"id\":\"stolen\"}";
            });
            using var client = new MergeClient(server.BaseUri, Secret.FromString(TestClient.ApiKey), new MergeClientOptions { MaxAttempts = 3 });

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(
                () => client.SendAsync(TestClient.Get("hris/v1/employees/e1"), HrisJsonContext.Default.Employee, NullMergeLog.Instance, CancellationToken.None));
            await Task.Delay(50);

            Assert.Equal(MergeErrorIds.Redirected, error.ErrorId);
            Assert.Equal(HttpStatusCode.Redirect, error.StatusCode);
            Assert.Equal(new[] { "/api/hris/v1/employees/e1" }, server.Paths);
        }

        [Fact]
        public async Task Sends_the_credentials_and_reads_the_answer()
        {
            using var server = LoopbackServer.Start(_ => "{\"id\":\"e1\",\"manager\":{\"id\":\"m1\"}}");
            using var client = new MergeClient(server.BaseUri, Secret.FromString(TestClient.ApiKey), new MergeClientOptions());

            var employee = await client.SendAsync(TestClient.Get("hris/v1/employees/e1"), HrisJsonContext.Default.Employee, NullMergeLog.Instance, CancellationToken.None);

            Assert.Equal("m1", Assert.IsType<Hris.Employee>(employee.Manager).Id);
            Assert.Equal("Bearer " + TestClient.ApiKey, Assert.Single(server.Authorizations));
            Assert.Equal(TestClient.AccountToken, Assert.Single(server.AccountTokens));
        }
    }

    private sealed class LoopbackServer : IDisposable
    {
        private readonly HttpListener _listener;
        private readonly Func<HttpListenerContext, string> _respond;
        private readonly CancellationTokenSource _stop = new();
        private readonly System.Collections.Generic.List<string> _paths = new();
        private readonly System.Collections.Generic.List<string?> _authorizations = new();
        private readonly System.Collections.Generic.List<string?> _accountTokens = new();

        private LoopbackServer(HttpListener listener, Uri baseUri, Func<HttpListenerContext, string> respond)
        {
            _listener = listener;
            _respond = respond;
            BaseUri = baseUri;
            _ = Task.Run(ServeAsync);
        }

        public Uri BaseUri { get; }

        public string[] Paths
        {
            get
            {
                lock (_paths)
                {
                    return _paths.ToArray();
                }
            }
        }

        public string?[] Authorizations
        {
            get
            {
                lock (_paths)
                {
                    return _authorizations.ToArray();
                }
            }
        }

        public string?[] AccountTokens
        {
            get
            {
                lock (_paths)
                {
                    return _accountTokens.ToArray();
                }
            }
        }

        public static LoopbackServer Start(Func<HttpListenerContext, string> respond)
        {
            for (int tries = 0; ; tries++)
            {
                int port = FreePort();
                var listener = new HttpListener();
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                try
                {
                    listener.Start();
                    return new LoopbackServer(listener, MergeEndpoints.NormalizeBaseUri($"http://127.0.0.1:{port}/api"), respond);
                }
                catch (HttpListenerException) when (tries < 5)
                {
                    listener.Close();
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Close();
            _stop.Dispose();
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private async Task ServeAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                {
                    return;
                }

                lock (_paths)
                {
                    _paths.Add(context.Request.Url!.AbsolutePath);
                    _authorizations.Add(context.Request.Headers["Authorization"]);
                    _accountTokens.Add(context.Request.Headers["X-Account-Token"]);
                }

                string body = _respond(context);
                byte[] bytes = Encoding.UTF8.GetBytes(body);
                context.Response.ContentType = "application/json";
                context.Response.ContentLength64 = bytes.Length;
                await context.Response.OutputStream.WriteAsync(bytes);
                context.Response.Close();
            }
        }
    }
}
