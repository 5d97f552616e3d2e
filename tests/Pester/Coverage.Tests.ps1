# Coverage, enforced: every operation of catalog/*.json must be
#   (a) called by a cmdlet - the one the naming rules of tools/CodeGen and the -Resource cmdlets give;
#   (b) served by the emulator - it answers that cmdlet's request with a 2xx;
#   (c) tested through that cmdlet - below, each operation is run with valid arguments found by reading
#       the emulator directly, and both the result and the request the emulator saw are checked.
# A new operation in the catalogue therefore fails here until it has all three. Operations that truly
# cannot be exercised go in $CoverageExceptions with the reason; an entry that is no longer needed (its
# operation now passes) or names no catalogue operation fails as well.

BeforeDiscovery {
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    $categories = foreach ($group in @(Get-CatalogOperation) | Group-Object Category) {
        $cases = foreach ($op in $group.Group) {
            $via = if ($op.Cmdlet -and $op.Cmdlet -match '^(Get-MergeWriteSchema|Get-MergeRemoteFieldClass|Hide-MergeRecord|Start-MergeBulkCreate|Get-MergeBulkCreateStatus)$') { "$($op.Cmdlet) -Resource $($op.Resource)" } else { $op.Cmdlet }
            @{ Key = $op.Key; Via = $via; Op = $op }
        }
        @{ Category = $group.Name; Count = $group.Count; Operations = @($cases) }
    }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')

    # "METHOD /path" → why it cannot be exercised. Keep it empty unless there is truly no way.
    $script:CoverageExceptions = @{}

    Reset-Emulator
    Connect-Merge -ApiKey $ApiKey -BaseUri $ApiBase
    foreach ($category in $CategoryOrder) { Set-MergeAccount -Name $category -AccountToken (Get-TestToken $category) -NoSelect }
    $script:Stamp = [guid]::NewGuid().ToString('N').Substring(0, 8)
    $script:Counter = 0

    function New-Marker { $script:Counter++; "cov-$script:Stamp-$script:Counter" }

    function Invoke-Logged([string] $Cmdlet, [hashtable] $Arguments) {
        # Runs the cmdlet with a clean request log; returns its output, errors and the requests it caused.
        Clear-EmulatorRequests
        $failures = $null
        $output = @(& $Cmdlet @Arguments -ErrorVariable failures -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)
        [pscustomobject]@{ Output = $output; Errors = @($failures); Requests = @(Get-EmulatorRequests) }
    }

    function Assert-Served($Op, $Run, [string] $Path) {
        # (a) the cmdlet sent the operation's method and path, (b) the emulator answered 2xx, no errors.
        $Run.Errors | Should -BeNullOrEmpty -Because "$($Op.Cmdlet) runs cleanly for $($Op.Key)"
        $pattern = ConvertTo-PathPattern $Op.Path
        $hits = @($Run.Requests | Where-Object { $_.method -eq $Op.Method -and $_.path -match $pattern })
        $sent = ($Run.Requests | ForEach-Object { "$($_.method) $($_.path)" }) -join ', '
        $hits.Count | Should -BeGreaterThan 0 -Because "$($Op.Cmdlet) must call $($Op.Key) (it sent: $sent)"
        if ($Path) { $hits.path | Should -Contain "/api/$($Path.TrimStart('/'))" -Because "$($Op.Cmdlet) fills the path" }
        foreach ($hit in $hits) { $hit.status | Should -BeIn (200..299) -Because "the emulator serves $($Op.Key)" }
        $hits
    }

    function Assert-Typed($Object, [string] $Pascal, [string] $Model) {
        $Object | Should -Not -BeNullOrEmpty
        $Object.PSObject.TypeNames[0] | Should -Be "MergePS.$Pascal.$Model"
    }

    function Get-ListPath($Op, [switch] $NonEmpty) {
        # The resource's list path with its placeholders filled (a parent that has records with -NonEmpty).
        $list = Get-CatalogOp $Op.Category $Op.ResourceName 'list'
        if (-not $list) { return $null }
        $values = Resolve-PathValues $Op.Category $list.path -NonEmpty:$NonEmpty
        if ($null -eq $values) { return $null }
        [pscustomobject]@{ Path = Expand-PathTemplate $list.path $values; Values = $values }
    }

    function Get-SampleRecordId($Op, [switch] $Last) {
        # A record of the operation's resource (and the parent placeholders that lead to it).
        $list = Get-ListPath $Op -NonEmpty
        if ($list) {
            $ids = @(Get-DirectPage $Op.Category $list.Path 20 | ForEach-Object id)
            return [pscustomobject]@{ Id = $(if ($Last) { $ids[-1] } else { $ids[0] }); Values = $list.Values }
        }

        # Retrieve-only resources whose ids no response carries: ask the emulator which exist.
        $ids = Get-EmulatorRecordIds $Op.Category $Op.Model
        [pscustomobject]@{ Id = $(if ($Last) { $ids[-1] } else { $ids[0] }); Values = @{} }
    }

    function Get-RetrievePath($Op, [string] $Id, [hashtable] $Values) {
        $retrieve = Get-CatalogOp $Op.Category $Op.ResourceName 'retrieve'
        if ($retrieve) { Expand-PathTemplate $retrieve.path.Replace('{id}', $Id) $Values }
    }

    function Test-List($Op) {
        $list = Resolve-PathValues $Op.Category $Op.Path -NonEmpty
        $list | Should -Not -Be $null -Because "$($Op.Path) has records to list"
        $path = Expand-PathTemplate $Op.Path $list
        $expected = @(Get-DirectPage $Op.Category $path 3)
        $expected.Count | Should -BeGreaterThan 0 -Because "the emulator holds records for $path"
        $run = Invoke-Logged $Op.Cmdlet ((Get-PathArguments $list) + @{ Account = $Op.Category; First = 3 })
        $null = Assert-Served $Op $run $path
        $run.Output.Count | Should -Be $expected.Count
        $model = $(if ($Op.Kind -eq 'list') { $Op.Model } else { (Get-CatalogOp $Op.Category $Op.ResourceName $Op.Kind | Where-Object path -eq $Op.Path).responseModel })
        Assert-Typed $run.Output[0] $Op.Pascal $model
        if ($expected[0].PSObject.Properties['id']) { $run.Output.Id | Should -Be $expected.id }
        for ($i = 0; $i -lt $expected.Count; $i++) { Assert-SameRecord $run.Output[$i] $expected[$i] "$($Op.Cmdlet) item $i" }
    }

    function Test-Retrieve($Op) {
        $sample = Get-SampleRecordId $Op
        $sample.Id | Should -Not -BeNullOrEmpty -Because "the emulator holds a $($Op.Model) to retrieve"
        $path = Expand-PathTemplate $Op.Path.Replace('{id}', $sample.Id) $sample.Values
        $expected = Invoke-Direct $Op.Category $path
        $run = Invoke-Logged $Op.Cmdlet ((Get-PathArguments $sample.Values) + @{ Account = $Op.Category; Id = $sample.Id })
        $null = Assert-Served $Op $run $path
        $run.Output.Count | Should -Be 1
        Assert-Typed $run.Output[0] $Op.Pascal $Op.Model
        Assert-SameRecord $run.Output[0] $expected "$($Op.Cmdlet) -Id"
    }

    function Test-SubList($Op) { Test-List $Op }

    function Test-SubRetrieve($Op) {
        if ($Op.Path.EndsWith('/live-search')) {
            $ticket = (Get-DirectPage $Op.Category "$($Op.Path.Replace('/live-search', ''))" 1)[0]
            $word = ($ticket.name -split ' ')[0]
            $expected = @((Invoke-Direct $Op.Category "$($Op.Path)?name=$([uri]::EscapeDataString($word))").results)
            $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; NameFilter = $word }
            $hits = Assert-Served $Op $run $Op.Path
            Get-QueryValue $hits[0].query 'name' | Should -Be $word
            $run.Output.Count | Should -Be $expected.Count
            $run.Output.Id | Should -Contain $ticket.id
            Assert-Typed $run.Output[0] $Op.Pascal $Op.Model
            foreach ($found in $run.Output) { $found.Name | Should -BeLike "*$word*" }
            return
        }

        $responseModel = ((Get-CatalogResource $Op.Category $Op.ResourceName).operations | Where-Object path -eq $Op.Path).responseModel
        if ($Op.Path.Contains('{id}')) {
            $sample = Get-SampleRecordId $Op
            $path = $Op.Path.Replace('{id}', $sample.Id)
            $expected = Invoke-Direct $Op.Category $path
            $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Id = $sample.Id }
            $null = Assert-Served $Op $run $path
            $run.Output.Count | Should -Be 1
            Assert-Typed $run.Output[0] $Op.Pascal $responseModel
            Assert-SameRecord $run.Output[0] $expected "$($Op.Cmdlet) -Id"
            return
        }

        # An object whose only field is a list (groups/types): the cmdlet writes the list's items.
        $expected = Invoke-Direct $Op.Category $Op.Path
        $field = @($expected.PSObject.Properties)[0]
        $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category }
        $null = Assert-Served $Op $run $Op.Path
        @($field.Value).Count | Should -BeGreaterThan 0
        $run.Output | Should -Be @($field.Value)
    }

    function Test-Create($Op) {
        $create = (Get-CatalogResource $Op.Category $Op.ResourceName).operations | Where-Object path -eq $Op.Path | Where-Object method -eq $Op.Method
        $values = Resolve-PathValues $Op.Category $Op.Path
        $path = Expand-PathTemplate $Op.Path $values
        $marker = New-Marker
        $field = Get-MarkerField $Op.Category $create.requestModel $Op.Model
        $body = New-SampleBody $Op.Category $create.requestModel $marker $field
        if ($body.ContainsKey('source_object_class')) {
            # An association type belongs to the class in its path.
            $body.source_object_class = @{ id = $values.custom_object_class_id; origin_type = 'CUSTOM_OBJECT' }
        }
        $run = Invoke-Logged $Op.Cmdlet ((Get-PathArguments $values) + @{ Account = $Op.Category; Model = $body; Confirm = $false })
        $hits = Assert-Served $Op $run $path
        $hits[0].status | Should -Be $create.status
        $sent = $hits[0].body | ConvertFrom-Json
        $sent.model.PSObject.Properties.Name | Sort-Object | Should -Be ($body.Keys | Sort-Object)
        $run.Output.Count | Should -Be 1
        Assert-Typed $run.Output[0] $Op.Pascal $Op.Model
        $run.Output[0].Id | Should -Not -BeNullOrEmpty
        if ($field) { $run.Output[0].(ConvertTo-PascalName $field) | Should -Be $marker }
        $retrievePath = Get-RetrievePath $Op $run.Output[0].Id $values
        if ($retrievePath) {
            $stored = Invoke-Direct $Op.Category $retrievePath
            if ($field) { $stored.$field | Should -Be $marker -Because 'the created record is visible on the next read' }
        }
        else {
            $list = Expand-PathTemplate (Get-CatalogOp $Op.Category $Op.ResourceName 'list').path $values
            (Get-DirectAll $Op.Category $list).id | Should -Contain $run.Output[0].Id -Because 'the created record is visible on the next read'
        }
    }

    function Test-PartialUpdate($Op) {
        $update = (Get-CatalogResource $Op.Category $Op.ResourceName).operations | Where-Object path -eq $Op.Path | Where-Object method -eq $Op.Method
        $sample = Get-SampleRecordId $Op
        $marker = New-Marker
        $field = Get-MarkerField $Op.Category $update.requestModel $Op.Model
        $field | Should -Not -BeNullOrEmpty -Because "$($update.requestModel) has a text field to change"
        $path = $Op.Path.Replace('{id}', $sample.Id)
        $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Id = $sample.Id; Model = @{ $field = $marker }; Confirm = $false }
        $hits = Assert-Served $Op $run $path
        ($hits[0].body | ConvertFrom-Json).model.$field | Should -Be $marker
        Assert-Typed $run.Output[0] $Op.Pascal $Op.Model
        $run.Output[0].Id | Should -Be $sample.Id
        $run.Output[0].(ConvertTo-PascalName $field) | Should -Be $marker
        (Invoke-Direct $Op.Category (Get-RetrievePath $Op $sample.Id @{})).$field | Should -Be $marker -Because 'the change is visible on the next read'
    }

    function Test-Meta($Op) {
        $writeKind = if ($Op.Kind -eq 'meta-patch') { 'partial-update' } else { 'create' }
        $write = Get-CatalogOp $Op.Category $Op.ResourceName $writeKind
        $values = Resolve-PathValues $Op.Category $Op.Path
        $arguments = @{ Account = $Op.Category; Resource = $Op.Resource }
        if ($values.Count) { $arguments.Parameter = $values }
        $path = Expand-PathTemplate $Op.Path $values
        if ($Op.Kind -eq 'meta-patch') {
            $sample = Get-SampleRecordId $Op
            $arguments.Id = $sample.Id
            $path = $path.Replace('{id}', $sample.Id)
        }
        $run = Invoke-Logged $Op.Cmdlet $arguments
        $hits = Assert-Served $Op $run $path
        $hits[0].query | Should -BeNullOrEmpty -Because 'path values are not repeated as query parameters'
        $run.Output.Count | Should -Be 1
        $schema = $run.Output[0]
        $schema.PSObject.TypeNames[0] | Should -BeLike "MergePS.$($Op.Pascal).*"
        $properties = @($schema.RequestSchema['properties'].EnumerateObject().Name)
        if ($write) {
            $fields = @((Get-CatalogModel $Op.Category $write.requestModel).fields.name)
            ($properties | Sort-Object) | Should -Be ($fields | Sort-Object)
        }
    }

    function Test-RemoteFieldClasses($Op) {
        $expected = @(Get-DirectAll $Op.Category $Op.Path)
        $expected.Count | Should -BeGreaterThan 0
        $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Resource = $Op.Resource }
        $null = Assert-Served $Op $run $Op.Path
        ($run.Output.Id | Sort-Object) | Should -Be ($expected.id | Sort-Object)
        $run.Output[0].PSObject.TypeNames[0] | Should -BeLike "MergePS.$($Op.Pascal).RemoteFieldClass*"
    }

    function Test-Ignore($Op) {
        $sample = Get-SampleRecordId $Op -Last
        $retrievePath = Get-RetrievePath $Op $sample.Id @{}
        $before = Invoke-Direct $Op.Category $retrievePath
        $texts = @($before.PSObject.Properties | Where-Object { $_.Value -is [string] -and $_.Name -notin 'id', 'remote_id' } | ForEach-Object Name)
        $texts.Count | Should -BeGreaterThan 0
        $path = $Op.Path.Replace('{model_id}', $sample.Id)
        $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Resource = $Op.Resource; Id = $sample.Id; Reason = 'gdpr'; Message = 'coverage'; Confirm = $false }
        $hits = Assert-Served $Op $run $path
        $sent = $hits[0].body | ConvertFrom-Json
        $sent.reason | Should -Be 'GDPR'
        $sent.message | Should -Be 'coverage'
        $run.Output | Should -BeNullOrEmpty
        $after = Invoke-Direct $Op.Category $retrievePath
        $after.id | Should -Be $sample.Id
        foreach ($name in $texts) { $after.$name | Should -BeNullOrEmpty -Because "an ignored record's $name reads null" }
    }

    function Test-BulkCreate($Op) {
        $marker = New-Marker
        $field = Get-MarkerField $Op.Category (Get-CatalogOp $Op.Category $Op.ResourceName 'create').requestModel $Op.Model
        $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Resource = $Op.Resource; Item = @(@{ $field = $marker }, @{ $field = "$marker-2" }); Confirm = $false }
        $hits = Assert-Served $Op $run $Op.Path
        $hits[0].status | Should -Be 202
        $sent = $hits[0].body | ConvertFrom-Json
        $sent.batch_items.item_id | Should -Be @('1', '2')
        $sent.batch_items[0].payload.$field | Should -Be $marker
        $run.Output.Count | Should -Be 1
        $run.Output[0].BatchId | Should -Match '^[0-9a-f-]{36}$'
        (Invoke-Direct $Op.Category "$($Op.Path)/$($run.Output[0].BatchId)").total_count | Should -Be 2
    }

    function Test-BulkStatus($Op) {
        $marker = New-Marker
        $bulkPath = $Op.Path.Replace('/{batch_id}', '')
        $field = Get-MarkerField $Op.Category (Get-CatalogOp $Op.Category $Op.ResourceName 'create').requestModel $Op.Model
        $batch = (Invoke-Direct $Op.Category $bulkPath -Method POST -Body @{ batch_items = @(@{ item_id = 'a'; payload = @{ $field = $marker } }) }).batch_id
        $path = "$bulkPath/$batch"
        $first = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Resource = $Op.Resource; BatchId = $batch }
        $null = Assert-Served $Op $first $path
        $first.Output[0].Status | Should -Be 'IN_PROGRESS'
        $first.Output[0].Objects[0].Status | Should -Be 'PENDING'
        $second = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Resource = $Op.Resource; BatchId = $batch }
        $null = Assert-Served $Op $second $path
        $status = $second.Output[0]
        $status.BatchId | Should -Be $batch
        $status.Status | Should -Be 'SUCCESS'
        $status.TotalCount | Should -Be 1
        $status.Objects[0].ItemId | Should -Be 'a'
        $created = $status.Objects[0].Response.MergeCommonModelId
        (Invoke-Direct $Op.Category (Get-RetrievePath $Op $created @{})).$field | Should -Be $marker
    }

    function Test-Download($Op) {
        $sample = Get-SampleRecordId $Op
        $path = $Op.Path.Replace('{id}', $sample.Id)
        $target = Join-Path ([IO.Path]::GetTempPath()) "mergeps-coverage-$Stamp-$($Op.Category).bin"
        $reference = "$target.expected"
        Remove-Item $target, $reference -ErrorAction SilentlyContinue
        try {
            $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Id = $sample.Id; Path = $target; MimeType = 'application/pdf' }
            $hits = Assert-Served $Op $run $path
            Get-QueryValue $hits[0].query 'mime_type' | Should -Be 'application/pdf'
            $run.Output[0] | Should -BeOfType ([IO.FileInfo])
            $run.Output[0].FullName | Should -Be $target
            Invoke-WebRequest -Uri "$ApiBase$($path)?mime_type=application%2Fpdf" -OutFile $reference -Headers @{ Authorization = "Bearer $ApiKey"; 'X-Account-Token' = (Get-TestToken $Op.Category) }
            (Get-FileHash $target).Hash | Should -Be (Get-FileHash $reference).Hash
            [Text.Encoding]::ASCII.GetString([IO.File]::ReadAllBytes($target), 0, 5) | Should -Be '%PDF-'
        }
        finally {
            Remove-Item $target, $reference -ErrorAction SilentlyContinue
        }
    }

    function Test-Action($Op) {
        $action = (Get-CatalogResource $Op.Category $Op.ResourceName).operations | Where-Object path -eq $Op.Path | Where-Object method -eq $Op.Method
        switch -Wildcard ($Op.Path) {
            '*/change-stage' {
                $sample = Get-SampleRecordId $Op
                $current = (Invoke-Direct $Op.Category (Get-RetrievePath $Op $sample.Id @{})).current_stage
                $stage = @(Get-DirectPage $Op.Category '/ats/v1/job-interview-stages' 5 | Where-Object id -ne $current)[0].id
                $path = $Op.Path.Replace('{id}', $sample.Id)
                $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Id = $sample.Id; JobInterviewStage = $stage; Confirm = $false }
                $hits = Assert-Served $Op $run $path
                ($hits[0].body | ConvertFrom-Json).job_interview_stage | Should -Be $stage
                Assert-Typed $run.Output[0] $Op.Pascal $Op.Model
                $run.Output[0].CurrentStage | Should -Be $stage
                (Invoke-Direct $Op.Category (Get-RetrievePath $Op $sample.Id @{})).current_stage | Should -Be $stage
            }
            '*/application' {
                $sample = Get-SampleRecordId $Op
                $invoice = (Get-DirectPage $Op.Category '/accounting/v1/invoices' 1)[0].id
                $path = $Op.Path.Replace('{id}', $sample.Id)
                $run = Invoke-Logged $Op.Cmdlet @{ Account = $Op.Category; Id = $sample.Id; Invoice = $invoice; AppliedDate = [datetime]'2025-02-03'; AppliedAmount = '12.34'; Confirm = $false }
                $hits = Assert-Served $Op $run $path
                $hits[0].status | Should -Be $action.status
                $sent = $hits[0].body | ConvertFrom-Json
                $sent.invoice | Should -Be $invoice
                $sent.applied_amount | Should -Be '12.34'
                Assert-Typed $run.Output[0] $Op.Pascal $Op.Model
                $line = $run.Output[0].AppliedToLines[-1]
                $line.Invoice | Should -Be $invoice
                $line.AppliedAmount | Should -Be '12.34'
                (Invoke-Direct $Op.Category (Get-RetrievePath $Op $sample.Id @{})).applied_to_lines[-1].invoice | Should -Be $invoice
            }
            '*/associations/*' {
                $objects = Resolve-PathValues $Op.Category '/crm/v1/custom-object-classes/{custom_object_class_id}/custom-objects' -NonEmpty
                $sourceClass = $objects.custom_object_class_id
                $source = (Get-DirectPage $Op.Category "/crm/v1/custom-object-classes/$sourceClass/custom-objects" 1)[0].id
                $targetClass = $null
                foreach ($class in Get-DirectPage $Op.Category '/crm/v1/custom-object-classes' 30) {
                    if ($class.id -eq $sourceClass) { continue }
                    $target = @(Get-DirectPage $Op.Category "/crm/v1/custom-object-classes/$($class.id)/custom-objects" 1)
                    if ($target.Count) { $targetClass = $class.id; $target = $target[0].id; break }
                }
                $targetClass | Should -Not -BeNullOrEmpty
                $type = (Get-DirectPage $Op.Category "/crm/v1/custom-object-classes/$sourceClass/association-types" 1)[0].id
                if (-not $type) { $type = [guid]::NewGuid().ToString() }
                $path = "/crm/v1/custom-object-classes/$sourceClass/custom-objects/$source/associations/$targetClass/$target/$type"
                $run = Invoke-Logged $Op.Cmdlet @{
                    Account = $Op.Category; SourceClassId = $sourceClass; SourceObjectId = $source; TargetClassId = $targetClass
                    TargetObjectId = $target; AssociationTypeId = $type; Confirm = $false
                }
                $null = Assert-Served $Op $run $path
                Assert-Typed $run.Output[0] $Op.Pascal $Op.Model
                $run.Output[0].SourceObject | Should -Be $source
                $run.Output[0].TargetObject | Should -Be $target
                $associations = @(Get-DirectAll $Op.Category "/crm/v1/custom-object-classes/$sourceClass/custom-objects/$source/associations")
                $associations.target_object | Should -Contain $target -Because 'the association is visible on the next read'
            }
            default { throw "The walker has no rule for the action $($Op.Key); add one." }
        }
    }

    function Test-Operation($Op) {
        $Op.Cmdlet | Should -Not -BeNullOrEmpty -Because "the naming rules give a cmdlet for $($Op.Key) (kind $($Op.Kind))"
        Get-Command $Op.Cmdlet -Module MergePS -ErrorAction SilentlyContinue | Should -Not -BeNullOrEmpty -Because "$($Op.Key) needs the cmdlet $($Op.Cmdlet)"
        switch ($Op.Kind) {
            'list' { Test-List $Op }
            'retrieve' { Test-Retrieve $Op }
            'sub-list' { Test-SubList $Op }
            'sub-retrieve' { Test-SubRetrieve $Op }
            'create' { Test-Create $Op }
            'partial-update' { Test-PartialUpdate $Op }
            { $_ -in 'meta-post', 'meta-patch' } { Test-Meta $Op }
            'remote-field-classes' { Test-RemoteFieldClasses $Op }
            'ignore' { Test-Ignore $Op }
            'bulk-create' { Test-BulkCreate $Op }
            'bulk-status' { Test-BulkStatus $Op }
            'download' { Test-Download $Op }
            'action' { Test-Action $Op }
            default { throw "The walker has no rule for operations of kind '$($Op.Kind)' ($($Op.Key)); add one." }
        }
    }
}

