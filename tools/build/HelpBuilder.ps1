# Writes en-US/MergePS.dll-Help.xml (MAML) and the about topics into a built module folder.
# Run by New-MergeHelp (tools/build/Help.ps1) in a fresh pwsh; see that file for the sources.
param(
    [Parameter(Mandatory)] [string] $Root,
    [Parameter(Mandatory)] [string] $ModuleDir,
    # The compiler's XML documentation, a last resort for parameters of shared base classes.
    [string] $XmlDoc
)

$ErrorActionPreference = 'Stop'
# Catalogue objects leave out properties they do not use (values, required, readOnly), so no strict mode.
Set-StrictMode -Off

# The online version of each cmdlet's help.
$script:OnlineUri = 'https://github.com/mergeps/MergePS/blob/main/docs/cmdlets/{0}.md'
$script:ExampleId = '7e1f3c2a-5b9d-4c61-8f0a-2d3e4b5c6a7f'
$script:CategoryNames = @{
    hris = 'HRIS'; ats = 'ATS'; accounting = 'Accounting'; ticketing = 'Ticketing'; crm = 'CRM'
    filestorage = 'File Storage'; knowledgebase = 'Knowledge Base'; chat = 'Chat'; calendar = 'Calendar'; email = 'Email'
}

#region Words

$script:PascalCache = @{}
$script:WordsCache = @{}

function ConvertTo-Pascal([string] $Wire) {
    # The generator's rule (tools/CodeGen/Names.cs): split on anything but letters and digits.
    $name = $script:PascalCache[$Wire]
    if ($null -ne $name) { return $name }
    $name = -join $(foreach ($part in [regex]::Split($Wire, '[^A-Za-z0-9]+')) { if ($part) { $part.Substring(0, 1).ToUpperInvariant() + $part.Substring(1) } })
    if (-not $name -or [char]::IsDigit($name[0])) { $name = 'N' + $name }
    $script:PascalCache[$Wire] = $name
    $name
}

function Get-Words([string] $Name) {
    # employment_status, EmploymentStatus -> "employment status"; acronyms (EEOC) stay upper case.
    $words = $script:WordsCache[$Name]
    if ($null -ne $words) { return $words }
    $spaced = $Name -replace '[_\-]+', ' '
    $spaced = [regex]::Replace($spaced, '(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])', ' ')
    $words = $(foreach ($word in $spaced.Split(' ', [StringSplitOptions]::RemoveEmptyEntries)) {
            if ($word.Length -gt 1 -and $word -ceq $word.ToUpperInvariant()) { $word } else { $word.ToLowerInvariant() }
        }) -join ' '
    $script:WordsCache[$Name] = $words
    $words
}

function Get-Plural([string] $Words) {
    switch -regex ($Words) {
        '(info|data|staff|time off|series)$' { return $Words }
        '[^aeiou]y$' { return $Words.Substring(0, $Words.Length - 1) + 'ies' }
        '(s|x|ch|sh)$' { return $Words + 'es' }
        default { return $Words + 's' }
    }
}

function Get-Article([string] $Words) {
    if ($Words -match '^(EEOC|HRIS|ATS|CRM)') { return 'an' }
    if ($Words -match '^[aeiouAEIOU]') { 'an' } else { 'a' }
}

function Format-Values([object[]] $Values) {
    $values = @($Values | Where-Object { $_ })
    if ($values.Count -eq 0) { return '' }
    if ($values.Count -le 12) { return " Values: $($values -join ', ')." }
    " Values include $(($values | Select-Object -First 8) -join ', ') and $($values.Count - 8) more; press Tab to complete them."
}

#endregion

#region Help sources (docs/help/*.md)

function ConvertTo-Paragraphs([string[]] $Lines) {
    # Blank lines separate paragraphs; list items are paragraphs of their own.
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        $text = $line.Trim()
        if (-not $text -or $text -match '^[-*] ') {
            if ($current.Count) { $paragraphs.Add(($current -join ' ')); $current.Clear() }
            if ($text) { $current.Add($text) }
            continue
        }
        $current.Add($text)
    }
    if ($current.Count) { $paragraphs.Add(($current -join ' ')) }
    , @($paragraphs | ForEach-Object { $_ -replace '`([^`]*)`', '$1' })
}

function Read-HelpSource([string] $Path) {
    $help = [ordered]@{
        Name = $null; Synopsis = $null; Description = @(); Parameters = [ordered]@{}; Examples = @()
        Inputs = @(); Outputs = @(); Notes = @(); Links = @()
    }
    $section = $null; $item = $null; $buffer = [System.Collections.Generic.List[string]]::new()
    $inCode = $false; $code = [System.Collections.Generic.List[string]]::new()

    $flush = {
        $paragraphs = ConvertTo-Paragraphs $buffer
        switch ($section) {
            'Synopsis' { $help.Synopsis = $paragraphs -join ' ' }
            'Description' { $help.Description = $paragraphs }
            'Notes' { $help.Notes = $paragraphs }
            'Parameters' { if ($item) { $help.Parameters[$item.TrimStart('-')] = $paragraphs } }
            'Examples' {
                if ($item) { $help.Examples += [pscustomobject]@{ Title = $item; Code = ($code -join "`n"); Remarks = $paragraphs } }
            }
            { $_ -in 'Inputs', 'Outputs' } {
                if ($item) { $help[$section] += [pscustomobject]@{ Type = $item; Text = $paragraphs } }
            }
            'Related Links' {
                foreach ($line in $buffer) {
                    if ($line -match '^\s*[-*]\s+\[([^\]]+)\]\(([^)]+)\)') { $help.Links += [pscustomobject]@{ Text = $Matches[1]; Uri = $Matches[2] } }
                    elseif ($line -match '^\s*[-*]\s+(\S.*)$') { $help.Links += [pscustomobject]@{ Text = $Matches[1].Trim(); Uri = '' } }
                }
            }
        }
        $buffer.Clear(); $code.Clear()
    }

    foreach ($line in (Get-Content -LiteralPath $Path)) {
        if ($inCode) {
            if ($line -match '^```') { $inCode = $false } else { $code.Add($line) }
            continue
        }
        if ($line -match '^```') { $inCode = $true; continue }
        if ($line -match '^# (.+)$') { $help.Name = $Matches[1].Trim(); continue }
        if ($line -match '^## (.+)$') { & $flush; $section = $Matches[1].Trim(); $item = $null; continue }
        if ($line -match '^### (.+)$') { & $flush; $item = $Matches[1].Trim(); continue }
        $buffer.Add($line)
    }
    & $flush
    [pscustomobject]$help
}

