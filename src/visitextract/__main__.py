from visitextract.cli import main

# Guarded: worker processes started with "spawn" import the main module again (as __mp_main__).
if __name__ == "__main__":
    main()
