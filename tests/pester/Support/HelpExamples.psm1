<#
    Help examples are tests. Every example of every page in docs/en-US (a cmdlet page's '## EXAMPLES', an
    about_ topic's '###' sections with code) runs in its own fresh `pwsh`, against the emulator, with the
    staged module on PSModulePath, in a scratch folder holding the sample files of HelpExamples/Files, after
    HelpExamples/Fixture.ps1 (stand-ins for SecretManagement, Azure Automation and a console user, and the
    sample ids of HelpExamples/SampleTasks.json), and no way to the internet.

    Its documented result is its ```output block: every line of the block is a line of what the example
    prints (on a console 120 columns wide), where runs of spaces compare as one and '...' stands for any
    text; lines may come in another order (tasks finish in any order) and the example may print more. An example without an
    output block prints nothing. Either way it writes nothing to stderr (no red text) and exits with 0.
#>

Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot 'ChildPwsh.psm1'), (Join-Path $PSScriptRoot 'TestEnvironment.psm1')

$examplesHome = Join-Path $PSScriptRoot '../HelpExamples'

function Import-HelpGen {
    # The pages are read by the same parser that writes the MAML, so the tests run exactly what Get-Help shows.
    if ('CometRunway.HelpGen.CommandPageParser' -as [type]) { return }
    $assembly = Join-Path (Get-RepositoryRoot) "tools/CometRunway.HelpGen/bin/$(Get-BuildConfiguration)/net10.0/CometRunway.HelpGen.dll"
    if (-not (Test-Path -LiteralPath $assembly)) { throw "$assembly is missing: run ./build.ps1 first (it builds and runs HelpGen)." }
    Add-Type -Path $assembly
}

function Get-HelpExample {
    <# .SYNOPSIS Every example of every page in docs/en-US, as objects with Page, Title, Code and Output (or $null). #>
    Import-HelpGen
    foreach ($file in Get-ChildItem -LiteralPath (Join-Path (Get-RepositoryRoot) 'docs/en-US') -Filter '*.md' | Sort-Object Name) {
        $markdown = Get-Content -LiteralPath $file.FullName -Raw
        $examples = if ($file.BaseName -like 'about_*') {
            [CometRunway.HelpGen.CommandPageParser]::ReadTopicExamples($markdown)
        }
        else {
            [CometRunway.HelpGen.CommandPageParser]::Parse($markdown, $file.Name).Examples
        }

        foreach ($example in $examples) {
            [pscustomobject]@{ Page = $file.BaseName; Title = $example.Title; Code = $example.Code; Output = $example.Output }
        }
    }
}

function Add-SampleTask {
    <# .SYNOPSIS Puts the tasks the examples name (SampleTasks.json) into the emulator. #>
    param([Parameter(Mandatory)] [object] $Emulator)

    Get-Content -LiteralPath (Join-Path $examplesHome 'SampleTasks.json') -Raw | ConvertFrom-Json -AsHashtable |
        Add-EmulatedTask -Emulator $Emulator
}

function Invoke-HelpExample {
    <#
    .SYNOPSIS
        Runs examples, -ThrottleLimit at a time, each in a fresh pwsh; returns a hashtable from
        "<Page>: <Title>" to ExitCode, Output, Errors and TimedOut.
    #>
    param(
        [Parameter(Mandatory)] [object[]] $Example,
        [Parameter(Mandatory)] [object] $Emulator,
        [Parameter(Mandatory)] [string] $ScratchRoot,
        [int] $ThrottleLimit = 4
    )

    $environment = @{
        COMETAPI_BASE_URL = $Emulator.BaseUri
        COMETAPI_KEY      = $Emulator.ApiKey
        PSModulePath      = (Get-StagedModuleRoot) + [System.IO.Path]::PathSeparator + $env:PSModulePath
        # No internet: a request to any host but this machine goes to a proxy that refuses it at once.
        HTTP_PROXY        = 'http://127.0.0.1:9'
        HTTPS_PROXY       = 'http://127.0.0.1:9'
        NO_PROXY          = '127.0.0.1,localhost,::1'
    }
    $runner = Join-Path $examplesHome 'RunExample.ps1'
    $fixture = Join-Path $examplesHome 'Fixture.ps1'
    $results = @{}
    $running = [System.Collections.Generic.List[object]]::new()
    $queue = [System.Collections.Generic.Queue[object]]::new([object[]] $Example)
    while ($queue.Count -gt 0 -or $running.Count -gt 0) {
        while ($queue.Count -gt 0 -and $running.Count -lt $ThrottleLimit) {
            $next = $queue.Dequeue()
            $directory = New-ExampleDirectory -ScratchRoot $ScratchRoot
            $code = Join-Path $directory.Parent.FullName 'example.ps1'
            Set-Content -LiteralPath $code -Value $next.Code
            $child = Start-Pwsh -File $runner -ArgumentList $fixture, $code -WorkingDirectory $directory.FullName `
                -Environment ($environment + @{ TMPDIR = (Join-Path $directory.Parent.FullName 'tmp'); HOME = (Join-Path $directory.Parent.FullName 'home') })
            $running.Add([pscustomobject]@{ Example = $next; Child = $child })
        }

        $done = @($running | Where-Object { $_.Child.Process.HasExited -or [DateTime]::UtcNow -gt $_.Child.Deadline })
        foreach ($entry in $done) {
            $null = $running.Remove($entry)
            $results["$($entry.Example.Page): $($entry.Example.Title)"] = Wait-Pwsh -Child $entry.Child
        }

        if (-not $done) { Start-Sleep -Milliseconds 100 }
    }

    $results
}

