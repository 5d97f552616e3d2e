# The package as a Gallery user gets it: published with PSResourceGet (the code behind
# build.ps1 Package), installed with Install-PSResource and with Install-Module (PowerShellGet 2)
# into throwaway homes, imported in a fresh pwsh and used against the emulator. Nothing touches the
# user's module path or repository settings. Unix only: on Windows the CurrentUser scope is the
# real Documents folder whatever the environment says.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:ModuleDir = Split-Path $env:MERGEPS_TEST_MODULE
    $script:Version = (Import-PowerShellDataFile $env:MERGEPS_TEST_MODULE).ModuleVersion
    $script:PackageScript = (Resolve-Path (Join-Path $PSScriptRoot '../../tools/build/Package.ps1')).Path
    $script:Homes = [System.Collections.Generic.List[string]]::new()

    # The listing a fresh session must reproduce, read without the module.
    $script:ExpectedIds = @((Invoke-EmulatorApi 'hris/v1/employees?page_size=5').results.id)

    # A script for a fresh pwsh: import MergePS by name from the install, list five employees.
    $script:UseInstalled = @"
`$ErrorActionPreference = 'Stop'
`$module = Import-Module MergePS -PassThru
Connect-Merge -ApiKey 'test-api-key' -BaseUri '$($env:MERGEPS_TEST_EMULATOR)/api' -AccountToken 'hris-token-1'
`$employees = @(Get-MergeEmployee -First 5)
`$help = Get-Help Get-MergeEmployee
[ordered]@{
    ModuleBase = `$module.ModuleBase; Version = `$module.Version.ToString(); Ids = @(`$employees.Id)
    Types = @(`$employees | ForEach-Object { `$_.GetType().FullName } | Sort-Object -Unique); Synopsis = `$help.Synopsis
    Manifest = [bool](Test-ModuleManifest (Join-Path `$module.ModuleBase 'MergePS.psd1') -ErrorAction Stop)
} | ConvertTo-Json -Compress
"@

    function New-TestHome {
        $environment = New-IsolatedHome
        $script:Homes.Add($environment.HOME)
        $environment
    }

    # Publish once, as build.ps1 Package does, into a file repository.
    $publishHome = New-TestHome
    $script:Repository = Join-Path $publishHome.HOME 'repository'
    $run = Invoke-ChildPwsh -Environment $publishHome -Script @"
`$ErrorActionPreference = 'Stop'
. '$script:PackageScript'
`$package = New-MergePackage -ModuleDir '$script:ModuleDir' -OutDir '$script:Repository'
[ordered]@{ Path = `$package.FullName; Repositories = @(Get-PSResourceRepository | ForEach-Object Name) } | ConvertTo-Json -Compress
"@
    $script:Published = Get-ChildResult $run
}

AfterAll {
    foreach ($path in $script:Homes) { Remove-Item -Recurse -Force $path -ErrorAction SilentlyContinue }
}

Describe 'build.ps1 Package' -Skip:$IsWindows {
    It 'publishes MergePS.<version>.nupkg and leaves no repository registered' {
        Split-Path -Leaf $script:Published.Path | Should -Be "MergePS.$script:Version.nupkg"
        $script:Published.Path | Should -Exist
        @($script:Published.Repositories) | Should -Not -Match '^MergePS-build-'
    }

    It 'ships the module, its views, help, licence and only the assemblies it needs' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Published.Path)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        foreach ($file in 'MergePS.psd1', 'MergePS.dll', 'MergePS.Format.ps1xml', 'MergePS.Types.ps1xml', 'LICENSE',
            'en-US/MergePS.dll-Help.xml', 'en-US/about_MergePS.help.txt', 'System.Text.Json.dll') {
            $entries | Should -Contain $file
        }
        $entries | Where-Object { $_ -like '*.dll' } | Should -HaveCount 9
        $entries | Where-Object { $_ -match '\.(pdb|deps\.json)$' } | Should -BeNullOrEmpty
        $entries | Where-Object { $_ -like 'System.Management.Automation*' } | Should -BeNullOrEmpty
    }
}

Describe 'Installing the package' -Skip:$IsWindows {
    It 'installs with Install-PSResource and works in a fresh pwsh' {
        $environment = New-TestHome
        $install = Invoke-ChildPwsh -Environment $environment -Script @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name LocalFiles -Uri '$script:Repository' -Trusted
Install-PSResource -Name MergePS -Repository LocalFiles -Scope CurrentUser -TrustRepository -Quiet
[ordered]@{ Installed = @(Get-InstalledPSResource -Name MergePS -Scope CurrentUser | ForEach-Object InstalledLocation) } | ConvertTo-Json -Compress
"@
        $installed = Get-ChildResult $install
        @($installed.Installed)[0] | Should -BeLike "$($environment.HOME)*"

        $result = Get-ChildResult (Invoke-ChildPwsh -Environment $environment -Script $script:UseInstalled)
        $result.ModuleBase | Should -BeLike "$($environment.HOME)*"
        $result.Version | Should -Be $script:Version
        $result.Ids | Should -Be $script:ExpectedIds
        $result.Types | Should -Be 'MergePS.Hris.Employee'
        $result.Synopsis | Should -Match 'employees'
        $result.Manifest | Should -BeTrue
    }

    It 'installs with Install-Module (PowerShellGet 2) and works in a fresh pwsh' {
        $environment = New-TestHome
        $install = Invoke-ChildPwsh -Environment $environment -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module PowerShellGet -MaximumVersion 2.99 -Force
Register-PSRepository -Name LocalFiles -SourceLocation '$script:Repository' -InstallationPolicy Trusted
Install-Module -Name MergePS -Repository LocalFiles -Scope CurrentUser -Force
[ordered]@{ PowerShellGet = (Get-Module PowerShellGet).Version.ToString(); Installed = @(Get-InstalledModule -Name MergePS | ForEach-Object InstalledLocation) } | ConvertTo-Json -Compress
"@
        $installed = Get-ChildResult $install
        $installed.PowerShellGet | Should -BeLike '2.*'
        @($installed.Installed)[0] | Should -BeLike "$($environment.HOME)*"

        $result = Get-ChildResult (Invoke-ChildPwsh -Environment $environment -Script $script:UseInstalled)
        $result.ModuleBase | Should -BeLike "$($environment.HOME)*"
        $result.Ids | Should -Be $script:ExpectedIds
        $result.Types | Should -Be 'MergePS.Hris.Employee'
    }

    It 'left the real user module path alone' {
        Get-Module -ListAvailable MergePS | Where-Object { $_.ModuleBase -notlike "$([System.IO.Path]::GetTempPath())*" -and $_.ModuleBase -notlike "$(Split-Path (Split-Path $env:MERGEPS_TEST_MODULE))*" } |
            Should -BeNullOrEmpty
    }
}
