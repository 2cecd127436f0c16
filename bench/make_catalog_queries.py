"""Writes bench/catalog_queries.txt: the 200 catalog queries that bench/catalog_latency.py measures.

A quarter each: no text with 1-3 filters; rare terms (under 2% of the demo actions); common terms (over 30%);
text plus 3 filters. A tenth of all (5 per group) ask for a deep page. Deterministic (fixed seed), so the
committed file can be regenerated and compared. Values are those of seed_demo's reference and demo data.

    .venv/bin/python bench/make_catalog_queries.py > bench/catalog_queries.txt
"""
from random import Random
from urllib.parse import urlencode

SEED = 4
FACETS = {
    "kind": ["practice", "pledge"],
    "gcm": [str(n) for n in range(1, 24)],
    "principle": ["child_sensitive", "gender_responsive", "human_rights", "international_cooperation",
                  "people_centred", "rule_of_law_and_due_process", "sustainable_development", "whole_of_society"],
    "gcr": ["1", "2", "3", "4"],
    "gcr_area": ["burden_and_responsibility_sharing", "education", "energy_and_infrastructure", "jobs_and_livelihoods",
                 "protection_capacity", "solutions"],
    "sdg": ["1", "3", "4", "5", "8", "10", "11", "16", "17"],
    "region": ["002", "019", "142", "150", "009", "014", "011", "017", "015", "018", "419", "021", "145", "039"],
    "country": ["SN", "CO", "MX", "KE", "CA", "FR", "DE", "US", "MA", "BR", "TR", "JO", "UG", "EC", "ES", "IT"],
    "theme": ["children", "climate", "data", "education", "employment", "gender", "health", "housing", "inclusion",
              "participation", "pathways", "protection", "reception", "return", "services"],
    "target_group": ["asylum_seekers", "everyone", "host_communities", "idps", "migrants", "refugees", "stateless"],
    "stage": ["planning", "in_progress", "fulfilled", "discontinued"],
    "campaign": ["grf-2019", "grf-2023", "grf-2027", "imrf-2022", "imrf-2026"],
    "language": ["en", "fr", "es"],
    "reviewed": ["yes", "no"],
}
# Under 2% of the demo actions each (checked by catalog_latency.py, which prints each group's result counts).
RARE = [
    "agadez", "remittances", "drainage", "landslides", "scholarships", "literacy", "sponsorship", "paralegal",
    "mobile money", '"early warning"', "Tapachula", "Yerevan", "Medellín", "Windhoek", "Mogadishu", "Asunción",
    "Oslo", "Şanlıurfa", "Canarias", "Honiara", "Cotonou", "Luxembourg", "inclusion", "asylum seekers",
    "consulates passports", "remesas", "glissements", "becas", "parrainage", "alfabetización",
]
# Over 30% each: the words most actions use, in the three languages.
COMMON = [
    "migrants", "refugees", "réfugiés", "migrantes", "people", "services", "partners", "municipal", "city",
    "integration", "intégration", "women", "integración", "personas", "servicios", "ville", "migrants refugees",
    "refugees services", "municipal services", "people migrants", "women refugees", "integration migrants",
    "refugiados", "municipales", "partenaires",
]
DEEP_PAGES = [50, 120, 300, 500, 1000]


def facets(rng, count):
    names = rng.sample(sorted(FACETS), count)
    return {name: rng.choice(FACETS[name]) for name in names}


def main():
    rng = Random(SEED)
    groups = {"facets": [], "rare": [], "common": [], "text+facets": []}
    for n in range(50):
        groups["facets"].append(facets(rng, 1 + n % 3))
        groups["rare"].append({"q": RARE[n % len(RARE)]} | (facets(rng, 1) if n >= len(RARE) else {}))
        groups["common"].append({"q": COMMON[n % len(COMMON)]} | ({"sort": rng.choice(["newest", "title", "government"])}
                                                                 if n >= len(COMMON) else {}))
        groups["text+facets"].append({"q": rng.choice(COMMON + RARE[:10])} | facets(rng, 3))
    for name, queries in groups.items():
        # A tenth of the queries on deep pages: the last five of each group.
        for query, page in zip(queries[-5:], DEEP_PAGES):
            query["page"] = page if name in ("facets", "common") else page // 50 + 2
        for query in queries:
            print(f"{name}\t{urlencode(query)}")


if __name__ == "__main__":
    main()
