"""Build world.json, the world map's boundaries, from Natural Earth's TopoJSON (npm package world-atlas 2.0.2).

Run once at development time, never by the product (which reads only the committed world.json):

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python localaction/insights/data/build_world.py build/world-atlas/package

What it does, and why:
- decodes the TopoJSON arcs (quantized, delta-encoded) and projects them with Equal Earth (../projection.py:
  equal-area, so shading reads fairly; the map projects government points with the same parameters);
- simplifies each shared arc once (Douglas–Peucker), so neighbouring countries keep a common border;
- rounds to whole units of a 1,000-unit-wide drawing and writes relative path commands: the page then carries
  about 25 KB of boundaries instead of the 108 KB source;
- keys each shape by ISO 3166-1 alpha-2 (pycountry from the numeric id). Natural Earth draws three places
  without an ISO code: Somaliland and Northern Cyprus are merged into Somalia and Cyprus, as the UN and ISO
  list them; Kosovo keeps its own shape under the code XK with its name (it is not in our country table);
- leaves out Antarctica (no government there, and it would take a fifth of the height);
- draws the 61 small countries and territories that the 1:110m scale leaves out (Malta, Singapore, most island
  states) as small squares at the centre of their largest 1:50m polygon, so they can be shaded and clicked too.
"""
import csv
import json
import math
import sys
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from localaction.insights.projection import equal_earth  # noqa: E402

SOURCE = "world-atlas 2.0.2 (Natural Earth 4.1.0, Admin 0 countries)"
WIDTH = 1000
TOLERANCE = 0.6  # drawing units: about half a pixel on a page-wide map, below what the eye can tell
MIN_RING_AREA = 1.5  # square units: smaller islands vanish, unless they are a country's largest polygon
MARKER = 4  # side of the squares drawn for small countries
NORTH, SOUTH = 84.0, -57.0  # the drawing's extent: Greenland's north cape to Cape Horn
MERGED = {"N. Cyprus": "CY", "Somaliland": "SO"}
UNCODED = {"Kosovo": "XK"}
ANTARCTICA = "010"


def decode_arcs(topology):
    """Each arc as a list of (longitude, latitude)."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * kx + tx, y * ky + ty))
        arcs.append(points)
    return arcs


def simplify(indices, points, tolerance):
    """Douglas–Peucker over `points`: the kept `indices`, both ends always (they are shared with other arcs)."""
    if len(points) < 3:
        return indices
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        length = math.hypot(x2 - x1, y2 - y1)
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            x, y = points[i]
            if length:
                distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
            else:
                distance = math.hypot(x - x1, y - y1)
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [i for i, kept in zip(indices, keep) if kept]


def ring_points(ring, arcs):
    points = []
    for index in ring:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc if not points else arc[1:])
    return points


def crosses(p, q):
    return abs(p[0] - q[0]) > 180


def simplify_arc(arc, to_svg, tolerance):
    """Simplify an arc (longitude, latitude) in drawing units, keeping the points where it jumps across the
    antimeridian (Natural Earth's Fiji and Chukotka do) so the ring can be cut there."""
    pieces, piece = [], [arc[0]]
    for p, q in zip(arc, arc[1:]):
        if crosses(p, q):
            pieces.append(piece)
            piece = []
        piece.append(q)
    pieces.append(piece)
    kept = []
    for piece in pieces:
        projected = [to_svg(*p) for p in piece]
        keep = simplify(list(range(len(piece))), projected, tolerance)
        kept.extend(piece[i] for i in keep)
    return kept


def cut_at_antimeridian(ring):
    """Split a ring that crosses the antimeridian into one ring per side, each closed along the meridian (drawn
    on a flat map, the crossing would otherwise be a line across the whole world)."""
    jumps = [i for i, (p, q) in enumerate(zip(ring, ring[1:] + ring[:1])) if crosses(p, q)]
    if not jumps:
        return [ring]
    if len(jumps) != 2:
        raise SystemExit(f"A ring crosses the antimeridian {len(jumps)} times")
    start = jumps[0] + 1
    ring = ring[start:] + ring[:start]
    size = len(ring)
    fragments, fragment = [], []
    for i, p in enumerate(ring):
        fragment.append(p)
        q = ring[(i + 1) % size]
        if crosses(p, q):
            side = math.copysign(180, p[0])
            q_lon = q[0] + 360 if side > 0 else q[0] - 360
            t = (side - p[0]) / (q_lon - p[0]) if q_lon != p[0] else 0
            latitude = p[1] + t * (q[1] - p[1])
            fragment.append((side, latitude))
            fragments.append(fragment)
            fragment = [(-side, latitude)]
    fragments[0] = fragment + fragments[0]  # the crossing that led into the first fragment
    rings = []
    for fragment in fragments:
        (lon, lat_end), lat_start = fragment[-1], fragment[0][1]
        steps = max(1, int(abs(lat_start - lat_end) // 2))
        closing = [(lon, lat_end + (lat_start - lat_end) * k / steps) for k in range(1, steps)]
        rings.append(fragment + closing)
    return rings


def merge_rings(rings, arcs):
    """Rings (lists of arc indexes) of places merged into one country, without the borders between them: an
    arc used by two of the rings is inside the union; the others are chained end to start again."""
    uses = {}
    for ring in rings:
        for index in ring:
            uses[index if index >= 0 else ~index] = uses.get(index if index >= 0 else ~index, 0) + 1
    outer = [index for ring in rings for index in ring if uses[index if index >= 0 else ~index] == 1]

    def ends(index):
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        return arc[0], arc[-1]

    starting = {ends(index)[0]: index for index in outer}
    merged, seen = [], set()
    for first in outer:
        if first in seen:
            continue
        ring, index = [], first
        while index not in seen:
            seen.add(index)
            ring.append(index)
            index = starting[ends(index)[1]]
        merged.append(ring)
    return merged


def area(points):
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))) / 2


