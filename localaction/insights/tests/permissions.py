"""Insights' entries in the permission matrix: the map (permissions_map.py) and the charts (permissions_charts.py)."""
from . import permissions_charts, permissions_map

ENTRIES = {**permissions_map.ENTRIES, **permissions_charts.ENTRIES}
