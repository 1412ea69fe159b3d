"""The submission contract, pandera models per table, formulas and the rule catalog."""
