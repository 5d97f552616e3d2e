# Read tests every category suite shares, generated from the catalogue at discovery: for each resource
# with a list, the cmdlet lists exactly the records the API holds (a direct read of the emulator),
# typed MergePS.<Category>.<Model>; retrieves by -Id and by piping; exposes every filter; and turns
# an expandable relation into a typed object with -Expand.
# Dot-source it at the top level of a suite (outside any block): . (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category ats
param([Parameter(Mandatory)] [string] $Category)

. (Join-Path $PSScriptRoot 'Catalog.ps1')

$categoryCatalog = Get-CatalogCategory $Category
$readResources = foreach ($resource in $categoryCatalog.resources) {
    $list = $resource.operations | Where-Object kind -eq 'list' | Select-Object -First 1
    if (-not $list) { continue }
    $retrieve = $resource.operations | Where-Object kind -eq 'retrieve' | Select-Object -First 1
    $model = Get-CatalogModel $Category $resource.model
    # A single relation the list can expand, whose target is a model of its own.
    $expand = @(($list.query | Where-Object name -eq 'expand').values) | ForEach-Object {
        $name = $_
        $field = $model.fields | Where-Object { $_.name -eq $name -and $_.type -like 'expand:*' } | Select-Object -First 1
        if ($field -and (Get-CatalogModel $Category $field.type.Substring(7)).fields.name -contains 'id') { @{ Field = $name; Target = $field.type.Substring(7) } }
    } | Select-Object -First 1
    @{
        Category     = $Category
        Pascal       = $categoryCatalog.pascal
        Name         = $resource.name
        Model        = $resource.model
        Cmdlet       = 'Get-Merge' + (Get-CmdletNoun $categoryCatalog $resource)
        ListPath     = $list.path
        RetrievePath = $retrieve.path
        # What identifies a record: its id; for models without one the relations (CRM associations) or
        # the plain text fields (ATS tags).
        KeyFields    = @(if ($model.fields.name -contains 'id') { 'id' }
            elseif ($model.fields.name -contains 'source_object') { 'source_object', 'target_object', 'association_type' }
            else { $model.fields | Where-Object { $_.type -in 'string', 'enum', 'uuid' } | ForEach-Object name })
        Filters      = @($list.query.name | Where-Object { $_ -notin 'cursor', 'page_size' })
        ExpandField  = $expand.Field
        ExpandTarget = $expand.Target
    }
}

Describe '<Cmdlet> reads <Name>' -ForEach $readResources {
    BeforeAll {
        $pathValues = if ($ListPath.Contains('{')) { Resolve-PathValues $Category $ListPath -NonEmpty } else { @{} }
        $pathValues | Should -Not -Be $null
        $path = Expand-PathTemplate $ListPath $pathValues
        $arguments = (Get-PathArguments $pathValues) + @{ Account = $Category }
        $expected = @(Get-DirectAll $Category $path)
        function Get-Identity($Item, [switch] $Json) {
            ($KeyFields | ForEach-Object { if ($Json) { $Item.$_ } else { $Item.(ConvertTo-PascalName $_) } }) -join '|'
        }
    }

    It 'lists exactly the records the API holds, each once, typed MergePS.<Pascal>.<Model>' {
        $expected.Count | Should -BeGreaterThan 0 -Because "the emulator holds $Name"
        $items = @(& $Cmdlet @arguments)
        $mine = @($items | ForEach-Object { Get-Identity $_ } | Sort-Object)
        $mine | Should -Be @($expected | ForEach-Object { Get-Identity $_ -Json } | Sort-Object)
        @($mine | Sort-Object -Unique).Count | Should -Be $items.Count
        $items[0].PSObject.TypeNames[0] | Should -Be "MergePS.$Pascal.$Model"
    }

    # Only resources that offer a retrieve get these tests (-ForEach data is there at discovery).
    if ($RetrievePath) {
        It 'retrieves a record by -Id and by piping' {
            $first = $expected[0].id
            $last = $expected[-1].id
            $one = & $Cmdlet @arguments -Id $first
            $one.Id | Should -Be $first
            $one.PSObject.TypeNames[0] | Should -Be "MergePS.$Pascal.$Model"
            Assert-SameRecord $one (Invoke-Direct $Category (Expand-PathTemplate $RetrievePath.Replace('{id}', $first) $pathValues)) "$Cmdlet -Id"
            $piped = @([pscustomobject]@{ Id = $first }, [pscustomobject]@{ Id = $last } | & $Cmdlet @arguments)
            $piped.Id | Should -Be @($first, $last)
        }
    }

    It 'exposes every filter of the endpoint as a parameter' {
        $parameters = (Get-Command $Cmdlet).Parameters.Keys
        foreach ($filter in $Filters) {
            $name = ConvertTo-PascalName $filter
            @($parameters | Where-Object { $_ -eq $name -or $_ -eq "${name}Filter" }).Count | Should -Be 1 -Because "$Name accepts $filter"
        }
    }

    if ($ExpandField) {
        It 'returns <ExpandField> as a typed <ExpandTarget> with -Expand' {
            $withRelation = @($expected | Where-Object { $_.$ExpandField })
            $withRelation.Count | Should -BeGreaterThan 0 -Because "some $Name have a $ExpandField"
            $expanded = @(& $Cmdlet @arguments -Expand $ExpandField | Where-Object { $_.(ConvertTo-PascalName $ExpandField) })
            $expanded.Count | Should -Be $withRelation.Count
            $relation = $expanded[0].(ConvertTo-PascalName $ExpandField)
            $relation.PSObject.TypeNames[0] | Should -Be "MergePS.$Pascal.$ExpandTarget"
            # Both lists keep the API's order.
            $relation.Id | Should -Be $withRelation[0].$ExpandField
        }
    }
}

Describe 'The emulator interprets every <Category> filter' -ForEach @(@{ Category = $Category }) {
    It 'has no unmapped <Category> filter' {
        @(Invoke-RestMethod "$EmulatorUrl/_emulator/unmapped-filters?category=$Category" | Where-Object { $_ }) | Should -BeNullOrEmpty
    }
}
