using System.Management.Automation;

namespace MergePS.Commands;

/// <summary>Disconnect-Merge: forgets the runspace's session and its secrets.</summary>
[Cmdlet(VerbsCommunications.Disconnect, "Merge")]
[OutputType(typeof(void))]
public sealed class DisconnectMergeCommand : MergeCmdletBase
{
    protected override void EndProcessing()
    {
        Client.MergeSession? session = SessionStore.Current;
        SessionStore.Current = null;
        session?.Dispose();
        WriteVerbose(session is null ? "No session was connected." : "Disconnected from Merge.");
    }
}