#endregion

#region Catalogue

function Read-Catalog([string] $Directory) {
    $operations = @{}
    foreach ($file in Get-ChildItem $Directory -Filter *.json | Where-Object { -not $_.Name.StartsWith('_') }) {
        $category = Get-Content -Raw $file.FullName | ConvertFrom-Json
        $models = @{}
        foreach ($model in $category.models) { $models[$model.name] = $model }
        foreach ($resource in $category.resources) {
            foreach ($op in $resource.operations) {
                $key = "$($op.method) $($op.path.TrimStart('/'))"
                $operations[$key] = [pscustomobject]@{ Category = $category; Resource = $resource; Operation = $op; Models = $models }
            }
        }
    }
    $operations
}

function Get-Member([object] $Object, [string] $Name) {
    # A protected property of a generated cmdlet (ListPath, PathTemplate, Method...), or $null.
    $flags = [Reflection.BindingFlags]'Instance, NonPublic, Public'
    $property = $Object.GetType().GetProperty($Name, $flags)
    if ($property) { try { $property.GetValue($Object) } catch { $null } }
}

#endregion

#region Generated cmdlets

function Get-Subject($Command, $Entry, [string] $Path) {
    # What a generated cmdlet is about: category, the record in words, its plural, its parent.
    $category = $Entry.Category
    $resource = $Entry.Resource
    $noun = $Command.Noun -replace '^Merge', ''
    $rest = ''
    foreach ($prefix in ($category.pascal + $resource.noun), $resource.noun) {
        if ($noun.StartsWith($prefix)) { $rest = $noun.Substring($prefix.Length); break }
    }
    $segments = @($Path.Split('/') | Where-Object { $_ })
    $after = @($segments | Select-Object -Skip ([array]::IndexOf($segments, $resource.name) + 1))
    if ($Command.Verb -eq 'Get' -and $rest) {
        # A read under a record or the collection: jobs/{job_id}/screening-questions, groups/types.
        $thing = Get-Words ($resource.noun + $rest)
        $things = Get-Plural $thing
    }
    else {
        $thing = Get-Words $resource.noun
        $things = Get-Words $resource.name
    }
    [pscustomobject]@{
        CategoryName = if ($script:CategoryNames.ContainsKey($category.name)) { $script:CategoryNames[$category.name] } else { $category.pascal }
        Thing        = $thing
        Things       = $things
        Parent       = if ($Command.Verb -eq 'Get' -and $rest -and $after.Count -gt 0 -and $after[0] -match '^\{') { Get-Words $resource.noun } else { $null }
        ParentModel  = $resource.model
        Scoped       = [bool]$Entry.Operation.accountScoped
    }
}

function Get-FilterText($Parameter, $Subject) {
    # A filter's description from its wire name and type.
    $w = $Parameter.name
    $t = $Parameter.type
    $P = $Subject.Things
    $values = Format-Values $Parameter.values
    switch -regex ($w) {
        '^created_after$' { return "Returns only $P that Merge first saw after this date and time (their CreatedAt)." }
        '^created_before$' { return "Returns only $P that Merge first saw before this date and time (their CreatedAt)." }
        '^modified_after$' { return "Returns only $P whose data changed in Merge after this date and time (their ModifiedAt). Keep the time of your last run and pass it here for incremental syncs." }
        '^modified_before$' { return "Returns only $P whose data last changed in Merge before this date and time (their ModifiedAt)." }
        '^include_deleted_data$' { return "Also returns $P that were deleted in the third-party system; their RemoteWasDeleted property is True." }
        '^include_remote_data$' { return "Adds the third-party system's original data for each record, in its RemoteData property." }
        '^include_shell_data$' { return "Also returns shell records: records Merge knows only because another record refers to them, with most fields empty." }
        '^include_remote_fields$' { return "Adds the third-party system's own fields, custom fields included, to each record, in its RemoteFields property." }
        '^include_sensitive_fields$' { return "Includes fields Merge leaves out unless asked, such as social security numbers and dates of birth. The default table and list views still mask them." }
        '^expand$' { return "Replaces these related ids with the full related records, fetched in the same request.$values" }
        '^remote_fields$' { return "Returns the third-party system's own values for these enum fields instead of Merge's normalized values (older name of -ShowEnumOrigins).$values" }
        '^show_enum_origins$' { return "Returns the third-party system's own values for these enum fields instead of Merge's normalized values.$values" }
        '^remote_id$' { return "Returns only the $($Subject.Thing) with this id in the third-party system (its RemoteId)." }
        '^order_by$' { return "Sorts the results; a leading minus sign sorts in descending order.$values" }
        '^remote_cursor$' { return "Continues the third-party system's own search from this cursor, as returned by an earlier call." }
        '^(?<stem>.+)_ids$' { return "Returns only $P linked to any of these $(Get-Plural (Get-Words $Matches.stem)), given as Merge ids." }
        '^(?<stem>.+)_id$' { return "Returns only $P of the $(Get-Words $Matches.stem) with this Merge id." }
        '^(?<stem>.+)_(?<edge>after|before)$' {
            $stem = $Matches.stem; $edge = $Matches.edge
            $words = Get-Words $stem
            if ($stem -match '^remote_(created|updated)$') { return "Returns only $P $($Matches[1]) in the third-party system $edge this date and time." }
            if ($stem -match 'ed$' -or $stem -eq 'due') { return "Returns only $P $words $edge this date and time." }
            return "Returns only $P whose $words is $edge this date and time."
        }
    }
    if ($w -match '^is_(.+)$') {
        return "Returns only $P that are $(Get-Words $Matches[1]) (true) or only those that are not (false)."
    }
    switch ($t) {
        'enum' { return "Returns only $P whose $(Get-Words $w) is this value.$values" }
        'bool' { return "Returns only $P whose $(Get-Words $w) is this value (true or false)." }
        'list' { return "Returns only $P with any of these $(Get-Words $w). Separate several values with commas.$values" }
        { $_ -in 'datetime', 'date' } { return "Returns only $P whose $(Get-Words $w) is this date." }
        default { return "Returns only $P whose $(Get-Words $w) is this value.$values" }
    }
}

