BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'filestorage-token-1'
    Set-MergeAccount -Name filestorage -AccountToken 'filestorage-token-1' -NoSelect
    $files = @(Get-DirectAll filestorage '/filestorage/v1/files')
    $downloads = Join-Path ([IO.Path]::GetTempPath()) "mergeps-files-$([guid]::NewGuid().ToString('N'))"
    New-Item -ItemType Directory -Path $downloads | Out-Null

    function Save-Reference([string] $Id, [string] $Query = '') {
        # The bytes the API serves, fetched without the module.
        $path = Join-Path $downloads "reference-$Id$($Query.GetHashCode()).bin"
        $response = Invoke-WebRequest -Uri "$ApiBase/filestorage/v1/files/$Id/download$Query" -OutFile $path -PassThru -Headers @{ Authorization = "Bearer $ApiKey"; 'X-Account-Token' = 'filestorage-token-1' }
        [pscustomobject]@{ Path = $path; ContentType = [string]$response.Headers['Content-Type']; Disposition = [string]$response.Headers['Content-Disposition'] }
    }
}

AfterAll {
    Disconnect-Merge
    Remove-Item -Recurse -Force $downloads -ErrorAction SilentlyContinue
}

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category filestorage

Describe 'File storage filters and pipelines' {
    It 'lists the files of one folder with -FolderId and of piped folders' {
        $folder = ($files | Where-Object folder | Group-Object folder | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeFile -FolderId $folder)
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be (@($files | Where-Object folder -eq $folder).id | Sort-Object)
        $piped = @(Get-MergeFileStorageFolder -Id $folder | Get-MergeFile)
        ($piped.Id | Sort-Object) | Should -Be ($found.Id | Sort-Object)
    }

    It 'filters files by -MimeType, any of several' {
        $types = @($files | Group-Object mime_type | Sort-Object Count -Descending | Select-Object -First 2).Name
        $found = @(Get-MergeFile -MimeType $types)
        ($found.Id | Sort-Object) | Should -Be (@($files | Where-Object mime_type -in $types).id | Sort-Object)
    }

    It 'gives the download request of a file, pointing at its download' {
        $meta = Get-MergeFileDownloadRequestMeta -Id $files[0].id
        $meta.PSObject.TypeNames[0] | Should -Be 'MergePS.FileStorage.DownloadRequestMeta'
        $meta.Url | Should -BeLike "*/filestorage/v1/files/$($files[0].id)/download"
        $meta.Method | Should -Be 'GET'
    }
}

