<#
.SYNOPSIS
    Runs the MergePS benchmarks against local emulators and writes docs/benchmarks.md.
.DESCRIPTION
    Run by `dotnet pwsh ./build.ps1 Bench` (which builds the module, the emulator and bench/RawLoop
    first). Every figure is a ratio of two things measured side by side in this one run on this
    machine: the runs of the two sides are interleaved and each side's median is taken, so load from
    other processes weighs on both sides alike. Each case runs in a fresh pwsh (bench/cases/*.ps1)
    and prints one RESULT line; this script starts the emulators, runs the cases, and writes the table.
.PARAMETER Only
    Run some benchmarks only (Import, Throughput, Memory, FirstObject, Latency, FanOut); the table
    then shows the others as not run.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorDll,
    [Parameter(Mandatory)] [string] $RawLoopDll,
    [string] $OutFile = (Join-Path $PSScriptRoot '../docs/benchmarks.md'),
    [ValidateSet('Import', 'Throughput', 'Memory', 'FirstObject', 'Latency', 'FanOut')]
    [string[]] $Only = @('Import', 'Throughput', 'Memory', 'FirstObject', 'Latency', 'FanOut'),
    [int] $ImportRuns = 7,
    [int] $ImportReferenceRuns = 5,
    [int] $ThroughputRounds = 3,
    # The Invoke-RestMethod loop reads this many of the 100,000 records per run (a full pass takes
    # minutes); its rate, records per second, is what is compared.
    [int] $IrmRecords = 20000
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
. (Join-Path $root 'tools/build/Common.ps1')
. (Join-Path $PSScriptRoot 'cases/Common.ps1')

$dotnet = [Environment]::ProcessPath
$pwshDll = Join-Path $PSHOME 'pwsh.dll'
$cases = Join-Path $PSScriptRoot 'cases'
$resultsDir = Join-Path $PSScriptRoot 'results'
New-Item -ItemType Directory -Force -Path $resultsDir | Out-Null

# A private copy of the built module (MergePS/<version>/), so a concurrent build that rewrites
# output/ cannot change it mid-run; on PSModulePath, a fresh pwsh finds it by name as an installed one.
$builtDir = Split-Path (Resolve-Path $ModuleManifest).Path
$modulesRoot = Join-Path $resultsDir 'modules'
if (Test-Path $modulesRoot) { Remove-Item -Recurse -Force $modulesRoot }
$privateDir = Join-Path $modulesRoot ('MergePS/' + (Split-Path $builtDir -Leaf))
New-Item -ItemType Directory -Force -Path $privateDir | Out-Null
Copy-Item -Path (Join-Path $builtDir '*') -Destination $privateDir -Recurse
$moduleManifest = Join-Path $privateDir 'MergePS.psd1'
$moduleDll = Join-Path $privateDir 'MergePS.dll'
$env:PSModulePath = $modulesRoot + [IO.Path]::PathSeparator + $env:PSModulePath
# The emulator likewise.
$emulatorDir = Join-Path $resultsDir 'emulator'
if (Test-Path $emulatorDir) { Remove-Item -Recurse -Force $emulatorDir }
Copy-Item -Path (Split-Path (Resolve-Path $EmulatorDll).Path) -Destination $emulatorDir -Recurse
$EmulatorDll = Join-Path $emulatorDir (Split-Path $EmulatorDll -Leaf)
$env:POWERSHELL_TELEMETRY_OPTOUT = '1'
$env:POWERSHELL_UPDATECHECK = 'Off'
$anchor = '2026-01-01T00:00:00Z'
$started = Get-Date
$totalWatch = [Diagnostics.Stopwatch]::StartNew()

function Get-LoadAverage {
    if (Test-Path /proc/loadavg) { return ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ' ' }
    return 'n/a'
}

function Get-RelativePath([string] $Path) { [IO.Path]::GetRelativePath($root, $Path) -replace '\\', '/' }

# Runs a process to completion (killing it after $TimeoutSeconds); returns its output and wall time.
function Invoke-Timed([string[]] $Arguments, [int] $TimeoutSeconds = 600) {
    $info = [Diagnostics.ProcessStartInfo]::new($dotnet)
    foreach ($a in $Arguments) { $info.ArgumentList.Add($a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSeconds * 1000)) {
        $process.Kill($true)
        throw "Timed out after $TimeoutSeconds s: $($Arguments -join ' ')"
    }
    $process.WaitForExit()
    $elapsed = $watch.Elapsed
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result; Elapsed = $elapsed }
}

# Runs one case script in a fresh pwsh and returns its RESULT object.
function Invoke-Case([string] $Script, [System.Collections.IDictionary] $Parameters, [int] $TimeoutSeconds = 600) {
    $arguments = @($pwshDll, '-NoProfile', '-NonInteractive', '-File', (Join-Path $cases $Script))
    foreach ($key in $Parameters.Keys) { $arguments += "-$key"; $arguments += [string]$Parameters[$key] }
    $run = Invoke-Timed $arguments $TimeoutSeconds
    $line = ($run.Output -split "`n") | Where-Object { $_.StartsWith('RESULT ') } | Select-Object -Last 1
    if ($run.ExitCode -ne 0 -or -not $line) {
        throw "$Script failed (exit $($run.ExitCode)):`n$($run.Output)`n$($run.Error)"
    }
    $line.Substring(7) | ConvertFrom-Json
}

function Format-CaseCommand([string] $Script, [System.Collections.IDictionary] $Parameters) {
    $text = "dotnet pwsh -NoProfile -File bench/cases/$Script"
    foreach ($key in $Parameters.Keys) {
        $value = [string]$Parameters[$key]
        if ($key -eq 'Module') { $value = 'MergePS' }
        $value = $value -replace 'http://127\.0\.0\.1:\d+', 'http://127.0.0.1:<port>'
        $text += " -$key $value"
    }
    $text
}

function Start-BenchEmulator([string[]] $Arguments) {
    $all = @('--now', $anchor) + $Arguments
    $emulator = Start-MergeEmulator $EmulatorDll $all
    $emulator | Add-Member -NotePropertyName Command -NotePropertyValue ("dotnet tests/MergePS.Emulator/bin/Release/net10.0/MergePS.Emulator.dll " + ($Arguments -join ' '))
    $emulator | Add-Member -NotePropertyName Api -NotePropertyValue "$($emulator.Url)/api"
    $emulator
}

# The account's first request generates its data; do it before anything is timed.
function Initialize-Account($Emulator, [string] $Token) {
    $watch = [Diagnostics.Stopwatch]::StartNew()
    $null = Invoke-RestMethod -Uri "$($Emulator.Api)/hris/v1/employees?page_size=1" -Headers @{ Authorization = 'Bearer test-api-key'; 'X-Account-Token' = $Token }
    $watch.Elapsed.TotalSeconds
}

function Write-Step([string] $Text) { Write-Host ("[{0,6:0.0}s] {1}" -f $totalWatch.Elapsed.TotalSeconds, $Text) }

$rows = [ordered]@{}
$notes = [Collections.Generic.List[string]]::new()
$commands = [ordered]@{}
$raw = [ordered]@{}
$loadStart = Get-LoadAverage

function Add-Row([string] $Key, [string] $Name, [string] $Measured, [string] $Figure, [string] $Goal, $Met, [string] $Ref) {
    $rows[$Key] = [pscustomobject]@{ Name = $Name; Measured = $Measured; Figure = $Figure; Goal = $Goal; Met = $Met; Ref = $Ref }
}

function Invoke-Benchmark([string] $Key, [scriptblock] $Body) {
    if ($Only -notcontains $Key) { return }
    Write-Step "$Key..."
    try { & $Body }
    catch {
        Write-Warning "$Key failed: $_"
        $rows[$Key] = [pscustomobject]@{ Name = $Key; Measured = 'failed: ' + ($_.Exception.Message -split "`n")[0]; Figure = '—'; Goal = '—'; Met = $false; Ref = '' }
    }
}

# 1. Import cost -------------------------------------------------------------------------------
Invoke-Benchmark 'Import' {
    # In each import run the process also times Import-Module itself (wall and CPU ms). For context,
    # the same is timed for a built-in binary module (Microsoft.PowerShell.Security, what any module
    # import costs PowerShell) and for MergePS without its view and type files (what they cost).
    $variantDir = Join-Path $resultsDir 'modules-noviews/MergePS'
    if (Test-Path $variantDir) { Remove-Item -Recurse -Force $variantDir }
    New-Item -ItemType Directory -Force -Path $variantDir | Out-Null
    Copy-Item -Path $privateDir -Destination $variantDir -Recurse
    $variantManifest = Join-Path $variantDir (Join-Path (Split-Path $privateDir -Leaf) 'MergePS.psd1')
    (Get-Content -Raw $variantManifest) -replace '(?m)^\s*(FormatsToProcess|TypesToProcess)\s*=.*$', '' | Set-Content $variantManifest -NoNewline

    function Get-ImportArgs([string] $Module) {
        @($pwshDll, '-NoProfile', '-NonInteractive', '-Command',
            ('$p = [Diagnostics.Process]::GetCurrentProcess(); $c = $p.TotalProcessorTime; $w = [Diagnostics.Stopwatch]::StartNew(); ' +
             $(if ($Module) { "Import-Module '$Module'; " } else { '' }) +
             '$ms = $w.Elapsed.TotalMilliseconds; $p.Refresh(); ''IMPORT {0} {1}'' -f $ms.ToString([cultureinfo]::InvariantCulture), ($p.TotalProcessorTime - $c).TotalMilliseconds.ToString([cultureinfo]::InvariantCulture); exit 0'))
    }
    function Invoke-Import([object[]] $Arguments, [string] $Name) {
        $run = Invoke-Timed $Arguments
        if ($run.ExitCode -ne 0 -or $run.Output -notmatch 'IMPORT ([\d.]+) ([\d.]+)') { throw "Import-Module $Name failed: $($run.Output) $($run.Error)" }
        [pscustomobject]@{ Wall = $run.Elapsed.TotalMilliseconds; Ms = [double]$Matches[1]; Cpu = [double]$Matches[2] }
    }

    $series = @{}
    foreach ($k in 'bare', 'import', 'importMs', 'importCpu', 'builtinMs', 'builtinCpu', 'noviewsMs', 'noviewsCpu') { $series[$k] = [Collections.Generic.List[double]]::new() }
    # The bare start runs the same command without the import (it prints the same kind of line).
    $bareArgs = Get-ImportArgs ''
    $importArgs = Get-ImportArgs 'MergePS'
    $builtinArgs = Get-ImportArgs 'Microsoft.PowerShell.Security'
    $noviewsArgs = Get-ImportArgs $variantManifest
    $null = Invoke-Timed $bareArgs; $null = Invoke-Import $importArgs 'MergePS'
    for ($i = 0; $i -lt $ImportRuns; $i++) {
        # Alternate which goes first, so neither side always follows the other.
        $pair = if ($i % 2) { @('import', 'bare') } else { @('bare', 'import') }
        foreach ($side in $pair) {
            if ($side -eq 'bare') { $series.bare.Add((Invoke-Timed $bareArgs).Elapsed.TotalMilliseconds) }
            else {
                $r = Invoke-Import $importArgs 'MergePS'
                $series.import.Add($r.Wall); $series.importMs.Add($r.Ms); $series.importCpu.Add($r.Cpu)
            }
        }
        if ($i -lt $ImportReferenceRuns) {
            $r = Invoke-Import $builtinArgs 'Microsoft.PowerShell.Security'
            $series.builtinMs.Add($r.Ms); $series.builtinCpu.Add($r.Cpu)
            $r = Invoke-Import $noviewsArgs 'MergePS (no views)'
            $series.noviewsMs.Add($r.Ms); $series.noviewsCpu.Add($r.Cpu)
        }
    }
    $med = @{}
    foreach ($k in $series.Keys) { $med[$k] = Get-Median $series[$k] }
    $added = $med.import - $med.bare
    $raw.Import = $series
    Add-Row 'Import' 'Import cost' `
        ("fresh ``pwsh`` + ``Import-Module MergePS``: {0:N0} ms; bare ``pwsh``: {1:N0} ms (medians of {2}, alternating); ``Import-Module MergePS`` timed inside the process: {3:N0} ms ({4:N0} ms CPU)" -f $med.import, $med.bare, $ImportRuns, $med.importMs, $med.importCpu) `
        ("**{0:N0} ms added**" -f $added) '< 100 ms added' ($added -lt 100) 'import'
    $notes.Add(("Import, same run, timed inside fresh processes (medians; references {0} runs each): ``Import-Module MergePS`` {1:N0} ms / {2:N0} ms CPU; the same module without its ``FormatsToProcess``/``TypesToProcess`` files {3:N0} ms / {4:N0} ms CPU; the built-in binary module ``Microsoft.PowerShell.Security`` {5:N0} ms / {6:N0} ms CPU." -f $ImportReferenceRuns, $med.importMs, $med.importCpu, $med.noviewsMs, $med.noviewsCpu, $med.builtinMs, $med.builtinCpu))
    $quote = { param($a) "dotnet pwsh -NoProfile -NonInteractive -Command '" + ($a[-1] -replace "'", "''") + "'" }
    $commands.import = @(
        '# bare start, then the same with the import (the built module is found on PSModulePath); alternating'
        (& $quote $bareArgs)
        (& $quote $importArgs)
        '# references: a built-in binary module, and MergePS without its FormatsToProcess/TypesToProcess files'
        (& $quote $builtinArgs) -replace [regex]::Escape($resultsDir), 'bench/results'
        (& $quote $noviewsArgs) -replace [regex]::Escape($resultsDir), 'bench/results'
    )
}

# 2. Throughput ---------------------------------------------------------------------------------
Invoke-Benchmark 'Throughput' {
    $emulator = Start-BenchEmulator @('--employees', '100000')
    try {
        $generation = Initialize-Account $emulator 'hris-token-1'
        $notes.Add(("100,000 real employees (with employments, locations, teams...) generated by the emulator in {0:N1} s." -f $generation))
        $module = [Collections.Generic.List[double]]::new(); $irm = [Collections.Generic.List[double]]::new()
        $rawLoop = [Collections.Generic.List[double]]::new(); $fullModel = [Collections.Generic.List[double]]::new()
        $floor = [Collections.Generic.List[double]]::new()
        # Client CPU time per record (µs): contention from other processes stretches wall time, much less CPU time.
        $cpu = @{ module = [Collections.Generic.List[double]]::new(); irm = [Collections.Generic.List[double]]::new(); minimal = [Collections.Generic.List[double]]::new(); full = [Collections.Generic.List[double]]::new() }
        $moduleParams = [ordered]@{ Module = $moduleManifest; BaseUri = $emulator.Api; Token = 'hris-token-1' }
        $irmParams = [ordered]@{ BaseUri = $emulator.Api; Token = 'hris-token-1'; MaxRecords = $IrmRecords }
        $rawArgs = @($RawLoopDll, '--base-uri', $emulator.Api, '--token', 'hris-token-1')
        $count = 0; $irmCount = 0
        # The first round also reads everything a second time in the same process (warm JIT).
        $warm = @{}
        for ($round = 0; $round -lt $ThroughputRounds; $round++) {
            Write-Step "  throughput round $($round + 1)/$ThroughputRounds"
            $passes = if ($round -eq 0) { 2 } else { 1 }
            $m = Invoke-Case 'Stream.ps1' ($moduleParams + @{ Passes = $passes })
            $module.Add($m.count / $m.seconds); $floor.Add($m.floorSeconds); $count = $m.count
            $cpu.module.Add($m.cpuSeconds * 1e6 / $m.count)
            if ($m.warm) { $warm.module = $m.warm }
            $i = Invoke-Case 'IrmStream.ps1' $irmParams
            $irm.Add($i.count / $i.seconds); $irmCount = $i.count
            $cpu.irm.Add($i.cpuSeconds * 1e6 / $i.count)
            foreach ($variant in 'minimal', 'full') {
                $arguments = if ($variant -eq 'full') { $rawArgs + @('--model-mergeps', $moduleDll) } else { $rawArgs }
                $run = Invoke-Timed ($arguments + @('--passes', "$passes"))
                if ($run.ExitCode -ne 0) { throw "RawLoop failed: $($run.Output) $($run.Error)" }
                $lines = @($run.Output -split "`n" | Where-Object { $_.StartsWith('{') } | ForEach-Object { $_ | ConvertFrom-Json })
                $r = $lines[0]
                if ($lines.Count -gt 1) { $warm[$variant] = $lines[-1] }
                if ($r.count -ne $count) { throw "RawLoop read $($r.count) records, the module $count." }
                if ($variant -eq 'full') { $fullModel.Add($r.count / $r.seconds) } else { $rawLoop.Add($r.count / $r.seconds) }
                $cpu[$variant].Add($r.cpuSeconds * 1e6 / $r.count)
            }
        }
        $mRate = Get-Median $module; $iRate = Get-Median $irm; $rRate = Get-Median $rawLoop; $fRate = Get-Median $fullModel
        $floorRate = $count / (Get-Median $floor)
        $raw.Throughput = @{ moduleRecordsPerSecond = $module; irmRecordsPerSecond = $irm; rawRecordsPerSecond = $rawLoop; rawFullModelRecordsPerSecond = $fullModel; pipelineFloorSeconds = $floor; count = $count; irmCount = $irmCount; cpuMicrosecondsPerRecord = $cpu }
        $cm = Get-Median $cpu.module; $ci = Get-Median $cpu.irm; $cr = Get-Median $cpu.minimal; $cf = Get-Median $cpu.full
        $notes.Add(("Client CPU time per record (process CPU over the timed span, medians; less sensitive to other load than wall time): module {0:N1} µs, ``Invoke-RestMethod`` loop {1:N1} µs ({2:N1}× the module), raw loop {3:N1} µs (module at {4:N2}× its speed), raw loop with the module's full model {5:N1} µs." -f $cm, $ci, ($ci / $cm), $cr, ($cr / $cm), $cf))
        Add-Row 'ThroughputIrm' 'Streaming throughput vs Invoke-RestMethod loop' `
            ("``Get-MergeEmployee | Measure-Object`` over {0:N0} employees: {1:N0} records/s; idiomatic ``Invoke-RestMethod`` cursor loop ``| Measure-Object``: {2:N0} records/s (first {3:N0} of the same records) — medians of {4}" -f $count, $mRate, $iRate, $irmCount, $ThroughputRounds) `
            ("**{0:N1}×**" -f ($mRate / $iRate)) '≥ 5×' (($mRate / $iRate) -ge 5) 'throughput'
        Add-Row 'ThroughputRaw' 'Streaming throughput vs raw C# loop' `
            ("module as above: {0:N0} records/s; HttpClient + source-generated System.Text.Json into a minimal record (``bench/RawLoop``): {1:N0} records/s — medians of {2}" -f $mRate, $rRate, $ThroughputRounds) `
            ("**{0:N2}×**" -f ($mRate / $rRate)) '≥ 0.5×' (($mRate / $rRate) -ge 0.5) 'throughput'
        $notes.Add(("Throughput context (same run): the raw loop deserializing into the module's full ``Employee`` model through its own generated context (``RawLoop --model-mergeps``): {0:N0} records/s ({1:N2}× the minimal record); PowerShell alone passing {2:N0} integers to ``Measure-Object`` (``1..{2} | Measure-Object``): {3:N0} objects/s." -f $fRate, ($fRate / $rRate), $count, $floorRate))
        if ($warm.Count -eq 3) {
            $notes.Add(("Warm (a second pass over the 100,000 in the same process, first round only), client CPU per record: module {0:N1} µs, raw loop {1:N1} µs (module at {2:N2}×), raw loop with the module's full model {3:N1} µs; wall: module {4:N0} records/s, raw loop {5:N0} records/s ({6:N2}×)." -f ($warm.module.cpuSeconds * 1e6 / $count), ($warm.minimal.cpuSeconds * 1e6 / $count), ($warm.minimal.cpuSeconds / $warm.module.cpuSeconds), ($warm.full.cpuSeconds * 1e6 / $count), ($count / $warm.module.seconds), ($count / $warm.minimal.seconds), ($warm.minimal.seconds / $warm.module.seconds)))
            $raw.Throughput.warm = $warm
        }
        $commands.throughput = @(
            $emulator.Command
            (Format-CaseCommand 'Stream.ps1' $moduleParams)
            (Format-CaseCommand 'IrmStream.ps1' $irmParams)
            "dotnet bench/RawLoop/bin/Release/net10.0/RawLoop.dll --base-uri http://127.0.0.1:<port>/api --token hris-token-1 [--model-mergeps output/MergePS/<version>/MergePS.dll] [--passes 2]"
            '# the first round runs Stream.ps1 with -Passes 2 and RawLoop with --passes 2 (a warm second pass, reported in the notes)'
        )
    }
    finally { Stop-MergeEmulator $emulator }
}

# 3-5 share one emulator: synthetic employees per account, sizes by token, latency switched on for 5.
$synthetic = $null
# hris-token-<n> has $sizes[n - 1] employees.
$sizes = @(1000, 10000, 100000, 1000000, 2000)
if ($Only -contains 'Memory' -or $Only -contains 'FirstObject' -or $Only -contains 'Latency') {
    $synthetic = Start-BenchEmulator @('--accounts', "$($sizes.Count)", '--synthetic-employees', ($sizes -join ','))
    foreach ($n in 1..$sizes.Count) { $null = Initialize-Account $synthetic "hris-token-$n" }
}

try {
    # 3. Memory ---------------------------------------------------------------------------------
    Invoke-Benchmark 'Memory' {
        $results = @{}
        $params = @{}
        foreach ($n in 2, 4) {
            $params[$n] = [ordered]@{ Module = $moduleManifest; BaseUri = $synthetic.Api; Token = "hris-token-$n"; Floor = 'no' }
            Write-Step ("  streaming {0:N0}" -f $sizes[$n - 1])
            $results[$n] = Invoke-Case 'Stream.ps1' $params[$n] 900
            if ($results[$n].count -ne $sizes[$n - 1]) { throw "Streamed $($results[$n].count) of $($sizes[$n - 1]) records." }
        }
        $small = $results[2]; $large = $results[4]
        $delta = $large.peakWorkingSetMB - $small.peakWorkingSetMB
        $raw.Memory = @{ small = $small; large = $large }
        Add-Row 'Memory' 'Memory' `
            ("peak working set of the pwsh process running ``Get-MergeEmployee | Measure-Object``: {0:N0} records {1:N0} MB, {2:N0} records {3:N0} MB ({4:N0} records/s)" -f $large.count, $large.peakWorkingSetMB, $small.count, $small.peakWorkingSetMB, ($large.count / $large.seconds)) `
            ("**{0:+0.0;-0.0;0.0} MB**" -f $delta) '≤ 50 MB more' ($delta -le 50) 'memory'
        $commands.memory = @($synthetic.Command, (Format-CaseCommand 'Stream.ps1' $params[2]), (Format-CaseCommand 'Stream.ps1' $params[4]))
    }

    # 4. Time to first object -------------------------------------------------------------------
    Invoke-Benchmark 'FirstObject' {
        $params = [ordered]@{ Module = $moduleManifest; BaseUri = $synthetic.Api; Accounts = '1000=hris-token-1,100000=hris-token-3,1000000=hris-token-4'; Rounds = 9 }
        $r = Invoke-Case 'FirstObject.ps1' $params
        $small = $r.firstObjectMs_1000; $mid = $r.firstObjectMs_100000; $large = $r.firstObjectMs_1000000
        $spread = ([double[]]@($small, $mid, $large) | Measure-Object -Maximum -Minimum)
        $gap = $spread.Maximum - $spread.Minimum
        $raw.FirstObject = $r
        Add-Row 'FirstObject' 'Time to first object' `
            ("``Get-MergeEmployee | Select-Object -First 1``, ms to the first object (medians of {0}, interleaved): 1,000 records {1:N1} ms; 100,000: {2:N1} ms; 1,000,000: {3:N1} ms; one 100-record page round trip (HttpClient): {4:N1} ms" -f $r.rounds, $small, $mid, $large, $r.pageRoundTripMs) `
            ("**{0:N2}×** (1M / 1k); spread {1:N1} ms" -f ($large / $small), $gap) 'constant: spread within one page round trip' ($gap -le $r.pageRoundTripMs) 'first'
        $commands.first = @($synthetic.Command, (Format-CaseCommand 'FirstObject.ps1' $params))
    }

    # 5. Latency hiding -------------------------------------------------------------------------
    Invoke-Benchmark 'Latency' {
        $plan = @{ latencyMs = 100 } | ConvertTo-Json -Compress
        $null = Invoke-RestMethod -Method Post -Uri "$($synthetic.Url)/_emulator/faults" -Body $plan -ContentType 'application/json'
        try {
            # The goal's consumer spends its time across each page (10 ms every 10 records); a second,
            # shorter run puts all of it at the end of each page (100 ms every 100 records).
            $params = [ordered]@{ Module = $moduleManifest; BaseUri = $synthetic.Api; Token = 'hris-token-5'; SleepEvery = 10; SleepMs = 10; Rounds = 3 }
            $r = Invoke-Case 'LatencyHiding.ps1' $params
            $burstParams = [ordered]@{ Module = $moduleManifest; BaseUri = $synthetic.Api; Token = 'hris-token-5'; SleepEvery = 100; SleepMs = 100; Rounds = 1 }
            $b = Invoke-Case 'LatencyHiding.ps1' $burstParams
        }
        finally { $null = Invoke-RestMethod -Method Delete -Uri "$($synthetic.Url)/_emulator/faults" }
        $ratio = $r.prefetchSeconds / $r.strictSeconds
        $raw.Latency = @{ spread = $r; burst = $b }
        $pages = [math]::Ceiling($r.count / 100)
        Add-Row 'Latency' 'Latency hiding' `
            ("{0:N0} records ({1} pages), 100 ms emulated latency per page, consumer ``ForEach-Object`` sleeping 10 ms every 10 records (~100 ms per page): prefetch (default) {2:N2} s; ``Connect-Merge -NoPrefetch`` (strictly in turn) {3:N2} s — medians of {4}, interleaved; ideal {5:N2}" -f $r.count, $pages, $r.prefetchSeconds, $r.strictSeconds, $r.rounds, (($pages + 1) / (2 * $pages))) `
            ("**{0:N2}** of strictly in turn" -f $ratio) '≤ 0.6' ($ratio -le 0.6) 'latency'
        $notes.Add(("Latency hiding with the consumer's 100 ms all at the end of each page (sleep 100 ms every 100 records), same run, one round: prefetch {0:N2} s, ``-NoPrefetch`` {1:N2} s, **{2:N2}** of strictly in turn." -f $b.prefetchSeconds, $b.strictSeconds, ($b.prefetchSeconds / $b.strictSeconds)))
        $commands.latency = @(($synthetic.Command + "   # then POST /_emulator/faults {""latencyMs"":100}"), (Format-CaseCommand 'LatencyHiding.ps1' $params), (Format-CaseCommand 'LatencyHiding.ps1' $burstParams))
    }
}
finally { Stop-MergeEmulator $synthetic }

# 6. Fan-out ------------------------------------------------------------------------------------
Invoke-Benchmark 'FanOut' {
    $accounts = 20
    $emulator = Start-BenchEmulator @('--accounts', "$accounts", '--employees', '1000')
    try {
        foreach ($n in 1..$accounts) { $null = Initialize-Account $emulator "hris-token-$n" }
        $params = [ordered]@{ Module = $moduleManifest; BaseUri = $emulator.Api; Accounts = $accounts; LatencyMs = 100; RateLimitPerMinute = 100; ThrottleLimit = $accounts; Rounds = 2 }
        $r = Invoke-Case 'FanOut.ps1' ($params + @{ EmulatorPid = $emulator.Process.Id }) 900
        $speedup = $r.sequentialSeconds / $r.parallelSeconds
        $raw.FanOut = $r
        $complete = $r.parallelCount -eq $r.sequentialCount -and $r.taggedAccounts -eq $accounts -and @($r.recordsPerAccount).Count -eq 1
        $storm = $r.parallel429 -gt 0
        Add-Row 'FanOut' 'Fan-out' `
            ("{0} named accounts × {1:N0} employees, 100 ms latency and 100 requests/min per account in the emulator, ``Connect-Merge -MaxRequestsPerMinute 100``: ``Get-MergeEmployee -Account * -ThrottleLimit {0} | Measure-Object`` {2:N2} s; one account after another {3:N2} s (medians of {4}); 429s: {5} of {6} requests in parallel, {7} of {8} in turn; every record tagged with its account: {9}" -f $accounts, ($r.parallelCount / $accounts), $r.parallelSeconds, $r.sequentialSeconds, $r.rounds, $r.parallel429, $r.parallelRequests, $r.sequential429, $r.sequentialRequests, $(if ($complete) { 'yes' } else { 'NO' })) `
            ("**{0:N1}×**, {1} × 429" -f $speedup, $r.parallel429) '≥ 8×, no 429 storm' ($speedup -ge 8 -and -not $storm -and $complete) 'fanout'
        $pagesPerAccount = [math]::Ceiling($r.parallelCount / $accounts / 100)
        $notes.Add(("Fan-out, where the parallel run's time goes (medians): {0:N2} s of client CPU and {1:N2} s of emulator CPU on {2} shared cores, against a latency floor of {3} pages per account × 100 ms = {4:N1} s; one account after another used {5:N2} s client and {6:N2} s emulator CPU." -f $r.parallelClientCpu, $r.parallelEmulatorCpu, [Environment]::ProcessorCount, $pagesPerAccount, ($pagesPerAccount * 0.1), $r.sequentialClientCpu, $r.sequentialEmulatorCpu))
        if ($r.maxConnectionsPerServer -and $r.maxConnectionsPerServer -lt $accounts) {
            $notes.Add(("The module's HTTP handler opens at most {0} connections per server (``MergeClientOptions.MaxConnectionsPerServer``), so -ThrottleLimit {1} puts {1} requests in flight on {0} connections." -f $r.maxConnectionsPerServer, $accounts))
        }
        $commands.fanout = @($emulator.Command, (Format-CaseCommand 'FanOut.ps1' $params))
    }
    finally { Stop-MergeEmulator $emulator }
}

# Report -----------------------------------------------------------------------------------------
$loadEnd = Get-LoadAverage
$elapsed = $totalWatch.Elapsed
$raw | ConvertTo-Json -Depth 6 | Set-Content (Join-Path $resultsDir ('bench-{0:yyyyMMdd-HHmmss}.json' -f $started))

$cpu = if (Test-Path /proc/cpuinfo) { (Select-String -Path /proc/cpuinfo -Pattern '^model name\s*:\s*(.+)$' | Select-Object -First 1).Matches[0].Groups[1].Value } else { $env:PROCESSOR_IDENTIFIER }
$memory = if (Test-Path /proc/meminfo) { '{0:N1} GB' -f (([double]((Select-String -Path /proc/meminfo -Pattern '^MemTotal:\s+(\d+)').Matches[0].Groups[1].Value)) / 1MB) } else { 'n/a' }
$version = (Import-PowerShellDataFile $moduleManifest).ModuleVersion
$commit = (& git -C $root rev-parse --short HEAD 2>$null)
$dirty = if (& git -C $root status --porcelain --untracked-files=no -- src 2>$null) { ' (src/ with uncommitted changes)' } else { '' }

$order = 'Import', 'ThroughputIrm', 'ThroughputRaw', 'Memory', 'FirstObject', 'Latency', 'FanOut'
$refs = @{ import = 'import'; throughput = 'throughput'; memory = 'memory'; first = 'first'; latency = 'latency'; fanout = 'fanout' }
$md = [Text.StringBuilder]::new()
$null = $md.AppendLine('# Benchmarks')
$null = $md.AppendLine()
$null = $md.AppendLine('Written by `dotnet pwsh ./build.ps1 Bench` (`bench/Invoke-Benchmarks.ps1`); do not edit by hand. Every figure is')
$null = $md.AppendLine('a ratio of two things measured side by side in one run on the machine below, against the local emulator on')
$null = $md.AppendLine('loopback: the runs of the two sides are interleaved and each side''s median taken, so load from other processes')
$null = $md.AppendLine('weighs on both alike. Each case runs in a fresh `pwsh`; the commands are listed under the table.')
$null = $md.AppendLine()
$null = $md.AppendLine('| # | Benchmark | Measured | Figure | Goal | Met |')
$null = $md.AppendLine('|---|---|---|---|---|---|')
$number = 0
foreach ($key in $order) {
    $number++
    if (-not $rows.Contains($key)) {
        $null = $md.AppendLine("| $number | $key | not run | — | — | — |")
        continue
    }
    $row = $rows[$key]
    $met = if ($row.Met) { 'yes' } else { '**no**' }
    $link = if ($row.Ref) { " ([command](#cmd-$($row.Ref)))" } else { '' }
    $cells = @($row.Name, ($row.Measured + $link), $row.Figure, $row.Goal) | ForEach-Object { $_ -replace '\|', '\|' }
    $null = $md.AppendLine("| $number | $($cells[0]) | $($cells[1]) | $($cells[2]) | $($cells[3]) | $met |")
}
$null = $md.AppendLine()
$null = $md.AppendLine('## Machine')
$null = $md.AppendLine()
$null = $md.AppendLine("- Run: $($started.ToUniversalTime().ToString('yyyy-MM-dd HH:mm')) UTC, $([math]::Round($elapsed.TotalMinutes, 1)) min, module $version at $commit$dirty")
$null = $md.AppendLine("- CPU: $cpu, $([Environment]::ProcessorCount) logical cores; memory $memory")
$null = $md.AppendLine("- OS: $([Runtime.InteropServices.RuntimeInformation]::OSDescription); .NET $([Environment]::Version); PowerShell $($PSVersionTable.PSVersion)")
$null = $md.AppendLine("- Load average (1/5/15 min) at start: $loadStart; at end: $loadEnd. The cores are shared with other work, so absolute")
$null = $md.AppendLine('  figures vary from run to run; the ratios, measured side by side, are what the goals are about.')
$null = $md.AppendLine()
if ($notes.Count) {
    $null = $md.AppendLine('## Notes from this run')
    $null = $md.AppendLine()
    foreach ($n in $notes) { $null = $md.AppendLine("- $n") }
    $null = $md.AppendLine()
}
$null = $md.AppendLine('## Commands')
$null = $md.AppendLine()
$null = $md.AppendLine('Each benchmark''s emulator (started by the harness on a free port of 127.0.0.1, with `--now ' + $anchor + ' --parent-pid <pid>`) and the')
$null = $md.AppendLine('case scripts it ran, each in a fresh `pwsh` with (a copy of) the built `output/MergePS/<version>/` on `PSModulePath`.')
$null = $md.AppendLine()
$titles = [ordered]@{ import = '1. Import cost'; throughput = '2. Streaming throughput'; memory = '3. Memory'; first = '4. Time to first object'; latency = '5. Latency hiding'; fanout = '6. Fan-out' }
foreach ($key in $titles.Keys) {
    if (-not $commands.Contains($key)) { continue }
    $null = $md.AppendLine("<a id=""cmd-$key""></a>**$($titles[$key])**")
    $null = $md.AppendLine()
    $null = $md.AppendLine('```')
    foreach ($c in $commands[$key]) { $null = $md.AppendLine($c) }
    $null = $md.AppendLine('```')
    $null = $md.AppendLine()
}
$analysis = Join-Path $PSScriptRoot 'analysis.md'
if (Test-Path $analysis) {
    $null = $md.AppendLine((Get-Content -Raw $analysis).TrimEnd())
    $null = $md.AppendLine()
}
$md.ToString().Replace("`r`n", "`n") | Set-Content -Path $OutFile -NoNewline
Write-Step "Wrote $(Get-RelativePath (Resolve-Path $OutFile).Path)"
foreach ($key in $order) {
    if ($rows.Contains($key)) { Write-Host ("  {0,-48} {1,-28} goal {2,-30} {3}" -f $rows[$key].Name, ($rows[$key].Figure -replace '\*', ''), $rows[$key].Goal, $(if ($rows[$key].Met) { 'met' } else { 'NOT MET' })) }
}
