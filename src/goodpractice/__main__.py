from goodpractice.cli import main

main()
