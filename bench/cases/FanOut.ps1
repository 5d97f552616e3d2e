# Fan-out: N named accounts in one session; Get-MergeEmployee -Account * (parallel, bounded by
# -ThrottleLimit) against one account after another. The emulator adds latency per request and a
# per-account rate limit; the session keeps a client-side per-account limit. Before each run the
# emulator's request log and rate windows are reset; after it, its 429 answers are counted.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $BaseUri,
    [int] $Accounts = 20,
    [int] $LatencyMs = 100,
    [int] $RateLimitPerMinute = 100,
    [int] $ThrottleLimit = 0,
    [int] $Rounds = 2,
    # When given, the emulator's CPU time over each run is reported too.
    [int] $EmulatorPid = 0
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $Module
$control = ($BaseUri -replace '/api/?$', '') + '/_emulator'
$connect = @{ ApiKey = 'test-api-key'; BaseUri = $BaseUri }
if ((Get-Command Connect-Merge).Parameters.ContainsKey('MaxRequestsPerMinute')) { $connect.MaxRequestsPerMinute = $RateLimitPerMinute }
Connect-Merge @connect
$names = foreach ($n in 1..$Accounts) {
    Set-MergeAccount -Name "acct$n" -AccountToken "hris-token-$n"
    "acct$n"
}

$fanOut = @{ Account = '*' }
if ($ThrottleLimit -gt 0) {
    if (-not (Get-Command Get-MergeEmployee).Parameters.ContainsKey('ThrottleLimit')) { throw 'Get-MergeEmployee has no -ThrottleLimit.' }
    $fanOut.ThrottleLimit = $ThrottleLimit
}

function Reset-Emulator {
    $plan = @{ latencyMs = $LatencyMs; rateLimitPerMinute = $RateLimitPerMinute } | ConvertTo-Json -Compress
    $null = Invoke-RestMethod -Method Post -Uri "$control/faults" -Body $plan -ContentType 'application/json'
    $null = Invoke-RestMethod -Method Delete -Uri "$control/requests"
}

function Get-RequestCounts {
    $log = Invoke-RestMethod -Uri "$control/requests"
    [pscustomobject]@{ Requests = @($log).Count; Throttled = @($log | Where-Object status -eq 429).Count }
}

# Warm-up outside the timing, without latency: JIT and one connection.
$null = Invoke-RestMethod -Method Delete -Uri "$control/faults"
Get-MergeEmployee -Account $names[0] -First 1 | Out-Null

function Get-CpuSeconds {
    $client = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime.TotalSeconds
    $server = if ($EmulatorPid) { (Get-Process -Id $EmulatorPid).TotalProcessorTime.TotalSeconds } else { 0 }
    [pscustomobject]@{ Client = $client; Server = $server }
}

$cpu = @{ parallelClient = [Collections.Generic.List[double]]::new(); parallelServer = [Collections.Generic.List[double]]::new(); sequentialClient = [Collections.Generic.List[double]]::new(); sequentialServer = [Collections.Generic.List[double]]::new() }
$parallel = [Collections.Generic.List[double]]::new()
$sequential = [Collections.Generic.List[double]]::new()
$throttled = @{ parallel = 0; sequential = 0 }
$requests = @{ parallel = 0; sequential = 0 }
$counts = @{}
for ($round = 0; $round -lt $Rounds; $round++) {
    Reset-Emulator
    $c0 = Get-CpuSeconds
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $counts.parallel = (Get-MergeEmployee @fanOut | Measure-Object).Count
    $parallel.Add($watch.Elapsed.TotalSeconds)
    $c1 = Get-CpuSeconds
    $cpu.parallelClient.Add($c1.Client - $c0.Client); $cpu.parallelServer.Add($c1.Server - $c0.Server)
    $log = Get-RequestCounts
    $throttled.parallel += $log.Throttled
    $requests.parallel += $log.Requests

    Reset-Emulator
    $c0 = Get-CpuSeconds
    $watch.Restart()
    $counts.sequential = ($names | ForEach-Object { Get-MergeEmployee -Account $_ } | Measure-Object).Count
    $sequential.Add($watch.Elapsed.TotalSeconds)
    $c1 = Get-CpuSeconds
    $cpu.sequentialClient.Add($c1.Client - $c0.Client); $cpu.sequentialServer.Add($c1.Server - $c0.Server)
    $log = Get-RequestCounts
    $throttled.sequential += $log.Throttled
    $requests.sequential += $log.Requests
}

# Correctness, untimed: every object tagged with its account, every account complete.
Reset-Emulator
$groups = Get-MergeEmployee @fanOut | Group-Object -Property MergeAccount -NoElement
$perAccount = @($groups | ForEach-Object { $_.Count } | Sort-Object -Unique)
$null = Invoke-RestMethod -Method Delete -Uri "$control/faults"

Write-Result @{
    accounts = $Accounts; parallelSeconds = Get-Median $parallel; sequentialSeconds = Get-Median $sequential
    allParallel = $parallel; allSequential = $sequential
    parallelCount = $counts.parallel; sequentialCount = $counts.sequential
    parallel429 = $throttled.parallel; sequential429 = $throttled.sequential
    parallelRequests = $requests.parallel; sequentialRequests = $requests.sequential
    parallelClientCpu = Get-Median $cpu.parallelClient; parallelEmulatorCpu = Get-Median $cpu.parallelServer
    sequentialClientCpu = Get-Median $cpu.sequentialClient; sequentialEmulatorCpu = Get-Median $cpu.sequentialServer
    maxConnectionsPerServer = $(try { [MergePS.Client.MergeClientOptions]::new().MaxConnectionsPerServer } catch { $null })
    taggedAccounts = @($groups | Where-Object Name).Count; recordsPerAccount = $perAccount; rounds = $Rounds
}
