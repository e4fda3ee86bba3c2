from flashpoint.cli import main

main()
