"""Plain types and rules: money, clock, intervals, wage, flags, statuses. No I/O."""
