@{
    RootModule           = 'bin/CometRunway.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Core')
    GUID                 = '6f0b7c1e-3d2a-4f5e-9a8b-2c1d0e4f6a7b'
    Author               = 'CometRunway contributors'
    CompanyName          = 'CometRunway'
    Copyright            = '(c) CometRunway contributors. MIT License.'
    Description          = 'Create, read, wait for and download Runway video-generation tasks run through CometAPI.'
    PowerShellVersion    = '7.4'
    FormatsToProcess     = @('CometRunway.Format.ps1xml')
    TypesToProcess       = @('CometRunway.Types.ps1xml')
    CmdletsToExport      = @(
        'Connect-CometApi'
        'Disconnect-CometApi'
        'Get-RunwayFeedTask'
        'Get-RunwayTask'
        'New-RunwayCharacterPerformanceTask'
        'New-RunwayFeedActOneTask'
        'New-RunwayFeedVideoTask'
        'New-RunwayFeedVideoToVideoTask'
        'New-RunwayImageToVideoTask'
        'New-RunwayTask'
        'New-RunwayTextToImageTask'
        'New-RunwayVideoToVideoTask'
        'New-RunwayVideoUpscaleTask'
        'Save-RunwayOutput'
        'Wait-RunwayTask'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            # PSCommand_<name>: what Find-PSResource -Command searches; one per cmdlet in CmdletsToExport.
            Tags         = @(
                'Runway', 'CometAPI', 'Video', 'AI', 'GenerativeAI', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS'
                'PSCommand_Connect-CometApi', 'PSCommand_Disconnect-CometApi', 'PSCommand_Get-RunwayFeedTask'
                'PSCommand_Get-RunwayTask', 'PSCommand_Save-RunwayOutput', 'PSCommand_Wait-RunwayTask'
                'PSCommand_New-RunwayCharacterPerformanceTask', 'PSCommand_New-RunwayFeedActOneTask', 'PSCommand_New-RunwayFeedVideoTask'
                'PSCommand_New-RunwayFeedVideoToVideoTask', 'PSCommand_New-RunwayImageToVideoTask', 'PSCommand_New-RunwayTask'
                'PSCommand_New-RunwayTextToImageTask', 'PSCommand_New-RunwayVideoToVideoTask', 'PSCommand_New-RunwayVideoUpscaleTask'
            )
            ProjectUri   = 'https://github.com/cometrunway/CometRunway'
            LicenseUri   = 'https://github.com/cometrunway/CometRunway/blob/main/LICENSE'
            ReleaseNotes = @'
First release.
- New-RunwayImageToVideoTask, New-RunwayTextToImageTask, New-RunwayVideoToVideoTask, New-RunwayVideoUpscaleTask and New-RunwayCharacterPerformanceTask create tasks on the official routes (/runwayml/v1/...); New-RunwayFeedVideoTask, New-RunwayFeedVideoToVideoTask and New-RunwayFeedActOneTask on the compatibility routes (/runway/pro/...); New-RunwayTask sends any body to any route. Inputs are HTTPS URLs or local files (sent inline, checked against the size limits first); CSV rows bind by property name; -WhatIf shows the body; a create is never retried once it may have reached the server.
- Connect-CometApi and Disconnect-CometApi remember and forget a CometAPI key and base address per runspace.
- Get-RunwayTask reads tasks in the official format (GET /runwayml/v1/tasks/{id}); Get-RunwayFeedTask in the compatibility format (POST /runway/feed).
- Wait-RunwayTask waits for one task or thousands, with progress, -Timeout, -Any and Ctrl+C; created tasks keep their model and prompt.
- Save-RunwayOutput downloads the videos and images of finished tasks in parallel, resumably, never leaving a partial file at a final path.
'@
        }
    }
}
