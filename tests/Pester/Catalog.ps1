# The API catalogue as the tests see it: every operation with the cmdlet expected to call it, and
# helpers that find valid arguments for it (record ids, request bodies) by reading the emulator directly.
# Dot-sourced by Coverage.Tests.ps1 and the category suites, in BeforeDiscovery and in BeforeAll.

$script:CatalogDir = Join-Path $PSScriptRoot '../../catalog'
$script:CategoryOrder = 'hris', 'ats', 'accounting', 'ticketing', 'crm', 'filestorage', 'knowledgebase', 'chat', 'calendar', 'email'

function Get-TestCatalog {
    # Every category's catalogue, in the generator's order (HRIS first).
    if (-not $script:TestCatalog) {
        $script:TestCatalog = foreach ($name in $script:CategoryOrder) {
            Get-Content -Raw (Join-Path $script:CatalogDir "$name.json") | ConvertFrom-Json
        }
    }
    $script:TestCatalog
}

function Get-CatalogIndex {
    # Categories, resources, models and noun owners by name, built once.
    if (-not $script:CatalogIndex) {
        $index = @{ Category = @{}; Resource = @{}; Model = @{}; NounOwners = @{} }
        foreach ($category in Get-TestCatalog) {
            $index.Category[$category.name] = $category
            foreach ($resource in $category.resources) {
                $index.Resource["$($category.name)|$($resource.name)"] = $resource
                $index.NounOwners[$resource.noun] = @($index.NounOwners[$resource.noun]) + $category.name | Where-Object { $_ }
            }
            foreach ($model in $category.models) { $index.Model["$($category.name)|$($model.name)"] = $model }
        }
        $script:CatalogIndex = $index
    }
    $script:CatalogIndex
}

function Get-CatalogCategory([string] $Name) { (Get-CatalogIndex).Category[$Name] }

function Get-CmdletNoun($Category, $Resource) {
    # tools/Catalog/CatalogSet.cs CmdletNoun: HRIS nouns are bare; another category's noun is bare
    # unless some other category has a resource with the same noun.
    if ($Category.name -eq 'hris') { return $Resource.noun }
    $clash = @((Get-CatalogIndex).NounOwners[$Resource.noun] | Where-Object { $_ -ne $Category.name }).Count -gt 0
    if ($clash) { $Category.pascal + $Resource.noun } else { $Resource.noun }
}

function ConvertTo-PascalName([string] $Wire) {
    # tools/CodeGen/Names.cs Pascal: capitalise after every non-alphanumeric character.
    -join (($Wire -split '[^A-Za-z0-9]+' | Where-Object { $_ }) | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) })
}

function Get-SubNoun($Resource, [string] $Path) {
    # tools/CodeGen/CmdletWriter.cs SubNoun: the literal segments after the resource, the last one singular.
    $segments = $Path.Trim('/') -split '/'
    $start = [array]::IndexOf($segments, $Resource.name) + 1
    $literals = @($segments | Select-Object -Skip $start | Where-Object { -not $_.StartsWith('{') })
    if ($literals.Count -eq 0) { return '' }
    $last = $literals[-1]
    $literals[-1] = if ($last.EndsWith('ies')) { $last.Substring(0, $last.Length - 3) + 'y' }
        elseif ($last.EndsWith('ss')) { $last }
        elseif ($last.EndsWith('s')) { $last.Substring(0, $last.Length - 1) }
        else { $last }
    -join ($literals | ForEach-Object { ConvertTo-PascalName $_ })
}

function Get-ResourceArgument($Category, $Resource, $Operation) {
    # The -Resource value of the resource-wide cmdlets: the cmdlet noun, plus the line's noun for the
    # remote field classes of a resource's lines (invoices/line-items → InvoiceLineItem).
    $noun = Get-CmdletNoun $Category $Resource
    if ($Operation.kind -ne 'remote-field-classes') { return $noun }
    $segments = $Operation.path.Trim('/') -split '/'
    $start = [array]::IndexOf($segments, $Resource.name) + 1
    $literals = @($segments | Select-Object -Skip $start | Where-Object { -not $_.StartsWith('{') -and $_ -ne 'remote-field-classes' })
    if ($literals.Count -eq 0) { return $noun }
    $noun + (Get-SubNoun ([pscustomobject]@{ name = $Resource.name }) ($Operation.path -replace '/remote-field-classes$', ''))
}