def centroid(points):
    a = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]):
        cross = x1 * y2 - x2 * y1
        a += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if not a:
        return points[0]
    return cx / (3 * a), cy / (3 * a)


def path(rings):
    """An SVG path: an absolute move to each ring's start, then relative lines (the shortest text)."""
    parts = []
    for ring in rings:
        x0, y0 = ring[0]
        text = [f"M{x0} {y0}l"]
        previous = ring[0]
        steps = []
        for x, y in ring[1:]:
            steps.append(f"{x - previous[0]} {y - previous[1]}")
            previous = (x, y)
        text.append(" ".join(steps).replace(" -", "-"))
        parts.append("".join(text) + "z")
    return "".join(parts)


def alpha2(geometry, uncoded_names):
    name = geometry["properties"]["name"]
    if name in MERGED:
        return MERGED[name]
    if name in UNCODED:
        uncoded_names[UNCODED[name]] = name
        return UNCODED[name]
    country = pycountry.countries.get(numeric=geometry["id"])
    return country.alpha_2 if country else None


def polygons(geometry):
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["arcs"]
    return []


def build(package):
    topology = json.loads((package / "countries-110m.json").read_text())
    detailed = json.loads((package / "countries-50m.json").read_text())

    # Scale so the whole sphere is WIDTH wide; the height is cropped to the inhabited latitudes.
    x_max, _ = equal_earth(180, 0)
    scale = WIDTH / (2 * x_max)
    top = -scale * equal_earth(0, NORTH)[1]
    bottom = -scale * equal_earth(0, SOUTH)[1]
    translate = (WIDTH / 2, -top)
    height = round(bottom - top)

    def to_svg(lon, lat):
        x, y = equal_earth(lon, lat)
        return translate[0] + scale * x, translate[1] - scale * y

    arcs = [simplify_arc(arc, to_svg, TOLERANCE) for arc in decode_arcs(topology)]
    arc_rings = {}
    uncoded_names = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        if geometry.get("id") == ANTARCTICA:
            continue
        code = alpha2(geometry, uncoded_names)
        if code is None:
            raise SystemExit(f"No ISO code for {geometry['properties']['name']}")
        arc_rings.setdefault(code, []).extend(ring for polygon in polygons(geometry) for ring in polygon)

    rings_by_code = {}
    for code, rings in arc_rings.items():
        if code in MERGED.values():
            rings = merge_rings(rings, arcs)
        for ring in (part for arcs_of_ring in rings for part in cut_at_antimeridian(ring_points(arcs_of_ring, arcs))):
            rounded = []
            for x, y in (to_svg(*p) for p in ring):
                point = (round(x), round(y))
                if not rounded or rounded[-1] != point:
                    rounded.append(point)
            if len(rounded) > 1 and rounded[0] == rounded[-1]:
                rounded.pop()
            if len(rounded) >= 3:
                rings_by_code.setdefault(code, []).append(rounded)

    countries = {}
    for code, rings in rings_by_code.items():
        largest = max(rings, key=area)
        kept = [ring for ring in rings if ring is largest or area(ring) >= MIN_RING_AREA]
        countries[code] = path(kept)

    # Small countries missing at 1:110m: a square at the centre of their largest 1:50m polygon.
    markers = []
    present = {g.get("id") for g in topology["objects"]["countries"]["geometries"]}
    detailed_arcs = decode_arcs(detailed)
    for geometry in detailed["objects"]["countries"]["geometries"]:
        number = geometry.get("id")
        country = pycountry.countries.get(numeric=number) if number else None
        if number in present or country is None or number == ANTARCTICA:
            continue
        rings = [[to_svg(*p) for p in ring_points(polygon[0], detailed_arcs)] for polygon in polygons(geometry)]
        x, y = centroid(max(rings, key=area))
        half = MARKER / 2
        countries[country.alpha_2] = f"M{round(x - half)} {round(y - half)}h{MARKER}v{MARKER}h-{MARKER}z"
        markers.append(country.alpha_2)

    # The outline of the sphere, cropped like the drawing: the map's water.
    edge = [to_svg(180, lat) for lat in range(int(NORTH), int(SOUTH) - 1, -4)]
    edge += [to_svg(-180, lat) for lat in range(int(SOUTH), int(NORTH) + 1, 4)]
    outline = path([[(round(x), round(y)) for x, y in edge]])

    known = {row["code"] for row in csv.DictReader((HERE.parents[1] / "taxonomy/data/countries.csv").open())}
    unknown = sorted(set(countries) - known - set(uncoded_names))
    if unknown:
        raise SystemExit(f"Codes not in taxonomy/data/countries.csv: {unknown}")
    return {
        "source": SOURCE,
        "licence": "Public domain (Natural Earth); world-atlas packaging ISC",
        "projection": {
            "name": "Equal Earth", "scale": round(scale, 6), "translate": [round(translate[0], 6), round(translate[1], 6)],
        },
        "width": WIDTH,
        "height": height,
        "outline": outline,
        "names": uncoded_names,
        "markers": sorted(markers),
        "countries": dict(sorted(countries.items())),
    }


def main():
    package = Path(sys.argv[1] if len(sys.argv) > 1 else "build/world-atlas/package")
    world = build(package)
    target = HERE / "world.json"
    target.write_text(json.dumps(world, ensure_ascii=False, separators=(",", ":")) + "\n")
    size = sum(len(d) for d in world["countries"].values())
    print(f"{target}: {len(world['countries'])} shapes, {size} bytes of paths, {world['width']}x{world['height']}")


if __name__ == "__main__":
    main()
