"""The demo's governments, personas, campaigns and published actions (see the seed_demo command). DEMO ONLY."""
import math
from datetime import date, datetime, timedelta
from datetime import time as clock
from datetime import timezone as dt_timezone
from decimal import Decimal
from random import Random

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.db import reset_queries
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from localaction.accounts.models import Roles
from localaction.actions.models import (
    PUBLIC_ID_ALPHABET, Action, CoPledger, Indicator, Link, Partner,
)
from localaction.campaigns.models import Campaign
from localaction.core import demo_data as data
from localaction.core.demo_data import (  # noqa: F401  (re-exported for README and tests)
    DEMO_PASSWORD, PERSONAS, REQUESTERS,
)
from localaction.governments.models import Government, Membership
from localaction.taxonomy.models import SDG, Country, GCMObjective, GCRArea, GCRObjective, GuidingPrinciple, Term

DEFAULT_ACTIONS = 130
BATCH_SIZE = 2000
# Fixed reference dates (not the clock) keep the content identical from one run to the next.
TODAY = date(2026, 11, 29)
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=dt_timezone.utc)
FIRST_PUBLICATION = date(2019, 6, 1)
LANGS = ("en", "fr", "es")
KINDS = {
    "m": Government.Kind.MUNICIPALITY,
    "met": Government.Kind.METROPOLITAN,
    "r": Government.Kind.REGION,
    "a": Government.Kind.ASSOCIATION,
}
M2M_FIELDS = ("gcm_objectives", "guiding_principles", "gcr_objectives", "gcr_areas", "sdgs", "terms")
GENERIC_PRINCIPLES = (
    "people_centred", "human_rights", "whole_of_society", "whole_of_government", "sustainable_development",
    "gender_responsive", "child_sensitive",
)
CREATED_BEFORE_PUBLICATION = (7, 14, 30, 45, 75)  # days between an action's creation and its publication
SQL_IN_CHUNK = 900  # stays under SQLite's historical limit of 999 parameters per statement


def round_significant(value, digits):
    if value <= 0:
        return 0
    return int(round(value, digits - 1 - int(math.floor(math.log10(value)))))


def format_number(value, language):
    text = f"{value:,}"
    if language == "fr":
        return text.replace(",", "\u202f")
    if language == "es":
        return text.replace(",", ".")
    return text


def format_percent(value, language):
    return f"{value}%" if language == "en" else f"{value}\u00a0%"


def join_names(names, language):
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + data.AND[language] + names[-1]


def chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start:start + size]


def bulk_create_dated(model, rows, fields=("created_at",)):
    """bulk_create, then put back the seed's dates that auto_now_add overwrote with the current time."""
    wanted = [tuple(getattr(row, name) for name in fields) for row in rows]
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    if any(row.pk is None for row in rows):
        raise CommandError(f"The database did not return the ids of new {model.__name__} rows.")
    for row, values in zip(rows, wanted):
        for name, value in zip(fields, values):
            setattr(row, name, value)
    model.objects.bulk_update(rows, list(fields), batch_size=500)
    return rows


