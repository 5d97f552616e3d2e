BeforeAll {
    . (Join-Path $PSScriptRoot 'Common.ps1')
    . (Join-Path $PSScriptRoot 'Catalog.ps1')
    Reset-Emulator
    Connect-TestSession 'chat-token-1'
    Set-MergeAccount -Name chat -AccountToken 'chat-token-1' -NoSelect
    $messages = @(Get-DirectAll chat '/chat/v1/messages')
}

AfterAll { Disconnect-Merge }

. (Join-Path $PSScriptRoot 'CategoryReads.ps1') -Category chat

Describe 'Chat filters and pipelines' {
    It 'lists the messages of one conversation with -ConversationId and of a piped conversation' {
        $conversation = ($messages | Group-Object conversation_id | Sort-Object Count -Descending | Select-Object -First 1).Name
        $found = @(Get-MergeChatMessage -ConversationId $conversation)
        $found.Count | Should -BeGreaterThan 0
        ($found.Id | Sort-Object) | Should -Be (@($messages | Where-Object conversation_id -eq $conversation).id | Sort-Object)
        $piped = @(Get-MergeConversation -Id $conversation | Get-MergeChatMessage)
        ($piped.Id | Sort-Object) | Should -Be ($found.Id | Sort-Object)
    }

    It 'lists the members of piped conversations' {
        $conversations = @(Get-MergeConversation -First 4)
        $members = @($conversations | Get-MergeConversationMember)
        $expected = foreach ($c in $conversations) { Get-DirectAll chat "/chat/v1/conversations/$($c.Id)/members" }
        $members.Count | Should -BeGreaterThan 0
        ($members.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
        $members[0].PSObject.TypeNames[0] | Should -Be 'MergePS.Chat.Member'
    }

    It 'lists the replies of piped messages' {
        $roots = @($messages | Where-Object { -not $_.root_message_id } | Select-Object -First 10)
        $replies = @($roots | ForEach-Object { [pscustomobject]@{ Id = $_.id } } | Get-MergeChatMessageReply)
        $expected = foreach ($m in $roots) { Get-DirectAll chat "/chat/v1/messages/$($m.id)/replies" }
        ($replies.Id | Sort-Object) | Should -Be (@($expected.id) | Sort-Object)
        $replies.Count | Should -BeGreaterThan 0
        $replies.RootMessageId | Sort-Object -Unique | ForEach-Object { $_ | Should -BeIn $roots.id }
    }

    It 'sorts messages with -OrderBy' {
        $order = ((Get-CatalogOp chat 'messages' 'list').query | Where-Object name -eq 'order_by').values | Select-Object -First 1
        $sorted = @(Get-MergeChatMessage -OrderBy $order -First 10)
        $sorted.Id | Should -Be @(Get-DirectPage chat "/chat/v1/messages?order_by=$order" 10).id
    }
}
