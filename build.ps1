<#
.SYNOPSIS
    Builds, tests, demonstrates and packages MergePS.
.DESCRIPTION
    The single entry point for developers and CI. Run it through the pinned PowerShell tool:
        dotnet tool restore && dotnet pwsh ./build.ps1 <Task>
    Tasks:
        Build     Compile the module and the emulator; lay out output/MergePS/<version>/.
        Test      Build, run the xunit suite and the Pester suites; print one closing count line.
        Demo      Build, start the emulator, run a short session against it in a fresh pwsh.
        Package   Build, then publish the module folder to output/packages/ as MergePS.<version>.nupkg.
        Bench     Build (Release), run the benchmarks in bench/ against local emulators, write docs/benchmarks.md.
                  Takes several minutes; not part of Test.
        Manifest  Rewrite CmdletsToExport in MergePS.psd1 from the built module.
        Catalog   Rebuild catalog/*.json from the specs in ../shared/merge-openapi.
.PARAMETER Configuration
    Debug or Release (default Release).
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Package', 'Bench', 'Manifest', 'Catalog')]
    [string] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
$root = $PSScriptRoot
. (Join-Path $root 'tools/build/Common.ps1')

switch ($Task) {
    'Build' { Invoke-MergeBuild -Root $root -Configuration $Configuration | Out-Null }
    'Test' {
        $layout = Invoke-MergeBuild -Root $root -Configuration $Configuration
        $ok = Invoke-MergeTests -Root $root -Configuration $Configuration -Layout $layout
        if (-not $ok) { exit 1 }
    }
    'Demo' {
        $layout = Invoke-MergeBuild -Root $root -Configuration $Configuration
        Invoke-MergeDemo -Root $root -Layout $layout
    }
    'Package' {
        $layout = Invoke-MergeBuild -Root $root -Configuration $Configuration
        $package = New-MergePackage -ModuleDir $layout.ModuleDir -OutDir (Join-Path $root 'output/packages')
        Write-Host "Packaged MergePS $($layout.Version) -> $($package.FullName)"
    }
    'Bench' {
        # Timings are only meaningful for an optimised build, whatever -Configuration says.
        $layout = Invoke-MergeBuild -Root $root -Configuration 'Release'
        Invoke-MergeBench -Root $root -Layout $layout
    }
    'Manifest' {
        $layout = Invoke-MergeBuild -Root $root -Configuration $Configuration
        Update-MergeManifest -Root $root -Layout $layout
    }
    'Catalog' {
        $specs = Join-Path $root '../shared/merge-openapi'
        Invoke-Native dotnet run --project (Join-Path $root 'tools/CatalogBuilder') -c $Configuration -- --specs $specs --out (Join-Path $root 'catalog')
    }
}