class Seeder:
    def __init__(self, write, published_count):
        self.write = write
        self.count = published_count
        self.rng = Random(data.SEED)

    def run(self):
        self.load_reference()
        self.hashed_password = make_password(DEMO_PASSWORD)  # once: Argon2 is deliberately slow
        self.users = self.create_accounts(PERSONAS)
        self.create_governments()
        self.create_memberships()
        self.create_campaigns()
        self.prepare_actions()
        self.create_published_actions()
        unpublished = self.create_unpublished_actions()
        verified = sum(1 for g in self.governments.values() if g["obj"].verified)
        summary = [
            f"  {len(PERSONAS)} persona accounts",
            f"  {len(self.governments)} governments ({verified} verified)",
            f"  {len(self.campaigns)} campaigns",
            f"  {self.count} published actions ({self.pledge_count} pledges), {unpublished} unpublished",
        ]
        # Imported here: the workspace seeder builds on this module's constants and helpers.
        from localaction.core.demo_workspace import WorkspaceSeeder

        return summary + WorkspaceSeeder(self).run()

    # --- reference data -----------------------------------------------------------------------------------
    def load_reference(self):
        self.countries = {c.code: c for c in Country.objects.all()}
        self.gcm_numbers = sorted(GCMObjective.objects.values_list("number", flat=True))
        self.principle_keys = set(GuidingPrinciple.objects.values_list("key", flat=True))
        self.gcr_objective_numbers = set(GCRObjective.objects.values_list("number", flat=True))
        self.gcr_area_keys = list(GCRArea.objects.order_by("position").values_list("key", flat=True))
        self.sdg_numbers = set(SDG.objects.values_list("number", flat=True))
        self.terms = {
            (vocabulary, key): pk for pk, vocabulary, key in Term.objects.values_list("pk", "vocabulary_id", "key")
        }
        if len(self.gcm_numbers) != 23 or not self.gcr_area_keys or not self.countries:
            raise CommandError("Reference data is missing: run `manage.py migrate` first.")
        problems = []
        for template in data.TEMPLATES:
            key = template["key"]
            problems += [f"{key}: GCM objective {n}" for n in template["gcm"] if n not in self.gcm_numbers]
            problems += [f"{key}: GCR area {k}" for k in template["gcr_areas"] if k not in self.gcr_area_keys]
            problems += [
                f"{key}: GCR objective {n}" for n in template["gcr_objectives"] if n not in self.gcr_objective_numbers
            ]
            problems += [f"{key}: principle {k}" for k in template["principles"] if k not in self.principle_keys]
            problems += [f"{key}: SDG {n}" for n in template["sdgs"] if n not in self.sdg_numbers]
            problems += [f"{key}: theme {k}" for k in template["themes"] if ("themes", k) not in self.terms]
            problems += [
                f"{key}: target group {k}" for k in template["targets"] if ("target_groups", k) not in self.terms
            ]
        problems += [f"principle {k}" for k in GENERIC_PRINCIPLES if k not in self.principle_keys]
        if problems:
            raise CommandError("Demo data refers to unknown reference data: " + "; ".join(problems))
        self.pledge_type_ids = [pk for (vocabulary, _key), pk in self.terms.items() if vocabulary == "gcm_pledge_types"]
        self.contribution_type_ids = [
            pk for (vocabulary, _key), pk in self.terms.items() if vocabulary == "gcr_contribution_types"
        ]
        self.pledge_type_ids.sort()
        self.contribution_type_ids.sort()

    # --- people and places --------------------------------------------------------------------------------
    def create_accounts(self, people):
        """The accounts of `people` (personas or requesters), keeping any that already exist."""
        User = get_user_model()
        hashed = self.hashed_password
        emails = [p["email"] for p in people]
        existing = {u.email: u for u in User.objects.filter(email__in=emails)}
        group_names = sorted({p["group"] for p in people if "group" in p})
        groups = {name: Group.objects.get_or_create(name=name)[0] for name in group_names}
        users = {}
        for persona in people:
            user = existing.get(persona["email"])
            if user is None:
                extra = {"full_name": persona["full_name"], "language": persona["language"]}
                if persona.get("superuser"):
                    extra.update(is_staff=True, is_superuser=True)
                elif persona.get("group") == Roles.REVIEWER:
                    extra["is_staff"] = True  # reviewers keep the vocabularies in the admin
                user = User.objects.create_user(email=persona["email"], password=None, **extra)
                user.password = hashed
                user.save(update_fields=["password"])
            else:
                self.write(f"  kept the existing account {persona['email']} (password unchanged)")
            if "group" in persona:
                user.groups.add(groups[persona["group"]])
            users[persona["email"]] = user
        return users

    def create_governments(self):
        rng = self.rng
        taken = set(Government.objects.values_list("slug", flat=True))
        rows, self.governments = [], {}
        for name, country, kind, latitude, longitude, population, language in data.GOVERNMENTS:
            if country not in self.countries:
                raise CommandError(f"Unknown country {country} for {name}.")
            if name in self.governments:
                raise CommandError(f"Duplicate demo government {name}.")
            base = slugify(name) or "government"
            slug, suffix = base, 2
            while slug in taken:
                slug, suffix = f"{base}-{suffix}", suffix + 1
            taken.add(slug)
            verified = name not in data.UNVERIFIED
            if verified:
                verified_at = datetime(2018, 11, 1, 10, 0, tzinfo=dt_timezone.utc) + timedelta(
                    days=rng.randint(0, 118), minutes=rng.randint(0, 480)
                )
                created_at = verified_at - timedelta(days=rng.randint(20, 90), minutes=rng.randint(0, 600))
            else:
                verified_at = None
                created_at = NOW - timedelta(days=rng.randint(3, 60), minutes=rng.randint(0, 600))
            government = Government(
                name=name, slug=slug, kind=KINDS[kind], country_id=country, population=population,
                latitude=Decimal(f"{latitude:.5f}"), longitude=Decimal(f"{longitude:.5f}"),
                verified=verified, verified_at=verified_at, is_demo=True,
            )
            government.seed_created_at = created_at
            rows.append(government)
            country_obj = self.countries[country]
            self.governments[name] = {
                "obj": government, "name": name, "language": language, "country": country,
                "subregion": country_obj.subregion_id, "region": country_obj.region_id,
            }
        Government.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        for government in rows:  # created_at is auto_now_add: bulk_create stamped "now"
            government.created_at = government.seed_created_at
        Government.objects.bulk_update(rows, ["created_at"], batch_size=500)
        for name in (data.GOVERNMENT_A, data.GOVERNMENT_B):
            if name not in self.governments or name in data.UNVERIFIED:
                raise CommandError(f"Government {name} must be a verified demo government.")

    def create_memberships(self):
        for persona in PERSONAS:
            if "government" in persona:
                Membership.objects.get_or_create(
                    user=self.users[persona["email"]],
                    government=self.governments[persona["government"]]["obj"],
                    defaults={"role": persona["membership"]},
                )

    def create_campaigns(self):
        self.campaigns = {}
        for slug, forum, forum_date, opens_on, closes_on, names, descriptions in data.CAMPAIGNS:
            campaign, _created = Campaign.objects.get_or_create(
                slug=slug,
                defaults={
                    "forum": forum,
                    "forum_date": date.fromisoformat(forum_date),
                    "opens_on": date.fromisoformat(opens_on),
                    "closes_on": date.fromisoformat(closes_on),
                    **{f"name_{lang}": names[lang] for lang in LANGS},
                    **{f"description_{lang}": descriptions[lang] for lang in LANGS},
                },
            )
            self.campaigns[slug] = campaign

    # --- actions ------------------------------------------------------------------------------------------
    def prepare_actions(self):
        self.verified = [g for g in self.governments.values() if g["obj"].verified]
        self.pools = {
            None: self.verified,
            "fr": [g for g in self.verified if g["language"] == "fr"],
            "es": [g for g in self.verified if g["language"] == "es"],
        }
        self.by_country, self.by_subregion, self.by_region = {}, {}, {}
        for g in self.verified:
            self.by_country.setdefault(g["country"], []).append(g)
            self.by_subregion.setdefault(g["subregion"], []).append(g)
            self.by_region.setdefault(g["region"], []).append(g)
        self.templates = {t["key"]: t for t in data.TEMPLATES}
        self.places = {}  # template key -> the verified governments that may lead it (empty: any)
        for template in data.TEMPLATES:
            unknown = [name for name in template["places"] if name not in self.governments]
            if unknown:
                raise CommandError(f"Template {template['key']} names unknown governments: {unknown}")
            places = [self.governments[name] for name in template["places"] if name not in data.UNVERIFIED]
            if template["places"] and not places:
                raise CommandError(f"Template {template['key']} has no verified government to lead it.")
            self.places[template["key"]] = places
        # Publication windows of the campaigns, cut at the reference date.
        self.windows = {}
        for slug, campaign in self.campaigns.items():
            last = min(campaign.closes_on, TODAY - timedelta(days=1))
            if campaign.opens_on <= last:
                self.windows[slug] = (campaign.opens_on, (last - campaign.opens_on).days)
        self.used_public_ids = set(Action.objects.values_list("public_id", flat=True))
        self.focal = {
            name: [self.users[p["email"]].pk for p in PERSONAS if p.get("government") == name]
            for name in (data.GOVERNMENT_A, data.GOVERNMENT_B)
        }
        self.m2m = {}
        for name in M2M_FIELDS:
            field = Action._meta.get_field(name)
            self.m2m[name] = (
                field.remote_field.through, f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
            )
        self.covered_gcm, self.covered_areas = set(), set()
        self.first_only_original = {"fr": True, "es": True}
        self.lead_used = {data.GOVERNMENT_A: False, data.GOVERNMENT_B: False}
        self.match_pool = []  # (pk, government pk, published_at) of published pledges that seek support
        self.pledge_count = 0

    def new_public_id(self):
        # Same alphabet and length as actions.models.new_public_id, but from the seeded generator.
        while True:
            candidate = "".join(self.rng.choice(PUBLIC_ID_ALPHABET) for _ in range(8))
            if candidate not in self.used_public_ids:
                self.used_public_ids.add(candidate)
                return candidate

    def pick_government(self, template, slot):
        rng = self.rng
        if self.places[template["key"]]:
            candidates = self.places[template["key"]]
            preferred = [g for g in candidates if g["language"] == slot] if slot else []
            return rng.choice(preferred or candidates)
        lead = {"fr": data.GOVERNMENT_A, "es": data.GOVERNMENT_B}.get(slot)
        if lead and (not self.lead_used[lead] or rng.random() < 0.08):
            self.lead_used[lead] = True
            return self.governments[lead]
        return rng.choice(self.pools[slot])

    def pick_publication(self, template):
        rng = self.rng
        focus = template["focus"]
        eligible = {
            "migration": data.IMRF_CAMPAIGNS, "refugee": data.GRF_CAMPAIGNS,
        }.get(focus, data.IMRF_CAMPAIGNS + data.GRF_CAMPAIGNS)
        eligible = [slug for slug in eligible if slug in self.windows]
        if eligible and rng.random() < 0.8:
            weights = [self.windows[slug][1] + 1 for slug in eligible]
            slug = rng.choices(eligible, weights)[0]
            opens_on, span = self.windows[slug]
            day = opens_on + timedelta(days=rng.randint(0, span))
            campaign = self.campaigns[slug]
        else:
            day = FIRST_PUBLICATION + timedelta(days=rng.randint(0, (TODAY - FIRST_PUBLICATION).days - 1))
            campaign = None
        published_at = datetime.combine(day, clock(rng.randint(7, 18), rng.randrange(60)), tzinfo=dt_timezone.utc)
        return campaign, published_at

    def create_published_actions(self):
        rng = self.rng
        batch = []
        for index in range(self.count):
            slot = ("fr", "fr", "es", "es", None, None, None, None, None, None)[index % 10]
            template = data.TEMPLATES[index] if index < len(data.TEMPLATES) else rng.choice(data.TEMPLATES)
            kind = template["kinds"] if template["kinds"] != "both" else rng.choice(("practice", "pledge"))
            government = self.pick_government(template, slot)
            if slot and government["language"] == slot:
                original = slot
            elif government["language"] in ("fr", "es"):
                original = government["language"] if rng.random() < 0.5 else "en"
            else:
                original = "en"
            languages = self.pick_languages(original)
            campaign, published_at = self.pick_publication(template)
            reviewed_at = None
            if rng.random() < 0.65:
                reviewed_at = min(NOW, published_at + timedelta(days=rng.randint(0, 60), hours=rng.randint(1, 8)))
            created_by = None
            if government["name"] in self.focal:
                created_by = rng.choice(self.focal[government["name"]])
            action, extra = self.build_action(
                template=template, kind=kind, government=government, original=original, languages=languages,
                status=Action.Status.PUBLISHED, campaign=campaign, published_at=published_at,
                reviewed_at=reviewed_at, created_by=created_by, reference_day=published_at.date(),
                complete_coverage=(index == self.count - 1),
            )
            extra["created_days"] = rng.choice(CREATED_BEFORE_PUBLICATION)
            batch.append((action, extra))
            if len(batch) >= BATCH_SIZE:
                self.flush(batch)
                batch = []
                self.write(f"  {index + 1}/{self.count} published actions")
        if batch:
            self.flush(batch)
            if self.count > BATCH_SIZE:
                self.write(f"  {self.count}/{self.count} published actions")

    def pick_languages(self, original):
        """The languages an action is written in: mostly all three, sometimes only the original one."""
        r = self.rng.random()
        if original == "en":
            if r < 0.6:
                return ["en", "fr", "es"]
            if r < 0.75:
                return ["en", "fr"]
            if r < 0.85:
                return ["en", "es"]
            return ["en"]
        if self.first_only_original[original]:
            self.first_only_original[original] = False
            return [original]
        if r < 0.4:
            return [original] + [lang for lang in LANGS if lang != original]
        if r < 0.6:
            return [original, "en"]
        return [original]

    def build_action(self, *, template, kind, government, original, languages, status, campaign, published_at,
                     reviewed_at, created_by, reference_day, complete_coverage=False, co_pledgers=None):
        rng = self.rng
        is_pledge = kind == Action.Kind.PLEDGE
        gov = government["obj"]

        # Dates and stage.
        if is_pledge:
            start = reference_day + timedelta(days=rng.randint(-90, 180))
            end = start + timedelta(days=rng.randint(365, 1826))
            if end < TODAY:
                stage = rng.choices(
                    (Action.Stage.FULFILLED, Action.Stage.DISCONTINUED, Action.Stage.IN_PROGRESS), (75, 10, 15)
                )[0]
            elif start > TODAY:
                stage = Action.Stage.PLANNING
            else:
                stage = rng.choices((Action.Stage.IN_PROGRESS, Action.Stage.PLANNING), (80, 20))[0]
        else:
            start = reference_day - timedelta(days=rng.randint(180, 1500))
            end = start + timedelta(days=rng.randint(365, 1460)) if rng.random() < 0.6 else None
            stage = ""
        end_year = end.year if end else reference_day.year + 2
        last_year = max(start.year, reference_day.year - rng.randint(0, 1))

        # Money and partnerships.
        budget = unmet = None
        currency, funding_sources = "USD", ""
        if rng.random() < 0.8:
            usd = 10 ** rng.uniform(4.3, 6.7)
            country = government["country"]
            rate = 1
            if country in data.EURO_COUNTRIES and rng.random() < 0.9:
                currency, rate = "EUR", 0.92
            elif country in data.LOCAL_CURRENCIES and rng.random() < 0.55:
                currency, rate = data.LOCAL_CURRENCIES[country]
            elif rng.random() < 0.1:
                currency, rate = "EUR", 0.92
            budget = Decimal(round_significant(usd * rate, 3))
            if rng.random() < 0.45:
                unmet = Decimal(round_significant(float(budget) * rng.uniform(0.1, 0.6), 2))
            others = [k for k in range(1, len(data.FUNDING_SOURCES["en"]))
                      if k != data.EU_FUND_INDEX or government["country"] in data.EU_COUNTRIES]
            sources = [0] + sorted(rng.sample(others, rng.randint(0, 2)))
            funding_sources = "; ".join(data.FUNDING_SOURCES[original][k] for k in sources)
        partnership_sought = ""
        if rng.random() < (0.55 if is_pledge else 0.3):
            picks = rng.sample(range(len(data.PARTNERSHIP_SOUGHT["en"])), rng.randint(1, 2))
            partnership_sought = " ".join(data.PARTNERSHIP_SOUGHT[original][k] for k in picks)
        themes = set(template["themes"])
        candidates = [p for p in data.PARTNERS if not p[2] or themes.intersection(p[2])]
        partners = rng.sample(candidates, rng.randint(1, 4))

        # Joint pledges: mostly associations with their members, sometimes neighbouring governments.
        if co_pledgers is None:
            co_pledgers = []
            if is_pledge and status == Action.Status.PUBLISHED and rng.random() < (
                0.9 if gov.kind == Government.Kind.ASSOCIATION else 0.07
            ):
                for group in (self.by_country.get(government["country"], []),
                              self.by_subregion.get(government["subregion"], []),
                              self.by_region.get(government["region"], [])):
                    group = [g for g in group if g is not government]
                    if group:
                        chosen = rng.sample(group, rng.randint(1, min(3, len(group))))
                        co_pledgers = [
                            (g["obj"].pk, published_at - timedelta(days=rng.randint(1, 30), hours=rng.randint(0, 9)))
                            for g in chosen
                        ]
                        break

        # Classification.
        gcm = set(template["gcm"])
        if co_pledgers:
            gcm.add(23)
        areas = set(template["gcr_areas"])
        if complete_coverage:  # the last published action picks up whatever is still uncovered
            gcm |= set(self.gcm_numbers) - self.covered_gcm - gcm
            areas |= set(self.gcr_area_keys) - self.covered_areas - areas
        if status == Action.Status.PUBLISHED:
            self.covered_gcm |= gcm
            self.covered_areas |= areas
        principles = set(template["principles"])
        principles |= set(rng.sample([p for p in GENERIC_PRINCIPLES if p not in principles], rng.randint(0, 2)))
        sdgs = set(template["sdgs"])
        if rng.random() < 0.3:
            sdgs.add(11)
        if co_pledgers or len(partners) >= 3:
            sdgs.add(17)
        terms = {self.terms[("themes", k)] for k in template["themes"]}
        targets = list(template["targets"])
        terms |= {self.terms[("target_groups", k)] for k in rng.sample(targets, rng.randint(1, len(targets)))}
        if is_pledge and rng.random() < 0.7:
            terms |= set(rng.sample(self.pledge_type_ids, rng.randint(1, 2)))
        if is_pledge and template["gcr_areas"] and rng.random() < 0.6:
            terms |= set(rng.sample(self.contribution_type_ids, rng.randint(1, 2)))

        # Texts: the same choices in every language, written only in `languages`.
        qualifier = rng.randrange(3) if is_pledge and rng.random() < 0.25 else None
        intro = rng.randrange(len(data.INTRO_PLEDGE["en"] if is_pledge else data.INTRO_PRACTICE["en"]))
        approach = rng.sample(range(len(data.APPROACH["en"])), 2)
        results = data.RESULTS_PLEDGE if is_pledge else data.RESULTS_PRACTICE
        result = rng.randrange(len(results["en"]))
        goal_extras = rng.sample(range(len(data.EXTRA_GOALS["en"])), rng.randint(1, 2))
        low, high = template["scale"] if template["unit"] == "people" else (200, 5000)
        people = round_significant(rng.randint(low, high), 2)
        pct = rng.randint(40, 65)
        texts = {}
        for lang in LANGS:
            if lang not in languages:
                texts.update({f"{field}_{lang}": "" for field in ("title", "summary", "description", "goals")})
                continue
            title, summary, activities, goal, _indicator = template["text"][lang]
            values = {
                "city": data.SUBJECTS.get(government["name"], {}).get(lang)
                or data.SHORT_NAMES.get(government["name"], government["name"]),
                "start_year": start.year, "end_year": end_year, "last_year": last_year,
                "people": format_number(people, lang), "pct": format_percent(pct, lang),
            }
            opening = (data.INTRO_PLEDGE if is_pledge else data.INTRO_PRACTICE)[lang][intro].format(**values)
            partner_line = data.PARTNERS_LINE[lang].format(partners=join_names([p[1][lang] for p in partners], lang))
            description = "\n\n".join((
                f"{opening} {activities}",
                " ".join(data.APPROACH[lang][k] for k in approach),
                f"{partner_line} {results[lang][result].format(**values)}",
            ))
            goals = "\n".join([goal] + [data.EXTRA_GOALS[lang][k].format(**values) for k in goal_extras])
            if qualifier is not None:
                title += data.PLEDGE_QUALIFIERS[lang][qualifier]
            texts.update({
                f"title_{lang}": title, f"summary_{lang}": summary,
                f"description_{lang}": description, f"goals_{lang}": goals,
            })
        translation_status = {
            lang: ("checked" if rng.random() < 0.4 else "submitted") for lang in languages if lang != original
        }
        public_id = self.new_public_id()
        slug = slugify(texts[f"title_{original}"])[:80].strip("-") or "action"

        action = Action(
            public_id=public_id, slug=slug, kind=kind, status=status, stage=stage, government=gov,
            campaign=campaign, original_language=original, translation_status=translation_status,
            start_date=start, end_date=end, budget=budget, currency=currency, funding_sources=funding_sources,
            unmet_funding_need=unmet, partnership_sought=partnership_sought, created_by_id=created_by,
            published_at=published_at, reviewed_at=reviewed_at, **texts,
        )

        # Related rows, written in the original language (these fields are not translated).
        indicators = []
        if is_pledge:
            name = template["text"][original][4]
            unit = data.UNITS[template["unit"]][original]
            low, high = template["scale"]
            if template["unit"] == "percent":
                baseline, target = rng.randint(10, 45), rng.randint(low, high)
            else:
                target = max(1, round_significant(rng.randint(low, high), 2))
                baseline = 0 if rng.random() < 0.4 else round_significant(target * rng.uniform(0.05, 0.4), 2)
            indicators.append((name, unit, baseline, target, end))
            if rng.random() < 0.5:
                names, baselines, targets = rng.choice(data.EXTRA_INDICATORS)
                indicators.append((names[original], "%", rng.randint(*baselines), rng.randint(*targets), end))
        links = []
        for key, titles in rng.sample(data.LINK_TITLES, rng.choice((0, 1, 1, 2, 2, 3))):
            year = min(last_year, TODAY.year - 1)
            url = {
                "page": f"https://example.org/{gov.slug}/projects/{slug[:60]}",
                "report": f"https://example.org/{gov.slug}/reports/annual-report-{year}.pdf",
                "news": f"https://example.org/{gov.slug}/news/{reference_day:%Y-%m-%d}-{slug[:40]}",
                "evaluation": f"https://example.org/{gov.slug}/evaluations/{public_id}.pdf",
            }[key]
            links.append((url, titles[original].format(year=year)))

        extra = {
            "m2m": {
                "gcm_objectives": gcm, "guiding_principles": principles,
                "gcr_objectives": set(template["gcr_objectives"]), "gcr_areas": areas, "sdgs": sdgs, "terms": terms,
            },
            "co_pledgers": co_pledgers,
            "partners": [(p[1][original], p[0]) for p in partners],
            "indicators": indicators,
            "links": links,
            "wants_match": is_pledge and template["key"] in data.OFFERING_TEMPLATES and rng.random() < 0.6,
            "seeks_support": is_pledge and bool(partnership_sought or unmet),
        }
        return action, extra

    def flush(self, batch):
        """Write a batch of actions and everything attached to them, a few bulk statements per table."""
        actions = [action for action, _extra in batch]
        Action.objects.bulk_create(actions, batch_size=BATCH_SIZE)
        if any(action.pk is None for action in actions):  # backends that cannot return ids from bulk inserts
            ids = {}
            for part in chunks([a.public_id for a in actions], SQL_IN_CHUNK):
                ids.update(Action.objects.filter(public_id__in=part).values_list("public_id", "pk"))
            for action in actions:
                action.pk = ids[action.public_id]

        for name, (through, source, target) in self.m2m.items():
            rows = [
                through(**{source: action.pk, target: value})
                for action, extra in batch for value in sorted(extra["m2m"][name], key=str)
            ]
            through.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        CoPledger.objects.bulk_create(
            [
                CoPledger(action_id=a.pk, government_id=g, confirmed_at=when)
                for a, e in batch for g, when in e["co_pledgers"]
            ],
            batch_size=BATCH_SIZE,
        )
        Partner.objects.bulk_create(
            [Partner(action_id=a.pk, name=name, kind=kind) for a, e in batch for name, kind in e["partners"]],
            batch_size=BATCH_SIZE,
        )
        Indicator.objects.bulk_create(
            [
                Indicator(action_id=a.pk, name=name, unit=unit, baseline=Decimal(baseline), target=Decimal(target),
                          target_date=target_date)
                for a, e in batch for name, unit, baseline, target, target_date in e["indicators"]
            ],
            batch_size=BATCH_SIZE,
        )
        Link.objects.bulk_create(
            [Link(action_id=a.pk, url=url, title=title) for a, e in batch for url, title in e["links"]],
            batch_size=BATCH_SIZE,
        )

        published = [(a, e) for a, e in batch if a.status == Action.Status.PUBLISHED]
        self.pledge_count += sum(1 for a, _e in published if a.kind == Action.Kind.PLEDGE)
        self.match_pool += [
            (a.pk, a.government_id, a.published_at) for a, e in published if e["seeks_support"]
        ]
        # Matching pledges answer an earlier pledge of another government that seeks support.
        matched = []
        for action, extra in published:
            if not extra["wants_match"] or not self.match_pool:
                continue
            for _attempt in range(20):
                pk, government_id, when = self.rng.choice(self.match_pool)
                if government_id != action.government_id and when <= action.published_at:
                    action.matches_id = pk
                    matched.append(action)
                    break
        if matched:
            Action.objects.bulk_update(matched, ["matches"], batch_size=500)

        # created_at/updated_at are auto_now(_add): bulk_create stamped the current time; back-date them.
        by_offset = {}
        for action, extra in published:
            by_offset.setdefault(extra["created_days"], []).append(action.pk)
        for days, pks in sorted(by_offset.items()):
            for part in chunks(pks, SQL_IN_CHUNK):
                Action.objects.filter(pk__in=part).update(
                    created_at=F("published_at") - timedelta(days=days),
                    submitted_at=F("published_at") - timedelta(days=max(1, days // 3)),
                    updated_at=Coalesce("reviewed_at", "published_at"),
                )
        others = [action for action, extra in batch if action.status != Action.Status.PUBLISHED]
        for action, extra in batch:
            if action.status != Action.Status.PUBLISHED:
                action.created_at, action.updated_at = extra["created_at"], extra["updated_at"]
        if others:
            Action.objects.bulk_update(others, ["created_at", "updated_at"], batch_size=500)
        reset_queries()  # with DEBUG on, the query log would otherwise hold thousands of huge INSERTs

    def create_unpublished_actions(self):
        rng = self.rng
        batch = []
        for spec in data.UNPUBLISHED:
            government = self.governments[spec["government"]]
            if not government["obj"].verified:
                raise CommandError(f"Unpublished demo action of unverified government {spec['government']}.")
            created_at = NOW - timedelta(days=spec["days_ago"], hours=rng.randint(0, 8))
            status = spec["status"]
            reviewed_at = submitted_at = None
            # The workflow's order: created, then submitted, then decided (or withdrawn).
            if status == Action.Status.SUBMITTED:
                submitted_at = created_at + timedelta(days=max(1, spec["days_ago"] // 3))
            elif status in (Action.Status.CHANGES_REQUESTED, Action.Status.REJECTED, Action.Status.WITHDRAWN):
                submitted_at = created_at + timedelta(days=max(1, spec["days_ago"] // 4))
            if status in (Action.Status.CHANGES_REQUESTED, Action.Status.REJECTED):
                reviewed_at = created_at + timedelta(days=max(1, spec["days_ago"] // 2))
                if not spec.get("note"):
                    raise CommandError(f"Demo action {spec['template']} ({status}) needs a reviewers' note.")
            co_pledgers = [(self.governments[name]["obj"].pk, None) for name in spec.get("co_pledgers", ())]
            created_by = self.users[spec["created_by"]].pk if "created_by" in spec else None
            action, extra = self.build_action(
                template=self.templates[spec["template"]], kind=spec["kind"], government=government,
                original=spec["languages"][0], languages=spec["languages"], status=status,
                campaign=self.campaigns.get(spec.get("campaign")), published_at=None, reviewed_at=reviewed_at,
                created_by=created_by, reference_day=created_at.date(), co_pledgers=co_pledgers,
            )
            if spec["kind"] == Action.Kind.PLEDGE:
                action.stage = Action.Stage.PLANNING
            action.submitted_at = submitted_at
            action.review_note = spec.get("note", "")
            extra["created_at"] = created_at
            updated_at = max(filter(None, (created_at + timedelta(days=1), submitted_at, reviewed_at)))
            if status == Action.Status.WITHDRAWN:
                updated_at = submitted_at + timedelta(days=30)
            extra["updated_at"] = min(NOW, updated_at)
            extra["spec"] = spec
            batch.append((action, extra))
        self.flush(batch)
        self.unpublished = batch
        return len(batch)