function Get-FieldText($Field, $Subject, $Models) {
    # A write field's description from its wire name and type.
    $words = Get-Words $Field.name
    $type = $Field.type
    $array = $type.StartsWith('array:')
    $element = $type -replace '^array:', ''
    $values = Format-Values $Field.values
    $text = switch -regex ($element) {
        '^expand:(.+)$' {
            $target = Get-Words $Matches[1]
            if ($array) { "Sets $($words): the Merge ids of the $(Get-Plural $target) to link." } else { "Sets $($words): the Merge id of $(Get-Article $target) $target." }
        }
        '^model:(.+)$' {
            $target = Get-Words $Matches[1]
            if ($array) { "Sets $($words): hashtables (or objects) with the fields of each $target, using Merge's field names." } else { "Sets $($words): a hashtable (or object) with the fields of $(Get-Article $target) $target, using Merge's field names." }
        }
        '^enum$' { "Sets $words.$values" }
        '^datetime$' { "Sets $words, a date and time." }
        '^date$' { "Sets $words, a date." }
        '^bool$' { "Sets $words (true or false)." }
        '^(int|number)$' { "Sets $words, a number." }
        '^object$' {
            switch ($Field.name) {
                'integration_params' { 'Integration-specific parameters, as a hashtable of names and values. Get-MergeWriteSchema shows what the linked account accepts.' }
                'linked_account_params' { 'Parameters specific to this linked account, as a hashtable of names and values. Get-MergeWriteSchema shows what the linked account accepts.' }
                default { "Sets $($words): a hashtable of names and values." }
            }
        }
        default { if ($array) { "Sets $($words): one or more values." } else { "Sets $words." } }
    }
    if ($Field.PSObject.Properties['required'] -and $Field.required) { $text += ' Merge requires it.' }
    $text
}

# Names the cmdlet bases own; a catalogue name that collides gets a suffix instead (AccountId, ModelValue).
$script:Reserved = [System.Collections.Generic.HashSet[string]]::new([string[]]@(
        'Session', 'Account', 'AccountToken', 'PageSize', 'Cursor', 'Id', 'First', 'Skip', 'IncludeTotalCount', 'All',
        'Model', 'PassThru', 'Force', 'IsDebugMode', 'RunAsync', 'RemoteUserId', 'WhatIf', 'Confirm'), [StringComparer]::OrdinalIgnoreCase)

function Get-ParameterIndex($Entries, [switch] $Fields) {
    # Parameter name -> (wire parameter or field) for the operations behind a cmdlet.
    $index = @{}
    foreach ($entry in $Entries) {
        if (-not $entry) { continue }
        $op = $entry.Operation
        foreach ($p in @($op.pathParams) + @($op.query)) {
            # Paging and the record id are described once, in docs/help/_Common.md and below.
            if (-not $p -or $p.name -in 'cursor', 'page_size', 'id') { continue }
            foreach ($name in (ConvertTo-Pascal $p.name), ((ConvertTo-Pascal $p.name) + 'Filter')) {
                if ($script:Reserved.Contains($name)) { continue }
                if (-not $index.ContainsKey($name)) { $index[$name] = [pscustomobject]@{ Kind = if ($p -in @($op.pathParams)) { 'path' } else { 'query' }; Wire = $p } }
            }
        }
        if ($Fields -and $op.requestModel -and $entry.Models.ContainsKey($op.requestModel)) {
            foreach ($f in $entry.Models[$op.requestModel].fields) {
                if ($f.PSObject.Properties['readOnly'] -and $f.readOnly) { continue }
                $pascal = ConvertTo-Pascal $f.name
                foreach ($name in $pascal, "${pascal}Value", "${pascal}Id", "${pascal}Ids") {
                    if ($script:Reserved.Contains($name)) { continue }
                    if (-not $index.ContainsKey($name)) { $index[$name] = [pscustomobject]@{ Kind = 'field'; Wire = $f } }
                }
            }
        }
    }
    $index
}

function Find-GetCommand([type] $Model, [switch] $List) {
    # The Get-Merge* cmdlet that lists (or retrieves) records of this model.
    if (-not $Model) { return $null }
    if ($List) { $script:ListerOf[$Model.FullName] } else { $script:GetterOf[$Model.FullName] }
}

function Get-SampleValue($Parameter) {
    $type = $Parameter.ParameterType
    if ($type -eq [switch]) { return $null }
    switch -regex ($Parameter.Name) {
        'Email' { return "'ada.lovelace@example.com'" }
        '^FirstName$' { return "'Ada'" }
        '^LastName$' { return "'Lovelace'" }
        '(Date|Time|At)$' { return '(Get-Date).AddDays(7)' }
    }
    if ([Nullable]::GetUnderlyingType($type) -eq [datetime] -or $type -eq [datetime]) { return '(Get-Date).AddDays(7)' }
    if ($type -in [long], [int], [decimal], [Nullable[long]], [Nullable[int]], [Nullable[decimal]]) { return '100' }
    if ($type -in [bool], [Nullable[bool]]) { return '$true' }
    "'Example $(Get-Words $Parameter.Name)'"
}

