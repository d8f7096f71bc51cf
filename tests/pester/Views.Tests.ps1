#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.3' }
<#
    The default view of every output type, rendered by the real formatter at widths from 80 to 160 columns
    (Out-String -Width): long ids, names and addresses, no header wrapped and no column cut to a few characters.
#>

BeforeDiscovery {
    $cases = foreach ($width in 80, 90, 100, 110, 120, 160) {
        foreach ($output in 'RunwayTask', 'CometApiSession', 'FileInfo') {
            @{ Output = $output; Width = $width; View = 'default view' }
            @{ Output = $output; Width = $width; View = 'Format-List' }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support/TestEnvironment.psm1'), (Join-Path $PSScriptRoot 'Support/TableText.psm1')
    Import-Module (Get-StagedManifest) -Force
    $script:Emulator = Enter-TestSession

    # Every state, Runway's ids (UUIDs), several outputs, long file names, a long failure code.
    $newId = { [guid]::NewGuid().ToString() }
    $tasks = @(
        @{ id = & $newId; timeline = @(@{ state = 'Succeeded' }); output = @("files/final-cut-of-the-spring-campaign-$(& $newId).mp4") }
        @{ id = & $newId; action = 'TEXT_TO_IMAGE'; timeline = @(@{ state = 'Succeeded' }); output = @("files/$(& $newId)-a.png", "files/$(& $newId)-b.png") }
        @{ id = & $newId; timeline = @(@{ state = 'Failed' }); failure = 'The output was flagged by content moderation.'; failureCode = 'SAFETY.OUTPUT.VIDEO' }
        @{ id = & $newId; action = 'VIDEO_TO_VIDEO'; timeline = @(@{ state = 'Running'; progress = 0.42 }) }
        @{ id = & $newId; timeline = @(@{ state = 'Pending' }) }
    )
    $tasks | Add-EmulatedTask -Emulator $script:Emulator

    $script:Objects = @{
        RunwayTask      = Get-RunwayTask -Id $tasks.id
        CometApiSession = @(
            Connect-CometApi -ApiKey $script:Emulator.ApiKey -BaseUri "$($script:Emulator.BaseUri)/a/long/gateway/prefix/for/this/team" -PassThru
            Connect-CometApi -ApiKey $script:Emulator.ApiKey -PassThru
        )
        FileInfo        = Get-RunwayTask -Id $tasks[0].id, $tasks[1].id | Save-RunwayOutput -Path (Join-Path $TestDrive 'saved') -PassThru
    }
    Disconnect-CometApi
}

AfterAll {
    Exit-TestSession $script:Emulator
    Remove-Module CometRunway -ErrorAction Ignore
}

Describe '<Output>, <View>, <Width> columns' -ForEach $cases {
    BeforeAll {
        $objects = $script:Objects[$Output]
        $script:Text = if ($View -eq 'Format-List') { $objects | Format-List | Out-String -Width $Width } else { $objects | Out-String -Width $Width }
    }

    It 'shows every object' {
        $objects.Count | Should -BeGreaterThan 1
        foreach ($object in $objects) {
            $name = switch ($Output) { 'RunwayTask' { $object.Id } 'CometApiSession' { '****' } 'FileInfo' { $object.Name.Substring(0, 12) } }
            $script:Text | Should -Match ([regex]::Escape($name))
        }
    }

    It 'cuts no column to a few characters' {
        $cut = @(Get-CutCell -Text $script:Text)
        $cut | Should -BeNullOrEmpty -Because "a cell cut to a few characters tells nothing:`n$script:Text"
    }

    It 'wraps no header' {
        $wrapped = @(Get-WrappedHeader -Text $script:Text)
        $wrapped | Should -BeNullOrEmpty -Because "a column too narrow for its label is wrapped letter by letter:`n$script:Text"
    }

    It 'shows no type names instead of values' {
        $script:Text | Should -Not -Match 'CometRunway\.Core\.|System\.(Collections|Uri\b|Object\[\])'
    }
}

Describe 'A FileInfo from Save-RunwayOutput -PassThru' {
    It 'shows what Get-Item shows for the same file (mode, owner, size)' {
        $file = $script:Objects.FileInfo[0]
        $row = ($file | Format-Table | Out-String -Width 120) -split '\r?\n' | Where-Object { $_ -match [regex]::Escape($file.Name) }
        $expected = (Get-Item -LiteralPath $file.FullName | Format-Table | Out-String -Width 120) -split '\r?\n' | Where-Object { $_ -match [regex]::Escape($file.Name) }
        $row | Should -Be $expected
    }
}

Describe 'The task table' {
    It 'has the same columns at <_> columns, the output last' -ForEach 80, 90, 100, 110, 120, 160, 200 {
        $header = ($script:Objects.RunwayTask | Out-String -Width $_) -split '\r?\n' | Where-Object { $_ -match '^Id\s' }

        $header | Should -Match '^Id\s+Status\s+Age\s+Format\s+Output\s*$'
    }

    It 'shows the action in one vocabulary in the list, for tasks as created and as read' {
        $created = [CometRunway.Core.Tasks.RunwayTask]@{ Id = 'a'; Format = 'Official'; Status = 'Pending'; Action = 'image_to_video' }
        $createdFeed = [CometRunway.Core.Tasks.RunwayTask]@{ Id = 'b'; Format = 'Feed'; Status = 'Pending'; Action = 'pro/video2video' }
        $read = [CometRunway.Core.Tasks.RunwayTask]@{ Id = 'c'; Format = 'Feed'; Status = 'Pending'; Action = 'VIDEO_TO_VIDEO' }

        $actions = $created, $createdFeed, $read | Format-List | Out-String -Width 120 | Select-String '(?m)^Action\s+:\s*(\S+)' -AllMatches |
            ForEach-Object { $_.Matches.Groups | Where-Object Name -eq 1 | ForEach-Object Value }

        $actions | Should -Be 'IMAGE_TO_VIDEO', 'VIDEO_TO_VIDEO', 'VIDEO_TO_VIDEO'
    }

    It 'shows a deserialized task (Import-Clixml, Start-Job) as it shows a live one' {
        $live = $script:Objects.RunwayTask | Select-Object -First 2
        $deserialized = [System.Management.Automation.PSSerializer]::Deserialize([System.Management.Automation.PSSerializer]::Serialize($live, 2))

        ($deserialized | Out-String -Width 120) | Should -Be ($live | Out-String -Width 120)
    }
}
