"""The public-schema half of the reports: visit counters and compliance scores of every site."""
