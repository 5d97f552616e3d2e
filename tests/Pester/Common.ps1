# Shared by every Pester suite: imports the built module and talks to the emulator's control API.

if (-not $env:MERGEPS_TEST_MODULE -or -not $env:MERGEPS_TEST_EMULATOR) {
    throw 'Run the suites through build.ps1 Test (tests/Pester/Invoke-PesterSuite.ps1), which builds the module and starts the emulator.'
}

Import-Module $env:MERGEPS_TEST_MODULE -Force
$script:EmulatorUrl = $env:MERGEPS_TEST_EMULATOR
$script:ApiBase = "$script:EmulatorUrl/api"
$script:ApiKey = 'test-api-key'

function Reset-Emulator {
    Invoke-RestMethod -Method Post -Uri "$script:EmulatorUrl/_emulator/reset" | Out-Null
}

function Clear-EmulatorRequests {
    Invoke-RestMethod -Method Delete -Uri "$script:EmulatorUrl/_emulator/requests" | Out-Null
}

function Get-EmulatorRequests {
    # -NoEnumerate keeps an empty log an empty array rather than $null.
    $requests = Invoke-RestMethod -Uri "$script:EmulatorUrl/_emulator/requests"
    @($requests | Where-Object { $_ -ne $null })
}

function Get-QueryValue([string] $Query, [string] $Name) {
    foreach ($pair in $Query.TrimStart('?').Split('&', [StringSplitOptions]::RemoveEmptyEntries)) {
        $key, $value = $pair.Split('=', 2)
        if ([Uri]::UnescapeDataString($key) -eq $Name) { return [Uri]::UnescapeDataString($value) }
    }
}

function Invoke-EmulatorApi([string] $Path, [string] $Token = 'hris-token-1') {
    # Reads straight from the emulator, bypassing the module, to compute expected answers.
    Invoke-RestMethod -Uri "$script:ApiBase/$Path" -Headers @{ Authorization = "Bearer $script:ApiKey"; 'X-Account-Token' = $Token }
}

function Get-EmulatorAll([string] $Path, [string] $Token = 'hris-token-1') {
    # Every record of a listing, read page by page without the module.
    $separator = if ($Path.Contains('?')) { '&' } else { '?' }
    $url = "$Path${separator}page_size=100"
    while ($true) {
        $page = Invoke-EmulatorApi $url $Token
        $page.results
        if (-not $page.next) { break }
        $url = "$Path${separator}page_size=100&cursor=$([Uri]::EscapeDataString($page.next))"
    }
}

function Connect-TestSession([string] $Token = 'hris-token-1') {
    Connect-Merge -ApiKey $script:ApiKey -BaseUri $script:ApiBase
    if ($Token) { Set-MergeAccount -AccountToken $Token }
}

function Set-EmulatorFaults([hashtable] $Plan, [string] $Url = $script:EmulatorUrl) {
    # See tests/MergePS.Emulator/Control/Faults.cs for the plan's fields.
    Invoke-RestMethod -Method Post -Uri "$Url/_emulator/faults" -ContentType 'application/json' -Body ($Plan | ConvertTo-Json -Compress) | Out-Null
}

function Clear-EmulatorFaults([string] $Url = $script:EmulatorUrl) {
    Invoke-RestMethod -Method Delete -Uri "$Url/_emulator/faults" | Out-Null
}

function Get-EmulatorFaultCount([string] $Url = $script:EmulatorUrl) {
    (Invoke-RestMethod -Uri "$Url/_emulator/faults").injected
}

function Start-TestEmulator([string[]] $Arguments) {
    # A private emulator for suites that need other data sizes or keys; stopped with Stop-MergeEmulator.
    . (Join-Path $PSScriptRoot '../../tools/build/Common.ps1')
    Start-MergeEmulator $env:MERGEPS_TEST_EMULATOR_DLL $Arguments
}