AfterAll { Disconnect-Merge }

Describe 'Coverage of <Category> (<Count> operations)' -ForEach $categories {
    It '<Key> through <Via>' -ForEach $Operations {
        $reason = $CoverageExceptions[$Key]
        if ($reason) {
            { Test-Operation $Op } | Should -Throw -Because "$Key is listed as an exception ($reason); if it passes now, remove the exception"
        }
        else {
            Test-Operation $Op
        }
    }
}

Describe 'The coverage walker' {
    It 'walks every operation of the catalogue' {
        $walked = @(Get-CatalogOperation).Count
        $raw = 0
        foreach ($file in Get-ChildItem (Join-Path $PSScriptRoot '../../catalog') -Filter *.json) {
            $raw += @((Get-Content -Raw $file.FullName | ConvertFrom-Json).resources.operations).Count
        }
        $walked | Should -Be $raw
    }

    It 'lists as exceptions only operations of the catalogue' {
        $keys = @(Get-CatalogOperation).Key
        foreach ($key in $CoverageExceptions.Keys) { $keys | Should -Contain $key -Because "the exception '$key' names no catalogue operation any more" }
    }

    It 'leaves no catalogue filter uninterpreted by the emulator' {
        @(Invoke-RestMethod "$EmulatorUrl/_emulator/unmapped-filters" | Where-Object { $_ }) | Should -BeNullOrEmpty
    }
}
