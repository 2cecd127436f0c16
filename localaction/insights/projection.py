"""The world map's projection, shared by the build script (boundaries, projected once) and the map (government
points, projected on each render): both must place things with the same formula and parameters.

Equal Earth (Šavrič, Patterson and Jenny, 2018): an equal-area projection, so a shaded country's visual weight is
proportional to its real area (a choropleth on Mercator would make Canada look ten times more active than the
Congo), with a closed-form forward formula that fits in a few lines, unlike Robinson's interpolated tables.
"""
import math

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2


def equal_earth(longitude, latitude):
    """Unscaled Equal Earth coordinates of a point in degrees (x to the east, y to the north)."""
    theta = math.asin(M * math.sin(math.radians(latitude)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = math.radians(longitude) * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def project(longitude, latitude, scale, translate):
    """SVG coordinates (y downwards) of a point in degrees, with the map's `scale` and `translate`."""
    x, y = equal_earth(longitude, latitude)
    return translate[0] + scale * x, translate[1] - scale * y
