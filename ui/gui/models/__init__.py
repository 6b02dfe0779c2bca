"""Table models of the window: each over the services, each checked with qtmodeltester."""
