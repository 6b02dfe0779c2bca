"""The user interfaces: the `clickwage` command line, the window, document rendering."""