function New-ExampleDirectory([string] $ScratchRoot) {
    # <scratch>/<n>/work is the example's current folder, with the sample files; tmp and home are its TMPDIR and HOME.
    $root = New-Item -ItemType Directory -Path (Join-Path $ScratchRoot ([guid]::NewGuid().ToString('N')))
    $null = New-Item -ItemType Directory -Path (Join-Path $root.FullName 'tmp'), (Join-Path $root.FullName 'home')
    $work = New-Item -ItemType Directory -Path (Join-Path $root.FullName 'work')
    Copy-Item -Path (Join-Path $examplesHome 'Files/*') -Destination $work.FullName -Recurse
    $work
}

function Compare-DocumentedOutput {
    <#
    .SYNOPSIS
        Returns nothing when -Actual shows -Documented (see the top of this file), else one line saying
        which documented line is missing.
    #>
    param(
        [AllowNull()] [AllowEmptyString()] [string] $Documented,
        [AllowEmptyString()] [string] $Actual
    )

    $actualLines = @($Actual -split '\r?\n' | ForEach-Object { Format-OutputLine $_ } | Where-Object { $_ })
    if ([string]::IsNullOrWhiteSpace($Documented)) {
        if ($actualLines) { return "The example has no output block, but printed:`n$($actualLines -join "`n")" }
        return
    }

    $unused = [System.Collections.Generic.List[string]]::new([string[]] $actualLines)
    foreach ($line in $Documented -split '\r?\n' | ForEach-Object { Format-OutputLine $_ } | Where-Object { $_ }) {
        $pattern = '^' + ([regex]::Escape($line) -replace '\\\.\\\.\\\.', '.*') + '$'
        $match = $unused.FindIndex({ param($actual) $actual -match $pattern })
        if ($match -lt 0) { return "The documented line '$line' is not in what the example printed:`n$($actualLines -join "`n")" }
        $unused.RemoveAt($match)
    }
}

function Format-OutputLine([string] $Line) { ($Line -replace '\s+', ' ').Trim() }

Export-ModuleMember -Function Get-HelpExample, Add-SampleTask, Invoke-HelpExample, Compare-DocumentedOutput
