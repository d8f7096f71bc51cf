<#
    The world the help examples assume, set up before each one (see Support/HelpExamples.psm1).

    Outside the module, examples call SecretManagement (Get-Secret), Azure Automation (Get-AutomationVariable),
    a person at the console (Read-Host, Get-Credential) and the desktop (Start-Process opens a video). Those
    are stood in for below: every secret is the emulator's key, and nothing opens.

    The variables an example uses without setting them hold the ids of SampleTasks.json, which the emulator
    serves: $id and $ids finished tasks, $variantIds one finished task among two unfinished ones.
#>

$id = 'f3a5c0de-7b1e-4e2a-9c55-0d6b8a1f2e47'
$ids = '5e0d3c2a-91b4-4f6e-8a7d-2c1f0b9e4a11', '8b7a6f15-0c3d-4e2b-b6a9-7d4e1f2c3b5a'
$variantIds = 'a01c5e8f-3d2b-4c6a-9e7f-1b0d2c4e6a80', 'a02d6f90-4e3c-4d7b-8f80-2c1e3d5f7b91', 'a03e7a01-5f4d-4e8c-9091-3d2f4e6a8ca2'
$teamAIds = $ids
$teamBIds = @($id)
$key = $env:COMETAPI_KEY

function Get-Secret {
    param([Parameter(Mandatory, Position = 0)] [string] $Name, [switch] $AsPlainText)
    if ($AsPlainText) { $env:COMETAPI_KEY } else { ConvertTo-SecureString -String $env:COMETAPI_KEY -AsPlainText -Force }
}

function Get-AutomationVariable {
    param([Parameter(Mandatory)] [string] $Name)
    switch ($Name) {
        'CometApiKey' { $env:COMETAPI_KEY }
        'RunwayTaskIds' { $ids -join ',' }
        'PendingRunwayTasks' { ($ids + $id) -join ',' }
        default { throw "The Automation variable '$Name' does not exist." }
    }
}

function Read-Host {
    param([Parameter(Position = 0)] [object] $Prompt, [switch] $AsSecureString)
    if ($AsSecureString) { ConvertTo-SecureString -String $env:COMETAPI_KEY -AsPlainText -Force } else { $env:COMETAPI_KEY }
}

function Get-Credential {
    param([string] $UserName = 'cometapi', [string] $Message)
    [pscredential]::new($UserName, (ConvertTo-SecureString -String $env:COMETAPI_KEY -AsPlainText -Force))
}

function Start-Process {
    param([Parameter(Mandatory, Position = 0)] [string] $FilePath)
}
