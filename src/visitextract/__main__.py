from visitextract.cli import main

main()
