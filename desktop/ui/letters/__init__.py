"""Letters: the day's batch of reminder letters and the template editor."""