Describe 'Save-MergeFile' {
    It 'writes the exact bytes the API serves, under the given path' {
        $file = $files | Sort-Object size | Select-Object -First 1
        $target = Join-Path $downloads 'exact.bin'
        Clear-EmulatorRequests
        $saved = Save-MergeFile -Id $file.id -Path $target
        $requests = Get-EmulatorRequests
        $requests.Count | Should -Be 1
        $requests[0].path | Should -Be "/api/filestorage/v1/files/$($file.id)/download"
        $saved | Should -BeOfType ([IO.FileInfo])
        $saved.FullName | Should -Be $target
        $reference = Save-Reference $file.id
        $reference.ContentType | Should -Be $file.mime_type
        $saved.Length | Should -Be ([math]::Min($file.size, 4MB))
        (Get-FileHash $target).Hash | Should -Be (Get-FileHash $reference.Path).Hash
    }

    It 'sends -MimeType as mime_type and saves the export the API makes' {
        $file = $files | Where-Object mime_type -ne 'application/pdf' | Select-Object -First 1
        $target = Join-Path $downloads 'export.pdf'
        Clear-EmulatorRequests
        $saved = Save-MergeFile -Id $file.id -Path $target -MimeType 'application/pdf'
        Get-QueryValue (Get-EmulatorRequests)[0].query 'mime_type' | Should -Be 'application/pdf'
        $reference = Save-Reference $file.id '?mime_type=application%2Fpdf'
        $reference.ContentType | Should -Be 'application/pdf'
        (Get-FileHash $saved.FullName).Hash | Should -Be (Get-FileHash $reference.Path).Hash
        [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($saved.FullName), 0, 5) | Should -Be '%PDF-'
        (Get-FileHash $saved.FullName).Hash | Should -Not -Be (Get-FileHash (Save-Reference $file.id).Path).Hash
    }

    It 'saves piped files into a folder under their own names, and refuses to overwrite without -Force' {
        $folder = Join-Path $downloads 'piped'
        New-Item -ItemType Directory -Path $folder | Out-Null
        $picked = @($files | Sort-Object size | Select-Object -First 2)
        $saved = @($picked | ForEach-Object { [pscustomobject]@{ Id = $_.id; Name = $_.name } } | Save-MergeFile -Path $folder)
        $saved.Name | Should -Be @($picked.name)
        for ($i = 0; $i -lt 2; $i++) { (Get-FileHash $saved[$i].FullName).Hash | Should -Be (Get-FileHash (Save-Reference $picked[$i].id).Path).Hash }

        Save-MergeFile -Id $picked[0].id -Path $saved[0].FullName -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        Save-MergeFile -Id $picked[0].id -Path $saved[0].FullName -Force | Should -Not -BeNullOrEmpty
    }

    It 'reports an unknown file as MergePS.NotFound and writes nothing' {
        $target = Join-Path $downloads 'missing.bin'
        Save-MergeFile -Id ([guid]::NewGuid()) -Path $target -ErrorVariable failures -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'MergePS.NotFound*'
        Test-Path $target | Should -BeFalse
        Test-Path "$target.partial" | Should -BeFalse
    }
}

Describe 'File storage writes' {
    It 'creates a folder and a file in it, visible on the next read' {
        $drive = (Get-DirectPage filestorage '/filestorage/v1/drives' 1)[0].id
        $folder = New-MergeFileStorageFolder -Name 'Quarterly reports' -Drive $drive
        $folder.PSObject.TypeNames[0] | Should -Be 'MergePS.FileStorage.Folder'
        $file = New-MergeFile -Name 'q1.pdf' -MimeType 'application/pdf' -Folder $folder.Id -Drive $drive -Description 'Q1'
        $file.PSObject.TypeNames[0] | Should -Be 'MergePS.FileStorage.File'
        $file.Folder | Should -Be $folder.Id
        (Get-MergeFile -FolderId $folder.Id).Id | Should -Be @($file.Id)
        (Invoke-Direct filestorage "/filestorage/v1/files/$($file.Id)").description | Should -Be 'Q1'
    }

    It 'warns about unknown -Model keys and sends nothing with -WhatIf' {
        $file = New-MergeFile -Name 'tagged.txt' -Model @{ colour_label = 'red' } -WarningVariable warnings -WarningAction SilentlyContinue
        $file.Name | Should -Be 'tagged.txt'
        "$warnings" | Should -Match 'UNRECOGNIZED_FIELD.*colour_label'
        Clear-EmulatorRequests
        New-MergeFile -Name 'never' -WhatIf
        New-MergeFileStorageFolder -Name 'never' -WhatIf
        Get-EmulatorRequests | Should -BeNullOrEmpty
    }

    It 'writes Merge''s debug log to Verbose with -IsDebugMode' {
        $verbose = New-MergeFileStorageFolder -Name 'debug' -IsDebugMode -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }
        ($verbose.Message -join "`n") | Should -Match 'Merge log: '
    }

    It 'describes creating a file' {
        $schema = Get-MergeWriteSchema -Resource File
        (@($schema.RequestSchema['properties'].EnumerateObject().Name) | Sort-Object) | Should -Be (@((Get-CatalogModel filestorage 'FileRequest').fields.name) | Sort-Object)
    }
}