function New-GeneratedHelp($Command, $Instance) {
    $listPath = Get-Member $Instance 'ListPath'
    $retrievePath = Get-Member $Instance 'RetrievePath'
    $template = Get-Member $Instance 'PathTemplate'
    $method = [string](Get-Member $Instance 'Method')
    if (-not $method) { $method = 'GET' }
    $list = if ($listPath) { $script:Catalog["GET $listPath"] }
    $retrieve = if ($retrievePath) { $script:Catalog["GET $retrievePath"] }
    $single = if ($template) { $script:Catalog["$($method.ToUpperInvariant()) $template"] }
    $main = @($list, $retrieve, $single) | Where-Object { $_ } | Select-Object -First 1
    if (-not $main) { return $null }

    $path = @($listPath, $retrievePath, $template) | Where-Object { $_ } | Select-Object -First 1
    $subject = Get-Subject $Command $main $path
    $C = $subject.CategoryName
    $P = $subject.Things
    $T = $subject.Thing
    $a = Get-Article $T
    $aC = Get-Article $C
    $from = if ($subject.Scoped) { 'the linked account' } else { 'your Merge organisation' }
    $output = $script:OutputOf[$Command.Name]
    $name = $Command.Name
    $help = [ordered]@{ Synopsis = $null; Description = @(); Parameters = @{}; Examples = @(); Outputs = @(); Notes = @(); Links = @() }
    $index = Get-ParameterIndex @($list, $retrieve, $single) -Fields:($Command.Verb -ne 'Get' -and $Command.Verb -ne 'Search' -and $Command.Verb -ne 'Save')
    $paths = (@($listPath, $retrievePath, $template) | Where-Object { $_ } | ForEach-Object { "$($method.ToUpperInvariant()) $_" }) -join ' and '
    $examples = [System.Collections.Generic.List[object]]::new()
    $parentGet = if ($subject.Parent) { $script:ListerOf["MergePS.$($main.Category.pascal).$($subject.ParentModel)"] }

    switch ($Command.Verb) {
        'Get' {
            if ($list -and $retrieve) { $help.Synopsis = "Lists $C $P from $from, or retrieves them by id." }
            elseif ($list) { $help.Synopsis = if ($subject.Parent) { "Lists the $C $P of $(Get-Article $subject.Parent) $($subject.Parent)." } else { "Lists $C $P from $from." } }
            elseif ($retrieve) { $help.Synopsis = "Retrieves $C $P by id." }
            else { $help.Synopsis = "Gets the $C $P of $from." }

            $help.Description += "$name reads $P through Merge's $C API ($paths)."
            if ($list) {
                $help.Description += "Without -Id it lists every $T that matches the filters, page by page, and writes each record to the pipeline as soon as its page arrives, so the first records appear before a long listing ends. -First and -Skip limit what is read (-First 5 asks Merge for five records only), -PageSize sets how many records each request returns, and -Cursor resumes a listing from the cursor a failed run reported. A listing that runs for more than a moment shows its progress, unless `$ProgressPreference is SilentlyContinue."
            }
            if ($retrieve) {
                $help.Description += "With -Id it retrieves those records. Ids can also come from the pipeline, as strings or as the Id property of piped objects."
            }
            $pipeParams = @($Command.Parameters.Values | Where-Object { $_.ParameterType.Namespace -like 'MergePS.*' -and $_.ParameterType.IsClass -and ($_.ParameterSets.Values | Where-Object ValueFromPipeline) })
            foreach ($pipe in $pipeParams) {
                $related = Get-Words $pipe.ParameterType.Name
                $source = Find-GetCommand $pipe.ParameterType -List
                $help.Description += "Piping $(Get-Article $related) $related record$(if ($source) { " from $($source.Name)" }) lists the $P that belong to it."
                $help.Parameters[$pipe.Name] = "$((Get-Article $related).Substring(0,1).ToUpperInvariant() + (Get-Article $related).Substring(1)) $related record, usually piped$(if ($source) { " from $($source.Name)" }). Lists only the $P that belong to it."
                if ($source) {
                    $examples.Add([pscustomobject]@{ Title = "List the $P of some $(Get-Plural $related)"; Code = "$($source.Name) -First 3 | $name"; Remarks = @("Lists the $P of the first three $(Get-Plural $related), one request per $related.") })
                }
            }
            if ($Command.Parameters.ContainsKey('Expand')) {
                $help.Description += '-Expand replaces related ids with the full related records in the same request; expanded records show their id in tables and keep every field.'
            }
            if ($list) {
                $parentParam = @($Command.Parameters.Values | Where-Object { $_.Aliases -contains 'Id' -and $_.Name -ne 'Id' }) | Select-Object -First 1
                if ($parentParam) {
                    $examples.Insert(0, [pscustomobject]@{ Title = "List the $P of one $($subject.Parent)"; Code = "$name -$($parentParam.Name) $script:ExampleId"; Remarks = @("Lists the $P of the $($subject.Parent) with this Merge id.") })
                }
                else {
                    $examples.Insert(0, [pscustomobject]@{ Title = "List the first $P"; Code = "$name -First 10"; Remarks = @("Lists the first ten $P of $from and shows them in the default table.") })
                }
                $enum = @($list.Operation.query | Where-Object { $_.type -eq 'enum' -and $_.values -and $_.name -ne 'order_by' }) | Select-Object -First 1
                if ($enum) {
                    $param = ConvertTo-Pascal $enum.name
                    if (-not $Command.Parameters.ContainsKey($param)) { $param += 'Filter' }
                    $value = @($enum.values)[0]
                    $examples.Add([pscustomobject]@{ Title = "Filter by $(Get-Words $enum.name)"; Code = "$name -$param $value | Format-Table"; Remarks = @("Lists only the $P whose $(Get-Words $enum.name) is $value. Merge applies the filter, so only matching records are transferred.") })
                }
                elseif ($Command.Parameters.ContainsKey('ModifiedAfter')) {
                    $examples.Add([pscustomobject]@{ Title = 'Read what changed since the last run'; Code = "$name -ModifiedAfter (Get-Date).AddDays(-1)"; Remarks = @("Lists the $P that changed in Merge during the last day.") })
                }
            }
            if ($retrieve) {
                $expand = @($retrieve.Operation.query | Where-Object { $_.name -eq 'expand' -and $_.values }) | Select-Object -First 1
                $code = "$name -Id $script:ExampleId"
                $remark = "Retrieves one $T by its Merge id."
                if ($expand) {
                    $code += " -Expand $(@($expand.values)[0])"
                    $remark = "Retrieves one $T by its Merge id, with its $(Get-Words @($expand.values)[0]) expanded into a full record."
                }
                $examples.Add([pscustomobject]@{ Title = "Retrieve $a $T"; Code = "$code | Format-List"; Remarks = @($remark, 'Format-List shows every field; personal data stays masked in the view.') })
            }
            if ($parentGet -and -not $pipeParams) {
                $examples.Add([pscustomobject]@{ Title = "Read the $P of $(Get-Plural $subject.Parent)"; Code = "$($parentGet.Name) -First 2 | $name"; Remarks = @("Binds each piped $($subject.Parent)'s Id and reads its $P.") })
            }
            if (-not $list -and -not $retrieve) {
                $examples.Add([pscustomobject]@{ Title = "Get the $P"; Code = $name; Remarks = @("Writes the $P of $from.") })
            }
        }
        'Search' {
            $help.Synopsis = "Searches $C $P live in the linked account's third-party system."
            $help.Description += "$name asks Merge to search the third-party system directly ($paths), rather than Merge's synced copy, and writes each matching $T to the pipeline."
            $examples.Add([pscustomobject]@{ Title = "Search $P"; Code = "$name -IncludeRemoteFields | Select-Object -First 20"; Remarks = @("Searches the third-party system and shows the first twenty $P found.") })
        }
        'Save' {
            $help.Synopsis = "Downloads the content of $C $P to disk."
            $help.Description += "$name downloads the contents of $(Get-Article $T) $T ($paths) and writes it to -Path, in chunks, so large files never sit in memory. When -Path is a folder the file keeps its own name, taken from the Name of the piped record. A progress bar shows the bytes received. The saved file is written to the pipeline."
            $get = $script:ByName["Get-$($Command.Noun)"]
            $examples.Add([pscustomobject]@{ Title = "Download $a $T"; Code = "$name -Id $script:ExampleId -Path ./downloads"; Remarks = @("Saves the $T into ./downloads under its own name.") })
            if ($get) {
                $examples.Add([pscustomobject]@{ Title = "Download several $P"; Code = "$($get.Name) -First 5 | $name -Path ./downloads"; Remarks = @("Each piped record binds its Id and Name; each download is one file.") })
            }
        }
        default {
            $entry = $single
            $op = $entry.Operation
            if ($Command.Verb -eq 'New') {
                $help.Synopsis = "Creates $aC $C $T in the linked account's third-party system."
                $help.Description += "$name sends a new $T to Merge ($paths), which writes it to the third-party system the linked account connects, and writes the created record to the pipeline."
            }
            elseif ($Command.Verb -eq 'Update') {
                $help.Synopsis = "Updates $aC $C $T in the linked account's third-party system."
                $help.Description += "$name sends the changed fields of $a $T to Merge ($paths), which writes them to the third-party system, and writes the updated record to the pipeline. Only the parameters you give are sent; other fields keep their values. -Id binds from the pipeline by property name, so records from Get-Merge cmdlets can be piped in."
            }
            else {
                $action = Get-Words (@($path.Split('/') | Where-Object { $_ -and $_ -notmatch '^\{' })[-1])
                $help.Synopsis = "Runs Merge's $action operation on $aC $C $T."
                $help.Description += "$name calls Merge's $action operation ($paths) on $(if ($Command.Parameters.ContainsKey('Id')) { "the $T given by -Id" } else { "$P" }), which passes it on to the third-party system. Merge's answer is written to the pipeline."
            }
            $help.Description += "Each typed parameter sets the field of the same name. -Model adds any other fields, including integration-specific ones, as a hashtable; typed parameters win where both name a field. Merge's warnings become warnings, each validation error becomes a MergePS.WriteProblem error, and -IsDebugMode adds Merge's debug log links to the verbose stream."
            $help.Description += "The cmdlet supports -WhatIf and -Confirm: nothing is sent when -WhatIf is given."
            if ($Command.Parameters.ContainsKey('Id')) {
                $help.Parameters['Id'] = "The Merge id of the $T to $(if ($Command.Verb -eq 'Update') { 'update' } else { 'act on' }). Binds from the Id property of piped records."
            }
            $settable = @($Command.Parameters.Values | Where-Object { $index.ContainsKey($_.Name) -and $index[$_.Name].Kind -eq 'field' -and $_.Name -notin 'Id', 'RemoteUserId' })
            $picked = @($settable | Where-Object { $_.Name -match '^(Name|FirstName|LastName|Title|Subject|Status|Description)$' } | Select-Object -First 2)
            if (-not $picked) { $picked = @($settable | Where-Object { $_.ParameterType -eq [string] } | Select-Object -First 2) }
            if (-not $picked) { $picked = @($settable | Select-Object -First 1) }
            $assign = ($picked | ForEach-Object {
                    $wire = $index[$_.Name].Wire
                    $value = if ($wire.PSObject.Properties['values'] -and $wire.values) { @($wire.values)[0] } else { Get-SampleValue $_ }
                    "-$($_.Name) $value"
                }) -join ' '
            $idPart = if ($Command.Parameters.ContainsKey('Id')) { " -Id $script:ExampleId" } else { '' }
            $examples.Add([pscustomobject]@{ Title = "$($Command.Verb) $a $T"; Code = "$name$idPart $assign -WhatIf".Replace('  ', ' '); Remarks = @("Shows what would be sent, without sending it. Run it again without -WhatIf to make the change.") })
            $requestModel = if ($op.requestModel -and $entry.Models.ContainsKey($op.requestModel)) { $entry.Models[$op.requestModel] } else { $null }
            if ($requestModel -and $Command.Parameters.ContainsKey('Model')) {
                $fields = @($requestModel.fields | Where-Object { -not ($_.PSObject.Properties['readOnly'] -and $_.readOnly) -and $_.type -in 'string', 'email', 'enum' } | Select-Object -First 2)
                if ($fields) {
                    $pairs = ($fields | ForEach-Object { "$($_.name) = $(if ($_.PSObject.Properties['values'] -and $_.values) { "'$(@($_.values)[0])'" } else { "'Example'" })" }) -join '; '
                    $examples.Add([pscustomobject]@{ Title = 'Send fields as a hashtable'; Code = "`$fields = @{ $pairs }`n$name$idPart -Model `$fields -Confirm:`$false"; Remarks = @("Sends the fields under Merge's own names, without prompting. Integration-specific fields go the same way.") })
                }
            }
            if ($Command.Verb -eq 'Update') {
                $get = Find-GetCommand $output
                if ($get -and $picked) {
                    $examples.Add([pscustomobject]@{ Title = "Update records found by $($get.Name)"; Code = "$($get.Name) -Id $script:ExampleId | $name $assign"; Remarks = @("The piped record's Id selects the $T to update.") })
                }
            }
        }
    }

    # Parameters: from the catalogue (filters, path placeholders, fields).
    foreach ($parameter in $Command.Parameters.Values) {
        if ($help.Parameters.Contains($parameter.Name) -or -not $index.ContainsKey($parameter.Name)) { continue }
        $hit = $index[$parameter.Name]
        $help.Parameters[$parameter.Name] = switch ($hit.Kind) {
            'path' {
                $owner = Get-Words ($hit.Wire.name -replace '_id$', '')
                if ($hit.Wire.name -eq 'id') { "The Merge id of the $T." }
                else { "The Merge id of the $owner whose $P are read. Binds from the pipeline by property name$(if ('Id' -in $parameter.Aliases) { ', including the Id of a piped ' + $owner })." }
            }
            'query' { Get-FilterText $hit.Wire $subject }
            'field' { Get-FieldText $hit.Wire $subject $main.Models }
        }
    }
    if ($Command.Parameters.ContainsKey('Id') -and -not $help.Parameters.Contains('Id')) {
        $help.Parameters['Id'] = switch ($Command.Verb) {
            'Get' { "The Merge id of the $T to retrieve. Takes several ids, and ids piped as strings or as the Id property of piped objects." }
            'Save' { "The Merge id of the $T to download. Binds from the Id property of piped records." }
            default { "The Merge id of the $T." }
        }
    }
    if ($Command.Verb -eq 'Save') { $help.Parameters['Force'] = 'Overwrites the file at -Path if it already exists. Without it an existing file is left alone and an error is reported.' }
    if ($Command.Verb -eq 'Save' -and -not $help.Parameters.Contains('Path')) {
        $help.Parameters['Path'] = "Where to save: a file path, or an existing folder to save into under the $T's own name."
    }

    $help.Examples = @($examples)
    if ($output -and $output -ne [object]) {
        $masked = $script:Masked[$output.FullName]
        $text = "One $($output.FullName) per $T."
        if ($output.Namespace -like 'MergePS.*') {
            $text += ' The default table shows the fields most people look for first; Format-List shows the rest.'
            if ($masked) { $text += " In both views $($masked -join ', ') $(if (@($masked).Count -gt 1) { 'are' } else { 'is' }) masked; the object keeps the real $(if (@($masked).Count -gt 1) { 'values' } else { 'value' })." }
        }
        $help.Outputs = @([pscustomobject]@{ Type = $output.FullName; Text = @($text) })
    }
    $help.Links = @(
        if ($Command.Verb -eq 'Get' -and $list) { [pscustomobject]@{ Text = 'about_MergePS_Paging'; Uri = '' } }
        [pscustomobject]@{ Text = 'about_MergePS_Errors'; Uri = '' }
        [pscustomobject]@{ Text = 'about_MergePS'; Uri = '' }
    )
    [pscustomobject]$help
}

