import JourneyCLI
JourneyCLIMain.main()
