# Functions behind build.ps1. Dot-sourced; nothing here runs on load.

. (Join-Path $PSScriptRoot 'Help.ps1')
. (Join-Path $PSScriptRoot 'Package.ps1')

function Invoke-Native {
    # Runs an external command and stops the build when it fails.
    $command, $arguments = $args
    & $command @arguments
    if ($LASTEXITCODE -ne 0) {
        throw "'$command $($arguments -join ' ')' failed with exit code $LASTEXITCODE."
    }
}

function Get-MergeVersion([string] $Root) {
    # The version lives once, in Directory.Build.props.
    [xml] $props = Get-Content -Raw (Join-Path $Root 'Directory.Build.props')
    $node = $props.Project.PropertyGroup | ForEach-Object { $_.MergePSVersion } | Where-Object { $_ } | Select-Object -First 1
    if (-not $node) { throw 'MergePSVersion is missing from Directory.Build.props.' }
    return $node.Trim()
}

function Get-PesterManifest {
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $manifest = Get-ChildItem -Path (Join-Path $packages 'pester') -Filter Pester.psd1 -Recurse -ErrorAction SilentlyContinue |
        Where-Object { $_.Directory.Name -eq 'tools' } | Select-Object -First 1
    if (-not $manifest) { throw "Pester was not restored under $packages; restore tools/Pester/Pester.Restore.csproj." }
    return $manifest.FullName
}

# The only files that ship. PowerShell supplies System.Management.Automation; the System.* and
# Microsoft.Bcl.* assemblies are what System.Text.Json needs on Windows PowerShell 5.1 (PowerShell 7
# binds its own newer copies first).
$script:ModuleAssemblies = @(
    'MergePS.dll'
    'System.Text.Json.dll'
    'System.Text.Encodings.Web.dll'
    'Microsoft.Bcl.AsyncInterfaces.dll'
    'System.Buffers.dll'
    'System.Memory.dll'
    'System.Numerics.Vectors.dll'
    'System.Runtime.CompilerServices.Unsafe.dll'
    'System.Threading.Tasks.Extensions.dll'
)

function Invoke-MergeBuild([string] $Root, [string] $Configuration) {
    $version = Get-MergeVersion $Root
    # Tool output goes to the host; this function's only output is the layout object.
    Invoke-Native dotnet restore (Join-Path $Root 'tools/Pester/Pester.Restore.csproj') --nologo -v quiet | Out-Host
    Invoke-Native dotnet build (Join-Path $Root 'MergePS.sln') -c $Configuration --nologo -v quiet '-clp:ErrorsOnly' | Out-Host

    $moduleDir = Join-Path $Root "output/MergePS/$version"
    if (Test-Path $moduleDir) { Remove-Item -Recurse -Force $moduleDir }
    New-Item -ItemType Directory -Force -Path $moduleDir | Out-Null
    $bin = Join-Path $Root "src/MergePS/bin/$Configuration/netstandard2.0"
    foreach ($assembly in $script:ModuleAssemblies) {
        Copy-Item -Path (Join-Path $bin $assembly) -Destination $moduleDir
    }

    $manifest = Get-Content -Raw (Join-Path $Root 'MergePS.psd1')
    $manifest = $manifest -replace "ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '$version'"
    Set-Content -Path (Join-Path $moduleDir 'MergePS.psd1') -Value $manifest -NoNewline
    # Views and type data are generated with the code (tools/CodeGen/FormatWriter.cs).
    $generated = Join-Path $Root 'src/MergePS/obj/Generated'
    foreach ($view in 'MergePS.Format.ps1xml', 'MergePS.Types.ps1xml') { Copy-Item (Join-Path $generated $view) $moduleDir }
    Copy-Item (Join-Path $Root 'LICENSE') $moduleDir
    # MAML and about topics in en-US/ (tools/build/Help.ps1).
    New-MergeHelp -Root $Root -ModuleDir $moduleDir -Configuration $Configuration

    Write-Host "Built MergePS $version -> $moduleDir"
    [pscustomobject]@{
        Version     = $version
        ModuleDir   = $moduleDir
        Manifest    = Join-Path $moduleDir 'MergePS.psd1'
        EmulatorDll = Join-Path $Root "tests/MergePS.Emulator/bin/$Configuration/net10.0/MergePS.Emulator.dll"
    }
}

function Start-MergeEmulator([string] $EmulatorDll, [string[]] $Arguments = @()) {
    # Port 0 lets the OS pick; the emulator prints the address it bound to on its first line.
    $info = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($a in @($EmulatorDll, '--port', '0', '--parent-pid', $PID) + $Arguments) { $info.ArgumentList.Add([string]$a) }
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($info)
    $read = $process.StandardOutput.ReadLineAsync()
    if (-not $read.Wait([TimeSpan]::FromSeconds(60)) -or -not $read.Result) {
        $process.Kill()
        throw "The emulator did not start: $($process.StandardError.ReadToEnd())"
    }

    if ($read.Result -notmatch '(http://127\.0\.0\.1:\d+)') { throw "Unexpected emulator output: $($read.Result)" }
    # Keep draining its output so it never blocks on a full pipe.
    $null = $process.StandardOutput.ReadToEndAsync()
    $null = $process.StandardError.ReadToEndAsync()
    [pscustomobject]@{ Process = $process; Url = $Matches[1] }
}

