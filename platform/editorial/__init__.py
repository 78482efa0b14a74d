"""Editorial boards: the board roles of every site, their review workflow and permissions."""
