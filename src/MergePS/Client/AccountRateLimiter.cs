using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace MergePS.Client;

/// <summary>
/// Keeps each linked account under a requests-per-minute budget on the client side, as Merge's
/// limits are per linked account (100/400/600 per minute by plan). Waiting here is cheaper than
/// a 429 and its Retry-After, and keeps a fan-out over many accounts from causing a 429 storm.
/// Keyed by the token's SecureString instance, so no secret is ever held as text.
/// </summary>
internal sealed class AccountRateLimiter
{
    private static readonly TimeSpan s_window = TimeSpan.FromMinutes(1);
    private readonly ConditionalWeakTable<SecureString, Queue<DateTime>> _windows = new();
    private readonly int _perMinute;

    public AccountRateLimiter(int perMinute) => _perMinute = perMinute;

    public async Task WaitAsync(SecureString? account, Func<TimeSpan, CancellationToken, Task> delay, CancellationToken cancellationToken)
    {
        if (account is null)
        {
            return;
        }

        Queue<DateTime> window = _windows.GetValue(account, _ => new Queue<DateTime>());
        while (true)
        {
            TimeSpan wait;
            lock (window)
            {
                DateTime now = DateTime.UtcNow;
                while (window.Count > 0 && now - window.Peek() >= s_window)
                {
                    window.Dequeue();
                }

                if (window.Count < _perMinute)
                {
                    window.Enqueue(now);
                    return;
                }

                wait = window.Peek() + s_window - now;
            }

            await delay(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, cancellationToken).ConfigureAwait(false);
        }
    }
}