#endregion

#region MAML

function Get-TypeLabel([type] $Type) {
    $underlying = [Nullable]::GetUnderlyingType($Type)
    if ($underlying) { $Type = $underlying }
    if ($Type.IsArray) { return (Get-TypeLabel $Type.GetElementType()) + '[]' }
    $Type.Name
}

# The helpers called once per parameter are scriptblocks: calling a function costs far more.
$script:TypeLabels = @{}
$script:WriteParagraphs = {
    param($Xml, $Paragraphs)
    $Xml.WriteStartElement('maml', 'description', $script:Maml)
    $written = 0
    foreach ($paragraph in $Paragraphs) {
        if ($paragraph) { $Xml.WriteElementString('maml', 'para', $script:Maml, $paragraph); $written++ }
    }
    if (-not $written) { $Xml.WriteElementString('maml', 'para', $script:Maml, '') }
    $Xml.WriteEndElement()
}

$script:PipelineText = {
    param($ParameterSets)
    $byValue = $false; $byName = $false
    foreach ($set in $ParameterSets) {
        if ($set.ValueFromPipeline) { $byValue = $true }
        if ($set.ValueFromPipelineByPropertyName) { $byName = $true }
    }
    if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' }
    elseif ($byValue) { 'True (ByValue)' }
    elseif ($byName) { 'True (ByPropertyName)' }
    else { 'False' }
}