function Get-ExpectedCmdlet($Category, $Resource, $Operation) {
    # The cmdlet that must serve an operation, by the generator's naming rules (tools/CodeGen) and the
    # hand-written -Resource cmdlets (src/MergePS/Commands/ResourceCommands.cs).
    $noun = Get-CmdletNoun $Category $Resource
    switch ($Operation.kind) {
        'list' { "Get-Merge$noun" }
        'retrieve' { "Get-Merge$noun" }
        'create' { "New-Merge$noun" }
        'partial-update' { "Update-Merge$noun" }
        'meta-post' { 'Get-MergeWriteSchema' }
        'meta-patch' { 'Get-MergeWriteSchema' }
        'remote-field-classes' { 'Get-MergeRemoteFieldClass' }
        'ignore' { 'Hide-MergeRecord' }
        'bulk-create' { 'Start-MergeBulkCreate' }
        'bulk-status' { 'Get-MergeBulkCreateStatus' }
        'download' { "Save-Merge$noun" }
        { $_ -in 'sub-list', 'sub-retrieve' } {
            if ($Operation.path.EndsWith('/live-search')) { "Search-Merge$noun" } else { "Get-Merge$noun$(Get-SubNoun $Resource $Operation.path)" }
        }
        'action' {
            $last = @(($Operation.path -split '/') | Where-Object { $_ -and -not $_.StartsWith('{') })[-1]
            switch ($last) {
                'change-stage' { "Set-Merge${noun}Stage" }
                'application' { "Add-Merge${noun}Application" }
                'associations' { "Set-Merge$noun" }
                default { $null }
            }
        }
        default { $null }
    }
}

function Get-CatalogOperation([string] $Category) {
    # One entry per catalogue operation, with the cmdlet expected to call it.
    if (-not $script:CatalogOperations) { $script:CatalogOperations = @(Get-CatalogOperationUncached) }
    $script:CatalogOperations | Where-Object { -not $Category -or $_.Category -eq $Category }
}

function Get-CatalogOperationUncached {
    foreach ($cat in Get-TestCatalog) {
        foreach ($resource in $cat.resources) {
            foreach ($op in $resource.operations) {
                [pscustomobject]@{
                    Category     = $cat.name
                    Pascal       = $cat.pascal
                    ResourceName = $resource.name
                    Noun         = Get-CmdletNoun $cat $resource
                    Model        = $resource.model
                    Kind         = $op.kind
                    Method       = $op.method
                    Path         = $op.path
                    Key          = "$($op.method) $($op.path)"
                    Cmdlet       = Get-ExpectedCmdlet $cat $resource $op
                    Resource     = Get-ResourceArgument $cat $resource $op
                }
            }
        }
    }
}

function ConvertTo-PathPattern([string] $Path) {
    # A regex for the request paths an operation's template matches (the log's paths start with /api).
    '^/api' + ((($Path -split '/') | ForEach-Object { if ($_.StartsWith('{')) { '[^/]+' } else { [regex]::Escape($_) } }) -join '/') + '$'
}

function Get-CatalogModel([string] $Category, [string] $Name) { (Get-CatalogIndex).Model["$Category|$Name"] }

function Get-CatalogResource([string] $Category, [string] $Name) { (Get-CatalogIndex).Resource["$Category|$Name"] }

function Get-CatalogOp([string] $Category, [string] $ResourceName, [string] $Kind) {
    (Get-CatalogResource $Category $ResourceName).operations | Where-Object kind -eq $Kind | Select-Object -First 1
}

# ---- Direct reads of the emulator (need Common.ps1) ------------------------------------------------

function Get-TestToken([string] $Category, [int] $Number = 1) { "$Category-token-$Number" }

function Invoke-Direct([string] $Category, [string] $Path, [string] $Method = 'GET', $Body) {
    # One call to the emulator without the module; $Path is relative to /api, with or without a leading slash.
    $params = @{
        Uri     = "$script:ApiBase/$($Path.TrimStart('/'))"
        Method  = $Method
        Headers = @{ Authorization = "Bearer $script:ApiKey"; 'X-Account-Token' = (Get-TestToken $Category) }
    }
    if ($null -ne $Body) { $params.Body = ($Body | ConvertTo-Json -Depth 10 -Compress); $params.ContentType = 'application/json' }
    Invoke-RestMethod @params
}

