<#
    Bad input for the create cmdlets: each entry is a command (run in this pwsh against the emulator, with
    COMETAPI_BASE_URL and COMETAPI_KEY set, in a folder holding still.png and notes.txt), the error id it must
    end in, and the parameter the error names. None may create a task. CreateInputs.Tests.ps1 runs them.
#>
@{
    Cases = @(
        @{ Command = "New-RunwayImageToVideoTask ./still.png -Ratio '16x9'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Ratio' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -Ratio '0:720'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Ratio' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -Ratio 'wide'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Ratio' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -Duration 1"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Duration' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -Seed -1"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Seed' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -PromptText ('x' * 1001)"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptText' }
        @{ Command = "New-RunwayFeedVideoTask '   '"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptText' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -Model 'gen4 turbo'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Model' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -ExtraField @{ promptText = 'twice' }"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'ExtraField' }
        @{ Command = "New-RunwayImageToVideoTask ./still.png -ExtraField @{ when = [datetime]::Now; what = [System.Text.StringBuilder]::new() }"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'what' }
        @{ Command = "New-RunwayImageToVideoTask ''"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask ./missing.png"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask ./notes.txt"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask ./"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask Env:/PATH"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask http://assets.example.com/a.png"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask https://93.184.216.34/a.png"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask https://user:secret@assets.example.com/a.png"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask ('https://assets.example.com/' + 'a' * 2100)"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask 'data:image/png;base64,@@@@'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask 'data:text/plain;base64,AAAA'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayImageToVideoTask 'data:image/png,notbase64'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'PromptImage' }
        @{ Command = "New-RunwayVideoToVideoTask ./still.png 'snow'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Video' }
        @{ Command = "New-RunwayTextToImageTask '@x' ./still.png -ReferenceTag 'a b'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'ReferenceImage[0].Tag' }
        @{ Command = "New-RunwayTextToImageTask 'a fox' ./still.png, ./still.png, ./still.png, ./still.png"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'ReferenceImage' }
        @{ Command = "New-RunwayCharacterPerformanceTask ./still.png ./still.png"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Reference' }
        @{ Command = "New-RunwayFeedVideoTask 'a comet' -CallbackUri 'http://hooks.example.com/x'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'CallbackUri' }
        @{ Command = "New-RunwayFeedVideoTask 'a comet' -CallbackUri '/hook'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'CallbackUri' }
        @{ Command = "New-RunwayFeedVideoTask 'a comet' -Style ('s' * 101)"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Style' }
        @{ Command = "New-RunwayFeedVideoTask 'a comet' -MotionVector @{ X = [double]::NaN }"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'MotionVector.X' }
        @{ Command = "New-RunwayFeedVideoToVideoTask https://assets.example.com/c.mp4 -Duration 11"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Duration' }
        @{ Command = "New-RunwayTask image_to_video '{ not json'"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Body' }
        @{ Command = "New-RunwayTask image_to_video @{}"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Body' }
        @{ Command = "New-RunwayTask 'https://evil.example.com/x' @{ a = 1 }"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Route' }
        @{ Command = "New-RunwayTask 'runwayml/v1/x?y=1' @{ a = 1 }"; ErrorId = 'RunwayCreateInvalidRequest'; Parameter = 'Route' }
    )
}
