# Time to first object: Get-MergeEmployee | Select-Object -First 1 against accounts of very different
# sizes, interleaved, in one process; and the round trip of one 100-record page over HttpClient as
# the yardstick. Prints one JSON line: per account the median ms to the first object, and the page
# round trip median.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [string] $BaseUri,
    # size=token pairs, e.g. "1000=hris-token-1,100000=hris-token-3,1000000=hris-token-4"
    [Parameter(Mandatory)] [string] $Accounts,
    [int] $Rounds = 9
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot 'Common.ps1')
Import-Module $Module
Connect-Merge -ApiKey 'test-api-key' -BaseUri $BaseUri
$sizes = foreach ($pair in $Accounts -split ',') {
    $size, $token = $pair -split '='
    Set-MergeAccount -Name "n$size" -AccountToken $token
    [pscustomobject]@{ Size = [int]$size; Name = "n$size"; Token = $token; Ms = [Collections.Generic.List[double]]::new() }
}

$http = [Net.Http.HttpClient]::new()
$http.DefaultRequestHeaders.Add('Authorization', 'Bearer test-api-key')
$rtt = [Collections.Generic.List[double]]::new()
function Measure-PageRoundTrip([string] $Token) {
    $request = [Net.Http.HttpRequestMessage]::new([Net.Http.HttpMethod]::Get, "$BaseUri/hris/v1/employees?page_size=100")
    $request.Headers.Add('X-Account-Token', $Token)
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $response = $http.SendAsync($request).GetAwaiter().GetResult()
    $null = $response.EnsureSuccessStatusCode().Content.ReadAsStringAsync().GetAwaiter().GetResult()
    $watch.Elapsed.TotalMilliseconds
    $response.Dispose()
}

# Warm-up outside the timing: JIT, connections, and each account's first page.
foreach ($s in $sizes) {
    Get-MergeEmployee -Account $s.Name | Select-Object -First 1 | Out-Null
    $null = Measure-PageRoundTrip $s.Token
}

$largest = $sizes | Sort-Object Size | Select-Object -Last 1
for ($round = 0; $round -lt $Rounds; $round++) {
    foreach ($s in $sizes) {
        $first = $null
        $watch = [Diagnostics.Stopwatch]::StartNew()
        Get-MergeEmployee -Account $s.Name |
            ForEach-Object { if ($null -eq $first) { $first = $watch.Elapsed.TotalMilliseconds }; $_ } |
            Select-Object -First 1 | Out-Null
        $s.Ms.Add($first)
    }

    $rtt.Add((Measure-PageRoundTrip $largest.Token))
}

$result = [ordered]@{ pageRoundTripMs = Get-Median $rtt; rounds = $Rounds }
foreach ($s in $sizes) { $result["firstObjectMs_$($s.Size)"] = Get-Median $s.Ms }
Write-Result $result
