"""The command-line commands, one module per group. Each is thin: parse, call a service, print."""
