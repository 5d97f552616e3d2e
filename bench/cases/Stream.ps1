# Streaming throughput and memory: Get-MergeEmployee | Measure-Object over one account, in a fresh
# pwsh. Prints one JSON line: count, seconds (the timed pipeline only), peak working set, and the
# process CPU time over the same span, the pipeline floor (1..count | Measure-Object, what PowerShell alone costs for that many objects).
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $Token = 'hris-token-1',
    [string] $Floor = 'yes',
    # Later passes read the same records again in the same process (warm JIT); pass 1 is the figure.
    [int] $Passes = 1
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $Module
Connect-Merge -ApiKey 'test-api-key' -BaseUri $BaseUri
Set-MergeAccount -AccountToken $Token

# Warm-up outside the timing: the first request, JIT of the list path, the connection.
Get-MergeEmployee -First 100 | Out-Null
[GC]::Collect()

$cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
$watch = [Diagnostics.Stopwatch]::StartNew()
$measure = Get-MergeEmployee | Measure-Object
$seconds = $watch.Elapsed.TotalSeconds
$cpuSeconds = ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $cpu).TotalSeconds
$peak = Get-PeakWorkingSetMB

$warm = $null
for ($pass = 2; $pass -le $Passes; $pass++) {
    [GC]::Collect()
    $cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
    $watch.Restart()
    $null = Get-MergeEmployee | Measure-Object
    $warm = @{ seconds = $watch.Elapsed.TotalSeconds; cpuSeconds = ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $cpu).TotalSeconds }
}

$floorSeconds = $null
if ($Floor -eq 'yes') {
    $watch.Restart()
    $null = 1..$measure.Count | Measure-Object
    $floorSeconds = $watch.Elapsed.TotalSeconds
}

Write-Result @{ count = $measure.Count; seconds = $seconds; cpuSeconds = $cpuSeconds; peakWorkingSetMB = $peak; floorSeconds = $floorSeconds; warm = $warm }