$script:WriteParameter = {
    param($Xml, $Name, $Type, $Mandatory, $Position, $Pipeline, $Aliases, $Description)
    $Xml.WriteStartElement('command', 'parameter', $script:Command)
    $Xml.WriteAttributeString('required', $Mandatory.ToString().ToLowerInvariant())
    $Xml.WriteAttributeString('variableLength', $Type.IsArray.ToString().ToLowerInvariant())
    $Xml.WriteAttributeString('globbing', 'false')
    $Xml.WriteAttributeString('pipelineInput', $Pipeline)
    $Xml.WriteAttributeString('position', $Position)
    $Xml.WriteAttributeString('aliases', $(if ($Aliases -and $Aliases.Count) { @($Aliases) -join ', ' } else { 'none' }))
    $Xml.WriteElementString('maml', 'name', $script:Maml, $Name)
    & $script:WriteParagraphs $Xml $Description
    $label = $script:TypeLabels[$Type]
    if (-not $label) { $label = Get-TypeLabel $Type; $script:TypeLabels[$Type] = $label }
    if ($Type -ne [System.Management.Automation.SwitchParameter]) {
        $Xml.WriteStartElement('command', 'parameterValue', $script:Command)
        $Xml.WriteAttributeString('required', 'true')
        $Xml.WriteAttributeString('variableLength', $Type.IsArray.ToString().ToLowerInvariant())
        $Xml.WriteString($label)
        $Xml.WriteEndElement()
    }
    $Xml.WriteStartElement('dev', 'type', $script:Dev)
    $Xml.WriteElementString('maml', 'name', $script:Maml, $label)
    $Xml.WriteElementString('maml', 'uri', $script:Maml, '')
    $Xml.WriteEndElement()
    $Xml.WriteElementString('dev', 'defaultValue', $script:Dev, 'None')
    $Xml.WriteEndElement()
}

