"""One class and one file per page of the window."""
