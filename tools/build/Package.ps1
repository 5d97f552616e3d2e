# Packaging for build.ps1 Package; dot-sourced by Common.ps1. Nothing here runs on load.

function New-MergePackage([string] $ModuleDir, [string] $OutDir) {
    # Publishes the laid-out module folder to a file repository in $OutDir with PSResourceGet, the
    # same way a release is published to the Gallery, and returns the .nupkg it wrote. The
    # repository is registered under a throwaway name for the publish only.
    New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
    Get-ChildItem -Path $OutDir -Filter 'MergePS.*.nupkg' | Remove-Item -Force
    $repository = 'MergePS-build-' + [guid]::NewGuid().ToString('N').Substring(0, 8)
    Register-PSResourceRepository -Name $repository -Uri (Resolve-Path $OutDir).Path -Trusted
    try {
        Publish-PSResource -Path $ModuleDir -Repository $repository -ErrorAction Stop
    }
    finally {
        Unregister-PSResourceRepository -Name $repository
    }
    $package = Get-ChildItem -Path $OutDir -Filter 'MergePS.*.nupkg' | Select-Object -First 1
    if (-not $package) { throw "Publish-PSResource wrote no package to $OutDir." }
    $package
}
