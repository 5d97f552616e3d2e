BeforeDiscovery {
    $catalogDir = Join-Path $PSScriptRoot '../../catalog'
    $categories = Get-ChildItem $catalogDir -Filter *.json | ForEach-Object { Get-Content -Raw $_.FullName | ConvertFrom-Json }
    $nounOwners = @{}
    foreach ($category in $categories) {
        foreach ($resource in $category.resources) { $nounOwners[$resource.noun] = @($nounOwners[$resource.noun]) + $category.name | Where-Object { $_ } }
    }

    # The naming rule, restated independently of the generator: HRIS nouns are bare; another
    # category's noun is bare unless some other category has the same noun.
    $expectedCmdlets = foreach ($category in $categories) {
        foreach ($resource in $category.resources) {
            if (-not ($resource.operations | Where-Object { $_.kind -in 'list', 'retrieve' })) { continue }
            $clash = @($nounOwners[$resource.noun] | Where-Object { $_ -ne $category.name }).Count -gt 0
            $noun = if ($category.name -eq 'hris' -or -not $clash) { $resource.noun } else { $category.pascal + $resource.noun }
            @{ Cmdlet = "Get-Merge$noun"; Category = $category.name; Resource = $resource.name; Model = "MergePS.$($category.pascal).$($resource.model)" }
        }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    $module = Get-Module MergePS
    $manifest = Import-PowerShellDataFile $env:MERGEPS_TEST_MODULE
}

Describe 'Module manifest' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest $env:MERGEPS_TEST_MODULE -ErrorAction Stop } | Should -Not -Throw
    }

    It 'lists exactly the cmdlets the assembly implements' {
        $implemented = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'MergePS' } |
            ForEach-Object { $_.GetExportedTypes() } |
            ForEach-Object { $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { "$($_.VerbName)-$($_.NounName)" }
        ($manifest.CmdletsToExport | Sort-Object) | Should -Be ($implemented | Sort-Object) -Because 'build.ps1 Manifest regenerates the list'
        $manifest.CmdletsToExport | Should -Not -Contain '*'
    }

    It 'declares both editions and PowerShell 5.1' {
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be '5.1'
    }
}

Describe 'Cmdlet conventions' {
    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in $module.ExportedCmdlets.Values) { $approved | Should -Contain $command.Verb -Because $command.Name }
    }

    It 'declares an output type on every cmdlet' {
        foreach ($command in $module.ExportedCmdlets.Values) {
            if ($command.Name -eq 'Disconnect-Merge') { continue }
            $command.OutputType.Count | Should -BeGreaterThan 0 -Because $command.Name
        }
    }
}

Describe '<Cmdlet> follows the naming rule for <Category> <Resource>' -ForEach $expectedCmdlets {
    It 'exists and outputs <Model>' {
        $command = Get-Command $Cmdlet -Module MergePS -ErrorAction SilentlyContinue
        $command | Should -Not -BeNullOrEmpty
        $command.OutputType.Name | Should -Be $Model
    }
}

Describe 'Catalogue drift' {
    BeforeAll {
        $repo = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
        $specs = Join-Path $repo '../shared/merge-openapi'
        $builder = Join-Path $repo 'tools/CatalogBuilder/bin/Release/net10.0/MergePS.CatalogBuilder.dll'
    }

    It 'matches what the builder derives from the specs today' -Skip:(-not (Test-Path (Join-Path $PSScriptRoot '../../../shared/merge-openapi'))) {
        $output = & dotnet $builder --specs $specs --out (Join-Path $repo 'catalog') --check 2>&1
        $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
    }
}