function Get-DirectPage([string] $Category, [string] $Path, [int] $PageSize = 100) {
    # The first page of a listing, read directly.
    $separator = if ($Path.Contains('?')) { '&' } else { '?' }
    @((Invoke-Direct $Category "$Path${separator}page_size=$PageSize").results)
}

function Get-DirectAll([string] $Category, [string] $Path) {
    # Every page of a listing, read directly.
    Get-EmulatorAll $Path.TrimStart('/') (Get-TestToken $Category)
}

function Get-EmulatorRecordIds([string] $Category, [string] $Model) {
    # Ids of records no API response carries (accounting phone numbers, async tasks).
    @(Invoke-RestMethod "$script:EmulatorUrl/_emulator/records?token=$(Get-TestToken $Category)&model=$Model")
}

function Get-ParentIds([string] $Category, [string] $Segment, [hashtable] $Known) {
    # Ids of the records a path segment names (custom-object-classes → custom object classes), read
    # through that resource's own list, whose placeholders are filled from $Known.
    $resource = Get-CatalogResource $Category $Segment
    $list = $resource.operations | Where-Object kind -eq 'list' | Select-Object -First 1
    if (-not $list) { return @() }
    $path = $list.path
    foreach ($key in $Known.Keys) { $path = $path.Replace("{$key}", $Known[$key]) }
    if ($path.Contains('{')) { return @() }
    @(Get-DirectPage $Category $path 20 | ForEach-Object id)
}

function Resolve-PathValues([string] $Category, [string] $Path, [switch] $NonEmpty, [int] $Tries = 8) {
    # Values for a path's placeholders (other than {id}, {model_id}, {batch_id}) that name real
    # records: each from the resource named by the segment before it. With -NonEmpty, the first
    # combination whose direct read lists something.
    $segments = $Path.Trim('/') -split '/'
    $placeholders = for ($i = 1; $i -lt $segments.Count; $i++) {
        if ($segments[$i] -match '^\{(\w+)\}$' -and $Matches[1] -notin 'id', 'model_id', 'batch_id') {
            [pscustomobject]@{ Name = $Matches[1]; Segment = $segments[$i - 1] }
        }
    }
    $placeholders = @($placeholders)
    function Fill([int] $index, [hashtable] $known) {
        if ($index -ge $placeholders.Count) {
            if (-not $NonEmpty) { return $known }
            $path = $Path
            foreach ($key in $known.Keys) { $path = $path.Replace("{$key}", $known[$key]) }
            if ((Get-DirectPage $Category $path 1).Count -gt 0) { return $known }
            return $null
        }
        $p = $placeholders[$index]
        foreach ($candidate in @(Get-ParentIds $Category $p.Segment $known | Select-Object -First $Tries)) {
            $next = $known.Clone()
            $next[$p.Name] = $candidate
            $found = Fill ($index + 1) $next
            if ($found) { return $found }
        }
        $null
    }
    Fill 0 @{}
}

function Expand-PathTemplate([string] $Path, [hashtable] $Values) {
    foreach ($key in $Values.Keys) { $Path = $Path.Replace("{$key}", [string]$Values[$key]) }
    $Path
}

function Get-PathArguments([hashtable] $Values) {
    # Cmdlet parameters for path placeholders (custom_object_class_id → -CustomObjectClassId).
    $arguments = @{}
    foreach ($key in $Values.Keys) { $arguments[(ConvertTo-PascalName $key)] = $Values[$key] }
    $arguments
}

function Get-MarkerField([string] $Category, [string] $RequestModel, [string] $ResponseModel) {
    # A writable plain-text field the request takes and the record shows, to see a write land.
    $request = Get-CatalogModel $Category $RequestModel
    $response = Get-CatalogModel $Category $ResponseModel
    $preferred = 'name', 'first_name', 'title', 'number', 'description', 'memo', 'body', 'subject', 'remote_key_name', 'content', 'note', 'file_name', 'display_name'
    $candidates = @($request.fields | Where-Object { $_.type -eq 'string' -and -not $_.readOnly -and ($response.fields.name -ccontains $_.name) -and $_.name -notlike '*_id' })
    foreach ($name in $preferred) { if ($candidates.name -ccontains $name) { return $name } }
    $candidates | Select-Object -First 1 -ExpandProperty name
}

