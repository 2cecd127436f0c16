"""Handover packages: a frozen campaign snapshot written in the shape each recipient asks for ("submit once, hand
over many times"). recipients.py says who gets which actions and columns, records.py turns snapshot entries into
those records, writers.py writes them reproducibly (XLSX, JSON, ZIP), package.py assembles the ZIP."""