function Stop-MergeEmulator($Emulator) {
    if ($Emulator -and -not $Emulator.Process.HasExited) {
        $Emulator.Process.Kill()
        $Emulator.Process.WaitForExit(5000) | Out-Null
    }
}

function Read-TrxCounts([string] $Path) {
    [xml] $trx = Get-Content -Raw $Path
    $counters = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{
        Passed  = [int]$counters.passed
        Failed  = [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
        Skipped = [int]$counters.notExecuted
    }
}

function Invoke-MergeTests([string] $Root, [string] $Configuration, $Layout) {
    $results = Join-Path $Root 'output/test-results'
    if (Test-Path $results) { Remove-Item -Recurse -Force $results }
    New-Item -ItemType Directory -Force -Path $results | Out-Null

    $totals = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0 }
    $xunitProject = Join-Path $Root 'tests/MergePS.Tests/MergePS.Tests.csproj'
    if (Test-Path $xunitProject) {
        & dotnet test $xunitProject -c $Configuration --no-build --nologo --logger 'trx;LogFileName=xunit.trx' --results-directory $results
        $trx = Join-Path $results 'xunit.trx'
        if (Test-Path $trx) {
            $counts = Read-TrxCounts $trx
            Write-Host "xunit: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
            foreach ($key in 'Passed', 'Failed', 'Skipped') { $totals[$key] += $counts.$key }
        }
        elseif ($LASTEXITCODE -ne 0) { $totals.Failed += 1 }
    }

    # Pester runs in a fresh process so the freshly built module is what gets imported.
    $pesterResult = Join-Path $results 'pester.json'
    & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1') `
        -ModuleManifest $Layout.Manifest -EmulatorDll $Layout.EmulatorDll -PesterManifest (Get-PesterManifest) -ResultPath $pesterResult
    if (Test-Path $pesterResult) {
        $counts = Get-Content -Raw $pesterResult | ConvertFrom-Json
        Write-Host "Pester: $($counts.Passed) passed, $($counts.Failed) failed, $($counts.Skipped) skipped"
        foreach ($key in 'Passed', 'Failed', 'Skipped') { $totals[$key] += $counts.$key }
    }
    else {
        Write-Host 'Pester: the suite did not report results.'
        $totals.Failed += 1
    }

    Write-Host "Tests: $($totals.Passed) passed, $($totals.Failed) failed, $($totals.Skipped) skipped"
    return $totals.Failed -eq 0
}

function Invoke-MergeDemo([string] $Root, $Layout) {
    $emulator = Start-MergeEmulator $Layout.EmulatorDll
    try {
        Write-Host "Emulator listening on $($emulator.Url)"
        & dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'tools/build/Demo.ps1') -ModuleManifest $Layout.Manifest -BaseUri "$($emulator.Url)/api"
        if ($LASTEXITCODE -ne 0) { throw "The demo failed with exit code $LASTEXITCODE." }
    }
    finally {
        Stop-MergeEmulator $emulator
    }
}

function Invoke-MergeBench([string] $Root, $Layout) {
    # bench/README.md: the cases, the emulators they start, and how the table is made.
    $rawLoop = Join-Path $Root 'bench/RawLoop'
    Invoke-Native dotnet build (Join-Path $rawLoop 'RawLoop.csproj') -c Release --nologo -v quiet '-clp:ErrorsOnly' | Out-Host
    Invoke-Native dotnet pwsh -NoProfile -NonInteractive -File (Join-Path $Root 'bench/Invoke-Benchmarks.ps1') `
        -ModuleManifest $Layout.Manifest -EmulatorDll $Layout.EmulatorDll `
        -RawLoopDll (Join-Path $rawLoop 'bin/Release/net10.0/RawLoop.dll') -OutFile (Join-Path $Root 'docs/benchmarks.md')
}

function Update-MergeManifest([string] $Root, $Layout) {
    $dll = (Resolve-Path (Join-Path $Layout.ModuleDir 'MergePS.dll')).Path
    $names = & dotnet pwsh -NoProfile -NonInteractive -Command "Import-Module '$dll'; (Get-Command -Module MergePS -CommandType Cmdlet).Name | Sort-Object"
    if ($LASTEXITCODE -ne 0 -or -not $names) { throw 'Could not list the cmdlets of the built module.' }
    $list = ($names | ForEach-Object { "        '$_'" }) -join "`n"
    $path = Join-Path $Root 'MergePS.psd1'
    $text = Get-Content -Raw $path
    $text = [regex]::Replace($text, '(?s)CmdletsToExport\s*=\s*@\(.*?\n    \)', "CmdletsToExport      = @(`n$list`n    )")
    Set-Content -Path $path -Value $text -NoNewline
    Write-Host "MergePS.psd1 now exports $(@($names).Count) cmdlets."
}