function New-SampleValue([string] $Category, $Field, [string] $Marker) {
    # A valid value of a request field's type; relations point at real records of the same account.
    $type = [string]$Field.type
    $array = $type.StartsWith('array:')
    $element = if ($array) { $type.Substring(6) } else { $type }
    $value = switch -Regex ($element) {
        '^(expand:|uuid$)' {
            $target = if ($element.StartsWith('expand:')) { $element.Substring(7) } else { ConvertTo-PascalName ($Field.name -replace '_ids?$', '' -replace 'ies$', 'y' -replace 's$', '') }
            $resource = (Get-CatalogCategory $Category).resources | Where-Object { $_.model -ceq $target -and ($_.operations.kind -contains 'list') } | Select-Object -First 1
            if ($resource) { (Get-DirectPage $Category (($resource.operations | Where-Object kind -eq 'list')[0].path) 1)[0].id } else { [guid]::NewGuid().ToString() }
        }
        '^enum$' { $Field.values[0] }
        '^datetime$' { [datetime]::SpecifyKind([datetime]'2025-03-04T05:06:07', 'Utc').ToString('o') }
        '^date$' { '2025-03-04' }
        '^bool$' { $true }
        '^int$' { 3 }
        '^number$' { 12.5 }
        '^email$' { 'coverage@example.com' }
        '^uri$' { 'https://example.com/coverage' }
        '^object$' { @{ coverage = $Marker } }
        '^model:' {
            $nested = Get-CatalogModel $Category $element.Substring(6)
            $object = @{}
            foreach ($f in @($nested.fields | Where-Object required)) { $object[$f.name] = New-SampleValue $Category $f $Marker }
            $object
        }
        default { $Marker }
    }
    if ($array) { , @($value) } else { $value }
}

function New-SampleBody([string] $Category, [string] $RequestModel, [string] $Marker, [string] $MarkerField) {
    # The required fields of a request model with valid values, plus the marker field.
    $model = Get-CatalogModel $Category $RequestModel
    $body = @{}
    foreach ($field in @($model.fields | Where-Object { $_.required -and -not $_.readOnly })) {
        $body[$field.name] = New-SampleValue $Category $field $Marker
    }
    if ($MarkerField) { $body[$MarkerField] = $Marker }
    $body
}

function ConvertTo-Comparable($Value) {
    # Module values (DateTimeOffset, decimal) and ConvertFrom-Json values (DateTime, double) as one text.
    if ($null -eq $Value) { return $null }
    if ($Value -is [datetimeoffset]) { return $Value.UtcDateTime.ToString('yyyy-MM-ddTHH:mm:ss') }
    if ($Value -is [datetime]) { return $Value.ToUniversalTime().ToString('yyyy-MM-ddTHH:mm:ss') }
    if ($Value -is [bool]) { return $Value.ToString() }
    if ($Value -is [decimal] -or $Value -is [double] -or $Value -is [int] -or $Value -is [long]) { return ([double]$Value).ToString('R', [cultureinfo]::InvariantCulture) }
    [string]$Value
}

function Assert-SameRecord($Object, $Json, [string] $Because) {
    # Every scalar field the direct read shows has the same value on the module's object.
    $compared = 0
    $differences = foreach ($property in $Json.PSObject.Properties) {
        $value = $property.Value
        if ($null -eq $value -or $value -is [array] -or $value -is [pscustomobject]) { continue }
        $name = ConvertTo-PascalName $property.Name
        $own = $Object.PSObject.Properties[$name]
        if (-not $own) { $own = $Object.PSObject.Properties["${name}Value"] }
        if (-not $own) { continue }
        $compared++
        $mine = ConvertTo-Comparable $own.Value
        $theirs = ConvertTo-Comparable $value
        if ($mine -cne $theirs) { "$($property.Name): '$mine' instead of '$theirs'" }
    }
    @($differences) | Should -BeNullOrEmpty -Because "$Because shows what the API holds"
    $compared | Should -BeGreaterThan 0 -Because "$Because shows at least one comparable field"
}
