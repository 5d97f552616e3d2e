using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

using MergePS.Client;
using MergePS.Tests.Infrastructure;

using Xunit;

namespace MergePS.Tests;

public partial class MergeClientTests
{
    public class Timeouts
    {
        [Fact]
        public async Task Gives_up_on_a_server_that_never_answers_after_the_timeout()
        {
            using var test = new TestClient(o =>
            {
                o.Timeout = TimeSpan.FromMilliseconds(200);
                o.MaxAttempts = 1;
            });
            test.Handler.EnqueueHang();
            var clock = Stopwatch.StartNew();

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.Timeout, error.ErrorId);
            Assert.Null(error.StatusCode);
            Assert.Contains("did not complete within 0.2 s", error.Message);
            Assert.IsAssignableFrom<OperationCanceledException>(error.InnerException);
            Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(150), TimeSpan.FromSeconds(3));
        }

        [Fact]
        public async Task Retries_a_get_that_timed_out()
        {
            using var test = new TestClient(o =>
            {
                o.Timeout = TimeSpan.FromMilliseconds(100);
                o.MaxAttempts = 3;
            });
            test.Handler.EnqueueHang();
            test.Handler.EnqueueJson(EmployeeJson);

            var employee = await test.GetEmployeeAsync();

            Assert.Equal("e1", employee.Id);
            Assert.Equal(2, test.Handler.Requests.Count);
            Assert.Single(test.Delays);
        }

        [Fact]
        public async Task Does_not_retry_a_post_that_timed_out()
        {
            using var test = new TestClient(o => o.Timeout = TimeSpan.FromMilliseconds(100));
            test.Handler.EnqueueHang();
            test.Handler.EnqueueJson("{}");

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(
                () => test.Client.SendAsync(TestClient.Post("hris/v1/employees", "{}"), test.Log, CancellationToken.None));

            Assert.Equal(MergeErrorIds.Timeout, error.ErrorId);
            Assert.Single(test.Handler.Requests);
        }

        [Fact]
        public async Task Times_out_a_body_that_stops_arriving()
        {
            using var test = new TestClient(o =>
            {
                o.Timeout = TimeSpan.FromMilliseconds(200);
                o.MaxAttempts = 1;
            });
            test.Handler.Enqueue((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new StreamContent(new StallingStream("{\"id\":\"e1\","u8.ToArray())),
            }));
            var clock = Stopwatch.StartNew();

            MergeApiException error = await Assert.ThrowsAsync<MergeApiException>(() => test.GetEmployeeAsync());

            Assert.Equal(MergeErrorIds.Timeout, error.ErrorId);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"Took {clock.Elapsed}.");
        }

        [Fact]
        public async Task Throws_operation_canceled_promptly_when_the_caller_cancels()
        {
            using var test = new TestClient(o => o.Timeout = TimeSpan.FromSeconds(30));
            var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            test.Handler.RespondWith((_, token) =>
            {
                arrived.TrySetResult();
                return StubHandler.HangAsync(token);
            });
            using var cts = new CancellationTokenSource();
            Task<Hris.Employee> sending = test.GetEmployeeAsync(cancellationToken: cts.Token);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));

            var clock = Stopwatch.StartNew();
            cts.Cancel();
            Exception? error = await Record.ExceptionAsync(() => sending);

            Assert.IsAssignableFrom<OperationCanceledException>(error);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Took {clock.Elapsed} after the cancel.");
            Assert.Single(test.Handler.Requests);
            Assert.Empty(test.Delays);
        }

        [Fact]
        public async Task Sends_nothing_when_the_token_is_already_cancelled()
        {
            using var test = new TestClient();
            test.Handler.EnqueueJson(EmployeeJson);
            using var cts = new CancellationTokenSource();
            cts.Cancel();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => test.GetEmployeeAsync(cancellationToken: cts.Token));

            Assert.Empty(test.Handler.Requests);
        }

        [Fact]
        public async Task Throws_operation_canceled_promptly_when_the_caller_cancels_during_the_body()
        {
            using var test = new TestClient(o => o.Timeout = TimeSpan.FromSeconds(30));
            var body = new StallingStream("{\"id\":"u8.ToArray());
            test.Handler.Enqueue((_, _) => Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) }));
            using var cts = new CancellationTokenSource();
            Task<Hris.Employee> sending = test.GetEmployeeAsync(cancellationToken: cts.Token);
            await body.Stalled.WaitAsync(TimeSpan.FromSeconds(10));

            var clock = Stopwatch.StartNew();
            cts.Cancel();
            Exception? error = await Record.ExceptionAsync(() => sending);

            Assert.IsAssignableFrom<OperationCanceledException>(error);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"Took {clock.Elapsed} after the cancel.");
            Assert.Single(test.Handler.Requests);
        }

        /// <summary>
        /// Yields some bytes, then blocks until disposed, ignoring cancellation tokens, as a stalled
        /// network stream can; only the client's dispose-on-cancel gets a reader out.
        /// </summary>
        private sealed class StallingStream : Stream
        {
            private readonly byte[] _prefix;
            private readonly TaskCompletionSource<int> _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
            private int _position;

            public StallingStream(byte[] prefix) => _prefix = prefix;

            /// <summary>Completes once a reader has had the prefix and is waiting for more.</summary>
            public Task Stalled => _stalled.Task;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override void Flush()
            {
            }

            public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
                => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

            public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            {
                if (_position < _prefix.Length)
                {
                    int count = Math.Min(buffer.Length, _prefix.Length - _position);
                    _prefix.AsMemory(_position, count).CopyTo(buffer);
                    _position += count;
                    return new ValueTask<int>(count);
                }

                _stalled.TrySetResult();

                // The limit turns a client that never aborts the read into a failure instead of a hung run.
                return new ValueTask<int>(_disposed.Task.WaitAsync(StubHandler.HangLimit));
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

            protected override void Dispose(bool disposing)
            {
                _disposed.TrySetException(new ObjectDisposedException(nameof(StallingStream)));
                base.Dispose(disposing);
            }
        }
    }
}
