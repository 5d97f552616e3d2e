using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using MergePS.Client;

namespace MergePS.Commands;

/// <summary>
/// The default session of each runspace. Keyed by the runspace object, so parallel runspaces
/// (ForEach-Object -Parallel, runbook jobs) never share or overwrite each other's connection,
/// and a closed runspace's session goes with it.
/// </summary>
internal static class SessionStore
{
    private static readonly ConditionalWeakTable<Runspace, Holder> s_sessions = new();

    public static MergeSession? Current
    {
        get => Runspace.DefaultRunspace is { } runspace && s_sessions.TryGetValue(runspace, out Holder? holder)
            ? holder.Session
            : null;
        set
        {
            if (Runspace.DefaultRunspace is { } runspace)
            {
                s_sessions.GetOrCreateValue(runspace).Session = value;
            }
        }
    }

    private sealed class Holder
    {
        public MergeSession? Session { get; set; }
    }
}
