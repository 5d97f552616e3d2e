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

function Invoke-ChildPwsh([string] $Script, [hashtable] $Environment = @{}, [int] $TimeoutSeconds = 300) {
    # Runs a script in a fresh pwsh (the one running the tests) and returns its exit code and output.
    # $Environment adds or overrides variables; a $null value removes one.
    $exe = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    if (Test-Path $exe) { $info = [System.Diagnostics.ProcessStartInfo]::new($exe) }
    else { $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet'); $info.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
    foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $Script) { $info.ArgumentList.Add($argument) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    # Plain text: escape sequences in a failure message would break Pester's XML report.
    $info.Environment['NO_COLOR'] = '1'
    $info.Environment['POWERSHELL_TELEMETRY_OPTOUT'] = '1'
    $info.Environment['POWERSHELL_UPDATECHECK'] = 'Off'
    foreach ($key in $Environment.Keys) {
        if ($null -eq $Environment[$key]) { [void]$info.Environment.Remove($key) } else { $info.Environment[$key] = [string]$Environment[$key] }
    }
    # Anything a tool writes relative to the working directory lands in the throwaway home.
    $info.WorkingDirectory = if ($Environment.HOME) { $Environment.HOME } else { [System.IO.Path]::GetTempPath() }
    $process = [System.Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "The child pwsh did not finish within $TimeoutSeconds s. Output: $($stdout.Result) $($stderr.Result)"
    }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

function Get-ChildResult($Run) {
    # The child's last output line is its result as JSON.
    $line = @($Run.Output -split "`r?`n" | Where-Object { $_.Trim() }) | Select-Object -Last 1
    if ($Run.ExitCode -ne 0 -or -not $line) {
        $text = "$($Run.Output) $($Run.Error)" -replace '\x1b\[[0-9;]*[A-Za-z]', '' -replace '[\x00-\x08\x0b\x0c\x0e-\x1f]', ''
        throw "The child pwsh failed ($($Run.ExitCode)): $text"
    }
    $line | ConvertFrom-Json
}

function New-IsolatedHome {
    # A throwaway home: user module path, PSResourceGet and PowerShellGet settings all live under it.
    # The folders must exist: .NET reports a missing special folder as '', and PSResourceGet then
    # keeps its settings relative to the working directory.
    $root = Join-Path ([System.IO.Path]::GetTempPath()) ('mergeps-test-' + [guid]::NewGuid().ToString('N').Substring(0, 12))
    $environment = @{
        HOME            = $root
        USERPROFILE     = $root
        XDG_DATA_HOME   = Join-Path $root '.local/share'
        XDG_CONFIG_HOME = Join-Path $root '.config'
        XDG_CACHE_HOME  = Join-Path $root '.cache'
        LOCALAPPDATA    = Join-Path $root 'AppData/Local'
        APPDATA         = Join-Path $root 'AppData/Roaming'
    }
    foreach ($folder in $environment.Values) { New-Item -ItemType Directory -Force -Path $folder | Out-Null }
    $environment.PSModulePath = Join-Path $PSHOME 'Modules'
    $environment
}
