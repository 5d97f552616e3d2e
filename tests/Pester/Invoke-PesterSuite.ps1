# Runs every Pester suite against one emulator started for the whole run; writes the counts as JSON.
param(
    [Parameter(Mandatory)] [string] $ModuleManifest,
    [Parameter(Mandatory)] [string] $EmulatorDll,
    [Parameter(Mandatory)] [string] $PesterManifest,
    [Parameter(Mandatory)] [string] $ResultPath,
    [string[]] $Path = @($PSScriptRoot)
)

$ErrorActionPreference = 'Stop'
. (Join-Path $PSScriptRoot '../../tools/build/Common.ps1')
Import-Module $PesterManifest -Force

$emulator = Start-MergeEmulator $EmulatorDll
try {
    $env:MERGEPS_TEST_MODULE = $ModuleManifest
    $env:MERGEPS_TEST_EMULATOR = $emulator.Url
    $env:MERGEPS_TEST_EMULATOR_DLL = $EmulatorDll

    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $Path
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputPath = [IO.Path]::ChangeExtension($ResultPath, '.xml')
    $result = Invoke-Pester -Configuration $configuration

    # A container that failed to load counts as a failure, so a broken file can never pass silently.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    [ordered]@{ Passed = $result.PassedCount; Failed = $failed; Skipped = $result.SkippedCount + $result.NotRunCount } |
        ConvertTo-Json | Set-Content -Path $ResultPath
}
finally {
    Stop-MergeEmulator $emulator
}
