BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'knowledgebase-token-1'
    Set-MergeAccount -Name knowledgebase -AccountToken 'knowledgebase-token-1' -NoSelect
    $articles = @(Get-DirectAll knowledgebase '/knowledgebase/v1/articles')
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category knowledgebase

Describe 'Knowledge base filters' {
    It 'filters articles by -Status and -Type' {
        $status = ($articles | Group-Object status | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeArticle -Status $status)
        $found.Count | Should -BeLessThan $articles.Count
        ($found.Id | Sort-Object) | Should -Be (@($articles | Where-Object status -eq $status).id | Sort-Object)
        $type = ($articles | Group-Object type | Sort-Object Count -Descending | Select-Object -First 1).Name
        (@(Get-MergeArticle -Type $type).Id | Sort-Object) | Should -Be (@($articles | Where-Object type -eq $type).id | Sort-Object)
    }

    It 'lists the articles of a container with -ParentContainerId' {
        $container = ($articles | Where-Object parent_container | Group-Object parent_container | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeArticle -ParentContainerId (Get-MergeContainer -Id $container).Id)
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be (@($articles | Where-Object parent_container -eq $container).id | Sort-Object)
    }

    It 'expands an article''s author and parent container into typed records' {
        $article = Get-MergeArticle -Id ($articles | Where-Object { $_.author -and $_.parent_container } | Select-Object -First 1).id -Expand author, parent_container
        $article.Author.PSObject.TypeNames[0] | Should -Be 'MergePS.KnowledgeBase.User'
        $article.ParentContainer.PSObject.TypeNames[0] | Should -Be 'MergePS.KnowledgeBase.Container'
    }
}