function Write-CommandHelp([System.Xml.XmlWriter] $Xml, $Command, $Help) {
    $Xml.WriteStartElement('command', 'command', $script:Command)
    $Xml.WriteAttributeString('xmlns', 'maml', [NullString]::Value, $script:Maml)
    $Xml.WriteAttributeString('xmlns', 'dev', [NullString]::Value, $script:Dev)

    $Xml.WriteStartElement('command', 'details', $script:Command)
    $Xml.WriteElementString('command', 'name', $script:Command, $Command.Name)
    $Xml.WriteElementString('command', 'verb', $script:Command, $Command.Verb)
    $Xml.WriteElementString('command', 'noun', $script:Command, $Command.Noun)
    & $script:WriteParagraphs $Xml @($Help.Synopsis)
    $Xml.WriteEndElement()
    & $script:WriteParagraphs $Xml $Help.Description

    $Xml.WriteStartElement('command', 'syntax', $script:Command)
    foreach ($set in $Command.ParameterSets) {
        $Xml.WriteStartElement('command', 'syntaxItem', $script:Command)
        $Xml.WriteElementString('maml', 'name', $script:Maml, $Command.Name)
        # Positional parameters first, by position; then mandatory ones; then the rest, as declared.
        $ordered = [System.Linq.Enumerable]::ToArray($set.Parameters.Where({ -not $script:Skip.Contains($_.Name) }))
        $keys = foreach ($p in $ordered) { [long]$(if ($p.Position -ge 0) { $p.Position } else { 1000 }) * 10 + [int](-not $p.IsMandatory) }
        if ($ordered.Count -gt 1) { [array]::Sort([long[]]$keys, $ordered) }
        foreach ($p in $ordered) {
            $position = if ($p.Position -ge 0) { [string]$p.Position } else { 'named' }
            & $script:WriteParameter $Xml $p.Name $p.ParameterType $p.IsMandatory $position (& $script:PipelineText @($p)) $p.Aliases $Help.Parameters[$p.Name]
        }
        $Xml.WriteEndElement()
    }
    $Xml.WriteEndElement()

    $Xml.WriteStartElement('command', 'parameters', $script:Command)
    foreach ($name in [System.Linq.Enumerable]::OrderBy([string[]]@($Command.Parameters.Keys), [Func[string, string]] { $args[0] })) {
        if ($script:Skip.Contains($name)) { continue }
        $p = $Command.Parameters[$name]
        $sets = $p.ParameterSets.Values
        $position = 'named'; $mandatory = $false
        foreach ($set in $sets) {
            if ($set.Position -ge 0 -and $position -eq 'named') { $position = [string]$set.Position }
            if ($set.IsMandatory) { $mandatory = $true }
        }
        & $script:WriteParameter $Xml $p.Name $p.ParameterType $mandatory $position (& $script:PipelineText $sets) $p.Aliases $Help.Parameters[$name]
    }
    $Xml.WriteEndElement()

    $Xml.WriteStartElement('command', 'inputTypes', $script:Command)
    foreach ($input in $Help.Inputs) {
        $Xml.WriteStartElement('command', 'inputType', $script:Command)
        $Xml.WriteStartElement('dev', 'type', $script:Dev); $Xml.WriteElementString('maml', 'name', $script:Maml, $input.Type); $Xml.WriteEndElement()
        & $script:WriteParagraphs $Xml $input.Text
        $Xml.WriteEndElement()
    }
    $Xml.WriteEndElement()

    $Xml.WriteStartElement('command', 'returnValues', $script:Command)
    foreach ($output in $Help.Outputs) {
        $Xml.WriteStartElement('command', 'returnValue', $script:Command)
        $Xml.WriteStartElement('dev', 'type', $script:Dev); $Xml.WriteElementString('maml', 'name', $script:Maml, $output.Type); $Xml.WriteEndElement()
        & $script:WriteParagraphs $Xml $output.Text
        $Xml.WriteEndElement()
    }
    $Xml.WriteEndElement()

    if ($Help.Notes) {
        $Xml.WriteStartElement('maml', 'alertSet', $script:Maml)
        $Xml.WriteStartElement('maml', 'alert', $script:Maml)
        foreach ($paragraph in $Help.Notes) { $Xml.WriteElementString('maml', 'para', $script:Maml, $paragraph) }
        $Xml.WriteEndElement(); $Xml.WriteEndElement()
    }

    $Xml.WriteStartElement('command', 'examples', $script:Command)
    $number = 0
    foreach ($example in $Help.Examples) {
        $number++
        $Xml.WriteStartElement('command', 'example', $script:Command)
        $Xml.WriteElementString('maml', 'title', $script:Maml, "-------------------------- Example $($number): $($example.Title) --------------------------")
        $Xml.WriteElementString('dev', 'code', $script:Dev, $example.Code)
        $Xml.WriteStartElement('dev', 'remarks', $script:Dev)
        foreach ($paragraph in @($example.Remarks)) { $Xml.WriteElementString('maml', 'para', $script:Maml, $paragraph) }
        $Xml.WriteEndElement()
        $Xml.WriteEndElement()
    }
    $Xml.WriteEndElement()

    $Xml.WriteStartElement('command', 'relatedLinks', $script:Command)
    foreach ($link in @([pscustomobject]@{ Text = 'Online Version:'; Uri = ($script:OnlineUri -f $Command.Name) }) + @($Help.Links)) {
        $Xml.WriteStartElement('maml', 'navigationLink', $script:Maml)
        $Xml.WriteElementString('maml', 'linkText', $script:Maml, $link.Text)
        $Xml.WriteElementString('maml', 'uri', $script:Maml, $link.Uri)
        $Xml.WriteEndElement()
    }
    $Xml.WriteEndElement()

    $Xml.WriteEndElement()
}

#endregion

#region Main

$script:Skip = [System.Collections.Generic.HashSet[string]]::new([string[]]([System.Management.Automation.Cmdlet]::CommonParameters + 'UseTransaction'))
$script:Maml = 'http://schemas.microsoft.com/maml/2004/10'
$script:Command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$script:Dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

$module = Import-Module (Join-Path $ModuleDir 'MergePS.psd1') -PassThru -Force
$script:Commands = @($module.ExportedCmdlets.Values | Sort-Object Name)
$script:Catalog = Read-Catalog (Join-Path $Root 'catalog')
# OutputType is resolved anew on every access; read it once.
$script:OutputOf = @{}
$script:ByName = @{}; $script:ListerOf = @{}; $script:GetterOf = @{}
foreach ($c in $script:Commands) { $script:OutputOf[$c.Name] = @($c.OutputType.Type)[0]; $script:ByName[$c.Name] = $c }
# The shortest name wins: Get-MergeEmployee lists employees, Get-MergeEmployeeX reads something under one.
foreach ($c in ($script:Commands | Where-Object Verb -EQ 'Get' | Sort-Object { $_.Name.Length }, Name)) {
    $type = $script:OutputOf[$c.Name]
    if (-not $type) { continue }
    if (-not $script:GetterOf.ContainsKey($type.FullName)) { $script:GetterOf[$type.FullName] = $c }
    if ($c.Parameters.ContainsKey('First') -and -not $script:ListerOf.ContainsKey($type.FullName)) { $script:ListerOf[$type.FullName] = $c }
}
$helpDir = Join-Path $Root 'docs/help'
$common = Read-HelpSource (Join-Path $helpDir '_Common.md')
$sources = @{}
foreach ($file in Get-ChildItem $helpDir -Filter '*-*.md') { $sources[$file.BaseName] = Read-HelpSource $file.FullName }

# Which properties each model's views mask (from the generated format file).
$script:Masked = @{}
[xml] $formats = Get-Content -Raw (Join-Path $ModuleDir 'MergePS.Format.ps1xml')
foreach ($view in $formats.Configuration.ViewDefinitions.View) {
    if (-not $view.PSObject.Properties['ListControl']) { continue }
    $names = @($view.ListControl.ListEntries.ListEntry.ListItems.ListItem | Where-Object { $_.PSObject.Properties['ScriptBlock'] -and $_.ScriptBlock -like '*MergePS.Formatting.Mask*' } | ForEach-Object Label)
    if ($names) { $script:Masked[$view.ViewSelectedBy.TypeName] = $names }
}

