# The alternative a PowerShell user writes by hand: an Invoke-RestMethod cursor loop streaming each
# page's results, piped to Measure-Object. Prints one JSON line: count, seconds and the process CPU time.
param(
    [Parameter(Mandatory)] [string] $BaseUri,
    [string] $Token = 'hris-token-1',
    [int] $MaxRecords = [int]::MaxValue
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')

$headers = @{ Authorization = 'Bearer test-api-key'; 'X-Account-Token' = $Token }
function Get-Employee {
    $uri = "$BaseUri/hris/v1/employees?page_size=100"
    $read = 0
    do {
        $page = Invoke-RestMethod -Uri $uri -Headers $headers
        $page.results
        $read += $page.results.Count
        $uri = "$BaseUri/hris/v1/employees?page_size=100&cursor=$([uri]::EscapeDataString([string]$page.next))"
    } while ($page.next -and $read -lt $MaxRecords)
}

# Warm-up outside the timing: one page.
$null = Invoke-RestMethod -Uri "$BaseUri/hris/v1/employees?page_size=100" -Headers $headers

$cpu = [Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime
$watch = [Diagnostics.Stopwatch]::StartNew()
$measure = Get-Employee | Measure-Object
$seconds = $watch.Elapsed.TotalSeconds
$cpuSeconds = ([Diagnostics.Process]::GetCurrentProcess().TotalProcessorTime - $cpu).TotalSeconds
Write-Result @{ count = $measure.Count; seconds = $seconds; cpuSeconds = $cpuSeconds; peakWorkingSetMB = Get-PeakWorkingSetMB }
