"""One module per command: ``add_parser`` declares it, ``run`` carries it out."""
