# Latency hiding: with emulated latency per page and a consumer that spends about as long on each
# page, the default session (next page fetched while the current one is written) against
# Connect-Merge -NoPrefetch (strictly in turn). Rounds interleave the two. Prints one JSON line.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $Token = 'hris-token-1',
    # The consumer sleeps $SleepMs after every $SleepEvery records: 10 ms every 10 records spreads
    # 100 ms over each page of 100; 100 ms every 100 records puts it all at the end of each page.
    [int] $SleepEvery = 10,
    [int] $SleepMs = 10,
    [int] $Rounds = 3
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $Module
if (-not (Get-Command Connect-Merge).Parameters.ContainsKey('NoPrefetch')) { throw 'Connect-Merge has no -NoPrefetch.' }

function Measure-Listing([bool] $Prefetch) {
    Connect-Merge -ApiKey 'test-api-key' -BaseUri $BaseUri -NoPrefetch:(-not $Prefetch)
    Set-MergeAccount -AccountToken $Token
    Get-MergeEmployee -First 1 | Out-Null
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $count = 0
    Get-MergeEmployee | ForEach-Object -Process {
        if ((++$count % $SleepEvery) -eq 0) { Start-Sleep -Milliseconds $SleepMs }
    }
    [pscustomobject]@{ Seconds = $watch.Elapsed.TotalSeconds; Count = $count }
}

$on = [Collections.Generic.List[double]]::new()
$off = [Collections.Generic.List[double]]::new()
$count = 0
for ($round = 0; $round -lt $Rounds; $round++) {
    $a = Measure-Listing $true
    $b = Measure-Listing $false
    $on.Add($a.Seconds)
    $off.Add($b.Seconds)
    $count = $a.Count
    if ($a.Count -ne $b.Count) { throw "Prefetch read $($a.Count) records, -NoPrefetch $($b.Count)." }
}

Write-Result @{ sleepEvery = $SleepEvery; sleepMs = $SleepMs; count = $count; prefetchSeconds = Get-Median $on; strictSeconds = Get-Median $off; rounds = $Rounds; allPrefetch = $on; allStrict = $off }