# Summaries the compiler kept from /// comments: the last resort for a base class's parameters.
$xmlDocs = @{}
if ($XmlDoc -and (Test-Path $XmlDoc)) {
    [xml] $doc = Get-Content -Raw $XmlDoc
    foreach ($member in $doc.doc.members.member) {
        $summary = $member.SelectSingleNode('summary')
        if ($member.name -like 'P:MergePS.Commands.*' -and $summary) {
            $xmlDocs[$member.name] = (($summary.InnerText -replace '\s+', ' ').Trim())
        }
    }
}

$generatedNames = @()
$generatedType = $module.ImplementingAssembly.GetType('MergePS.GeneratedCmdlets')
if ($generatedType) { $generatedNames = @($generatedType.GetField('Names', [Reflection.BindingFlags]'NonPublic, Static').GetValue($null)) }

$culture = Join-Path $ModuleDir 'en-US'
New-Item -ItemType Directory -Force -Path $culture | Out-Null
$settings = [System.Xml.XmlWriterSettings]::new()
$settings.Indent = $true
$settings.Encoding = [System.Text.UTF8Encoding]::new($false)
$mamlPath = Join-Path $culture 'MergePS.dll-Help.xml'
$xml = [System.Xml.XmlWriter]::Create($mamlPath, $settings)
$missing = [System.Collections.Generic.List[string]]::new()
try {
    $xml.WriteStartDocument()
    $xml.WriteStartElement('helpItems', 'http://msh')
    $xml.WriteAttributeString('schema', 'maml')
    foreach ($command in $script:Commands) {
        $generated = $null
        if ($command.Name -in $generatedNames) {
            $instance = [Activator]::CreateInstance($command.ImplementingType)
            $generated = New-GeneratedHelp $command $instance
        }
        $own = $sources[$command.Name]
        # The hand-written source wins; generated help fills what it leaves out.
        $help = [pscustomobject]@{
            Synopsis    = if ($own -and $own.Synopsis) { $own.Synopsis } elseif ($generated) { $generated.Synopsis } else { $null }
            Description = if ($own -and $own.Description) { $own.Description } elseif ($generated) { $generated.Description } else { @() }
            Parameters  = @{}
            Examples    = @(@($(if ($generated) { $generated.Examples })) + @($(if ($own) { $own.Examples })) | Where-Object { $_ })
            Inputs      = @()
            Outputs     = if ($own -and $own.Outputs) { $own.Outputs } elseif ($generated) { $generated.Outputs } else { @() }
            Notes       = if ($own) { $own.Notes } else { @() }
            Links       = @(@($(if ($own) { $own.Links })) + @($(if ($generated) { $generated.Links })) | Where-Object { $_ } | Group-Object Text | ForEach-Object { $_.Group[0] })
        }
        # Every declared output type is named, with the help source's words where it has them.
        $declared = @($command.OutputType.Type | Where-Object { $_ -and $_ -ne [void] })
        foreach ($type in $declared) {
            if (@($help.Outputs | Where-Object { $_.Type -eq $type.FullName -or $_.Type -eq $type.Name }).Count -eq 0) {
                $help.Outputs = @($help.Outputs) + [pscustomobject]@{ Type = $type.FullName; Text = @("$($command.Name) writes $($type.Name) objects.") }
            }
        }
        $help.Outputs = @($help.Outputs | ForEach-Object {
                $named = $_
                $match = $declared | Where-Object { $_.Name -eq $named.Type } | Select-Object -First 1
                if ($match) { [pscustomobject]@{ Type = $match.FullName; Text = $named.Text } } else { $named }
            })
        if (-not $help.Outputs) { $help.Outputs = @([pscustomobject]@{ Type = 'None'; Text = @("$($command.Name) writes nothing to the pipeline.") }) }
        if ($own -and $own.Inputs) { $help.Inputs = $own.Inputs }
        else {
            # Pipeline input, from the cmdlet's own parameters.
            $help.Inputs = @($command.Parameters.Values | Where-Object { $_.ParameterSets.Values | Where-Object { $_.ValueFromPipeline -or $_.ValueFromPipelineByPropertyName } } | Sort-Object Name | ForEach-Object {
                    $sets = @($_.ParameterSets.Values)
                    $how = if (@($sets | Where-Object ValueFromPipeline).Count) { 'piped directly' } else { "taken from the $($_.Name) property of piped objects" }
                    [pscustomobject]@{ Type = (Get-TypeLabel $_.ParameterType); Text = @("-$($_.Name), $how.") }
                })
            if (-not $help.Inputs) { $help.Inputs = @([pscustomobject]@{ Type = 'None'; Text = @("$($command.Name) takes no pipeline input.") }) }
        }
        foreach ($parameter in $command.Parameters.Values) {
            $name = $parameter.Name
            $text = if ($own -and $own.Parameters.Contains($name)) { $own.Parameters[$name] }
            elseif ($generated -and $generated.Parameters.Contains($name)) { @($generated.Parameters[$name]) }
            elseif ($common.Parameters.Contains($name)) { $common.Parameters[$name] }
            else {
                $declaring = try { $command.ImplementingType.GetProperty($name).DeclaringType } catch { $null }
                if ($declaring -and $declaring.IsGenericType) { $declaring = $declaring.GetGenericTypeDefinition() }
                $key = if ($declaring) { "P:$($declaring.FullName).$name" } else { '' }
                if ($xmlDocs.ContainsKey($key)) { @($xmlDocs[$key]) } else { $null }
            }
            $help.Parameters[$name] = $text
            if (-not $text -and $name -notin [System.Management.Automation.Cmdlet]::CommonParameters) { $missing.Add("$($command.Name) -$name") }
        }
        if (-not $help.Synopsis) { $missing.Add("$($command.Name): synopsis") }
        if (-not $help.Examples) { $missing.Add("$($command.Name): examples") }
        Write-CommandHelp $xml $command $help
    }
    $xml.WriteEndElement()
    $xml.WriteEndDocument()
}
finally {
    $xml.Dispose()
}

foreach ($topic in Get-ChildItem (Join-Path $Root 'docs/about') -Filter 'about_*.help.txt') {
    Copy-Item $topic.FullName $culture
}

Write-Host "Help: $($script:Commands.Count) cmdlets -> $mamlPath"
if ($missing.Count) {
    # The build goes on; tests/Pester/Help.Tests.ps1 fails for each gap.
    Write-Warning "Help is missing for: $($missing -join '; '). Add it to docs/help/<Verb-Noun>.md."
}

#endregion
