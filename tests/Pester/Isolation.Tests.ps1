# Importing MergePS is quiet (no network, no telemetry) and does not fight other modules over
# shared assemblies. Each case runs in a fresh pwsh, since both are about what a process loads.

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $script:Manifest = $env:MERGEPS_TEST_MODULE
    $script:Packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
}

Describe 'Import' {
    It 'makes no network call and opens no socket' {
        Clear-EmulatorRequests
        # Everything a careless import could act on: credentials for the emulator in the
        # environment, and a dead proxy so any other traffic would fail loudly.
        $environment = @{
            MERGE_API_KEY = $script:ApiKey; MERGE_BASE_URI = $script:ApiBase; MERGE_ACCOUNT_TOKEN = 'hris-token-1'
            HTTP_PROXY = 'http://127.0.0.1:9'; HTTPS_PROXY = 'http://127.0.0.1:9'; ALL_PROXY = 'http://127.0.0.1:9'
        }
        $run = Invoke-ChildPwsh -Environment $environment -Script @"
`$ErrorActionPreference = 'Stop'
function Get-Sockets { if (Test-Path /proc/self/fd) { @(Get-ChildItem /proc/`$PID/fd -ErrorAction SilentlyContinue | Where-Object { `$_.LinkTarget -like 'socket:*' }).Count } else { -1 } }
`$before = Get-Sockets
Import-Module '$script:Manifest'
`$commands = @(Get-Command -Module MergePS).Count
`$null = Get-Help Get-MergeEmployee -Full
`$null = [MergePS.Hris.Employee]::new() | Format-List | Out-String
`$after = Get-Sockets
[ordered]@{ Before = `$before; After = `$after; Commands = `$commands } | ConvertTo-Json -Compress
"@
        $result = Get-ChildResult $run
        $result.Commands | Should -BeGreaterThan 100
        if ($result.Before -ge 0) { $result.After | Should -Be $result.Before -Because 'importing must not open connections' }
        Get-EmulatorRequests | Should -BeNullOrEmpty -Because 'importing must not call Merge, even with credentials in the environment'
    }
}

Describe 'Dependency isolation' {
    It 'works after other versions of its shared assemblies were loaded first' {
        $stj = Join-Path $script:Packages 'system.text.json/8.0.6/lib/net8.0/System.Text.Json.dll'
        $bcl = Join-Path $script:Packages 'microsoft.bcl.asyncinterfaces/8.0.0/lib/netstandard2.0/Microsoft.Bcl.AsyncInterfaces.dll'
        if (-not (Test-Path $stj) -or -not (Test-Path $bcl)) { Set-ItResult -Skipped -Because 'the 8.0 packages are not in the NuGet cache'; return }

        $run = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
# Another module's copies, loaded first: into the default context, as a module that ships its own
# would, and side by side in an isolated load context, as a module with its own context would.
`$null = [System.Reflection.Assembly]::LoadFrom('$stj')
`$null = [System.Reflection.Assembly]::LoadFrom('$bcl')
`$other = [System.Runtime.Loader.AssemblyLoadContext]::new('OtherModule', `$true)
`$isolated = `$other.LoadFromAssemblyPath('$stj')
`$null = `$isolated.GetType('System.Text.Json.JsonSerializer', `$true)
Import-Module Microsoft.PowerShell.PSResourceGet
`$module = Import-Module '$script:Manifest' -PassThru
Connect-Merge -ApiKey 'test-api-key' -BaseUri '$($script:ApiBase)' -AccountToken 'hris-token-1'
`$employees = @(Get-MergeEmployee -First 5 -Expand manager)
`$json = `$employees[0] | ConvertTo-Json -Depth 2 -Compress
`$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetName().Name -eq 'System.Text.Json' } |
    ForEach-Object { [ordered]@{ Version = `$_.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name; Location = `$_.Location } }
`$fromModule = @([AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { -not `$_.IsDynamic -and `$_.Location -and `$_.Location.StartsWith(`$module.ModuleBase) } | ForEach-Object { `$_.GetName().Name })
[ordered]@{ Count = `$employees.Count; Type = `$employees[0].GetType().FullName; Json = `$json.Length; Loaded = @(`$loaded); FromModule = `$fromModule } | ConvertTo-Json -Compress -Depth 4
"@
        $result = Get-ChildResult $run
        $result.Count | Should -Be 5
        $result.Type | Should -Be 'MergePS.Hris.Employee'
        $result.Json | Should -BeGreaterThan 100
        # Two versions of System.Text.Json live side by side in the process...
        @($result.Loaded.Version | Sort-Object -Unique).Count | Should -BeGreaterThan 1
        # ...and MergePS binds PowerShell's own copy: of its files only MergePS.dll is loaded.
        $result.FromModule | Should -Be @('MergePS')
    }
}
