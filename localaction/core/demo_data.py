"""Content for `manage.py seed_demo`: DEMO ONLY.

The governments are real local and regional governments (names, approximate coordinates and populations from
public sources, rounded), but every action, partner list, figure and link attached to them by the seed is
invented for demonstration. Nothing here may be presented as a real commitment of these governments.

The persona accounts all share DEMO_PASSWORD; never run the seed on a public deployment.

Texts are templates: {city} is the lead government (always at the start of a sentence, see `subject`),
{start_year}, {end_year}, {last_year}, {people} and {pct} are filled in per action. Each template has an
English, French and Spanish version so that the seed can write an action in one language and translate it.
"""
from localaction.accounts.models import Roles

SEED = 20261129
DEMO_PASSWORD = "localaction-demo"  # Demo only: shared by every persona account. Never use on a public site.

GOVERNMENT_A = "Montréal"
GOVERNMENT_B = "Bogotá"

# Persona accounts for trying every role. "government"/"membership" give a Membership; "group" a platform role.
PERSONAS = [
    {
        "email": "admin@localaction.test",
        "full_name": "Alex Morgan",
        "language": "en",
        "role": "Administrator (superuser and staff: Django admin, every role)",
        "superuser": True,
    },
    {
        "email": "reviewer@localaction.test",
        "full_name": "Rahel Mekonnen",
        "language": "en",
        "role": "Reviewer (group “reviewers”): verifies governments, reviews and publishes actions",
        "group": Roles.REVIEWER,
    },
    {
        "email": "fund.manager@localaction.test",
        "full_name": "Jonas Lindqvist",
        "language": "en",
        "role": "Fund manager (group “fund_managers”)",
        "group": Roles.FUND_MANAGER,
    },
    {
        "email": "evaluator@localaction.test",
        "full_name": "Aïcha Diallo",
        "language": "fr",
        "role": "Evaluator (group “evaluators”)",
        "group": Roles.EVALUATOR,
    },
    {
        "email": "focal.point@localaction.test",
        "full_name": "Geneviève Tremblay",
        "language": "fr",
        "role": f"Focal point of {GOVERNMENT_A} (government A): manages its members and actions",
        "government": GOVERNMENT_A,
        "membership": "focal_point",
    },
    {
        "email": "editor@localaction.test",
        "full_name": "Samir Haddad",
        "language": "en",
        "role": f"Editor for {GOVERNMENT_A} (government A): writes its actions",
        "government": GOVERNMENT_A,
        "membership": "editor",
    },
    {
        "email": "member.b@localaction.test",
        "full_name": "Catalina Rojas",
        "language": "es",
        "role": f"Focal point of {GOVERNMENT_B} (government B)",
        "government": GOVERNMENT_B,
        "membership": "focal_point",
    },
]

# --- Governments -------------------------------------------------------------------------------------------
# (name, ISO 3166 alpha-2, kind, latitude, longitude, population or None, content language)
# Kinds: m = municipality, met = metropolitan, r = region, a = association of governments.
# Populations are recent census figures or official estimates, rounded; coordinates are the city centre
# (or the seat of the association).
GOVERNMENTS = [
    # Africa: Eastern Africa
    ("Nairobi", "KE", "m", -1.28638, 36.81723, 4397073, "en"),
    ("Mombasa", "KE", "m", -4.04374, 39.66821, 1208333, "en"),
    ("Turkana County", "KE", "r", 3.11911, 35.59727, 926976, "en"),
    ("Kampala", "UG", "m", 0.34760, 32.58252, 1680600, "en"),
    ("Addis Ababa", "ET", "m", 9.03000, 38.74000, 3860000, "en"),
    ("Kigali", "RW", "m", -1.94407, 30.06187, 1745555, "en"),
    ("Dar es Salaam", "TZ", "m", -6.79235, 39.20833, 5383728, "en"),
    ("Mogadishu", "SO", "m", 2.04637, 45.31816, 2600000, "en"),
    ("Lusaka", "ZM", "m", -15.41667, 28.28333, 3079964, "en"),
    ("Harare", "ZW", "m", -17.82922, 31.05389, 1849600, "en"),
    ("Maputo", "MZ", "m", -25.96553, 32.58322, 1088449, "en"),
    ("Antananarivo", "MG", "m", -18.87919, 47.50791, 1275207, "fr"),
    ("Djibouti", "DJ", "m", 11.58901, 43.14503, 603900, "fr"),
    # Africa: Middle Africa
    ("Kinshasa", "CD", "r", -4.32758, 15.31357, 17000000, "fr"),
    ("Goma", "CD", "m", -1.67409, 29.22845, 670000, "fr"),
    ("Douala", "CM", "met", 4.05111, 9.76790, 3900000, "fr"),
    ("Yaoundé", "CM", "m", 3.84803, 11.50208, 4100000, "fr"),
    ("Libreville", "GA", "m", 0.41620, 9.46730, 703904, "fr"),
    ("N’Djamena", "TD", "m", 12.13489, 15.05574, 1532588, "fr"),
    ("Bangui", "CF", "m", 4.39407, 18.55819, 889231, "fr"),
    # Africa: Northern Africa
    ("Rabat", "MA", "m", 34.02088, -6.84165, 577827, "fr"),
    ("Casablanca", "MA", "m", 33.57311, -7.58984, 3218036, "fr"),
    ("Tanger", "MA", "m", 35.75947, -5.83395, 1275428, "fr"),
    ("Oujda", "MA", "m", 34.68139, -1.90858, 494252, "fr"),
    ("Tunis", "TN", "m", 36.80649, 10.18153, 638845, "fr"),
    ("Sfax", "TN", "m", 34.74056, 10.76028, 330440, "fr"),
    ("Cairo Governorate", "EG", "r", 30.04442, 31.23571, 10100000, "en"),
    ("Oran", "DZ", "m", 35.69707, -0.63078, 803329, "fr"),
    # Africa: Southern Africa
    ("City of Johannesburg", "ZA", "met", -26.20410, 28.04731, 4803262, "en"),
    ("City of Cape Town", "ZA", "met", -33.92487, 18.42406, 4772846, "en"),
    ("eThekwini Metropolitan Municipality", "ZA", "met", -29.85868, 31.02184, 4239901, "en"),
    ("Gaborone", "BW", "m", -24.65451, 25.90859, 246325, "en"),
    ("Windhoek", "NA", "m", -22.55941, 17.08323, 486169, "en"),
    ("Maseru", "LS", "m", -29.31667, 27.48333, 330760, "en"),
    # Africa: Western Africa
    ("Dakar", "SN", "m", 14.69370, -17.44406, 1438725, "fr"),
    ("Saint-Louis", "SN", "m", 16.01793, -16.48962, 254171, "fr"),
    ("Abidjan", "CI", "met", 5.35995, -4.00826, 5616633, "fr"),
    ("Union des Villes et Communes de Côte d’Ivoire", "CI", "a", 5.32357, -4.02357, None, "fr"),
    ("Bamako", "ML", "m", 12.63923, -8.00289, 2817453, "fr"),
    ("Kayes", "ML", "m", 14.44693, -11.44119, 127368, "fr"),
    ("Niamey", "NE", "m", 13.51366, 2.10980, 1334984, "fr"),
    ("Agadez", "NE", "m", 16.97333, 7.99111, 124324, "fr"),
    ("Ouagadougou", "BF", "m", 12.36566, -1.53388, 2415266, "fr"),
    ("Cotonou", "BJ", "m", 6.36536, 2.41833, 679012, "fr"),
    ("Lomé", "TG", "met", 6.13748, 1.21227, 2188376, "fr"),
    ("Conakry", "GN", "m", 9.53795, -13.67729, 1660973, "fr"),
    ("Nouakchott", "MR", "m", 18.07353, -15.95817, 1195600, "fr"),
    ("Lagos State", "NG", "r", 6.52438, 3.37921, 15400000, "en"),
    ("Accra Metropolitan Assembly", "GH", "met", 5.55602, -0.19690, 284124, "en"),
    ("Freetown City Council", "SL", "m", 8.46555, -13.23172, 1055964, "en"),
    # Americas: Northern America
    ("Montréal", "CA", "m", 45.50169, -73.56725, 1762949, "fr"),
    ("Ville de Québec", "CA", "m", 46.81388, -71.20798, 549459, "fr"),
    ("Toronto", "CA", "m", 43.65348, -79.38393, 2794356, "en"),
    ("Vancouver", "CA", "m", 49.28273, -123.12074, 662248, "en"),
    ("New York City", "US", "m", 40.71278, -74.00597, 8804190, "en"),
    ("Los Angeles", "US", "m", 34.05223, -118.24368, 3898747, "en"),
    ("Chicago", "US", "m", 41.87811, -87.62980, 2746388, "en"),
    ("Houston", "US", "m", 29.76043, -95.36980, 2304580, "en"),
    # Americas: Central America
    ("Ciudad de México", "MX", "r", 19.43261, -99.13321, 9209944, "es"),
    ("Tijuana", "MX", "m", 32.51495, -117.03824, 1922523, "es"),
    ("Ciudad Juárez", "MX", "m", 31.69036, -106.42455, 1512450, "es"),
    ("Tapachula", "MX", "m", 14.90385, -92.25749, 353706, "es"),
    ("Guadalajara", "MX", "m", 20.65970, -103.34961, 1385629, "es"),
    ("Ciudad de Guatemala", "GT", "m", 14.63490, -90.50688, 923392, "es"),
    ("San Salvador", "SV", "m", 13.69294, -89.21819, 316090, "es"),
    ("Tegucigalpa", "HN", "m", 14.07230, -87.19211, 1190000, "es"),
    ("San José", "CR", "m", 9.92807, -84.09072, 352381, "es"),
    ("Ciudad de Panamá", "PA", "m", 8.98303, -79.51973, 880691, "es"),
    # Americas: Caribbean
    ("Santo Domingo", "DO", "m", 18.48605, -69.93121, 1029110, "es"),
    ("Port-au-Prince", "HT", "m", 18.59443, -72.30742, 987310, "fr"),
    ("Kingston and St. Andrew Municipal Corporation", "JM", "met", 17.99702, -76.79358, 662426, "en"),
    ("Port of Spain", "TT", "m", 10.65456, -61.50192, 37074, "en"),
    ("San Juan", "PR", "m", 18.46633, -66.10572, 342259, "es"),
    # Americas: South America
    ("Bogotá", "CO", "m", 4.71099, -74.07209, 7907281, "es"),
    ("Medellín", "CO", "m", 6.24421, -75.58121, 2612958, "es"),
    ("Cúcuta", "CO", "m", 7.89391, -72.50782, 777106, "es"),
    ("Barranquilla", "CO", "m", 10.96854, -74.78132, 1274250, "es"),
    ("Federación Colombiana de Municipios", "CO", "a", 4.65289, -74.06041, None, "es"),
    ("Quito", "EC", "met", -0.18065, -78.46784, 2679722, "es"),
    ("Guayaquil", "EC", "m", -2.17099, -79.92235, 2650288, "es"),
    ("Municipalidad Metropolitana de Lima", "PE", "met", -12.04637, -77.04279, 9700000, "es"),
    ("Buenos Aires", "AR", "m", -34.60372, -58.38159, 3121707, "es"),
    ("Montevideo", "UY", "m", -34.90111, -56.16453, 1319108, "es"),
    ("Santiago", "CL", "m", -33.44889, -70.66927, 503147, "es"),
    ("La Paz", "BO", "m", -16.48971, -68.11929, 755732, "es"),
    ("Asunción", "PY", "m", -25.26374, -57.57593, 462241, "es"),
    ("São Paulo", "BR", "m", -23.55052, -46.63331, 11451245, "en"),
    ("Boa Vista", "BR", "m", 2.82351, -60.67533, 413486, "en"),
    # Asia: Central Asia
    ("Almaty", "KZ", "m", 43.23800, 76.88970, 2161335, "en"),
    ("Bishkek", "KG", "m", 42.87462, 74.56976, 1145600, "en"),
    ("Tashkent", "UZ", "m", 41.29950, 69.24007, 2956384, "en"),
    ("Dushanbe", "TJ", "m", 38.55977, 68.78706, 1201800, "en"),
    # Asia: Eastern Asia
    ("Seoul Metropolitan Government", "KR", "met", 37.56654, 126.97797, 9386034, "en"),
    ("Ansan", "KR", "m", 37.32185, 126.83085, 650728, "en"),
    ("Hamamatsu", "JP", "m", 34.71085, 137.72626, 790718, "en"),
    ("Shinjuku City", "JP", "m", 35.69384, 139.70355, 349385, "en"),
    ("Ulaanbaatar", "MN", "m", 47.88641, 106.90574, 1672627, "en"),
    # Asia: South-eastern Asia
    ("Bangkok Metropolitan Administration", "TH", "met", 13.75633, 100.50177, 5494932, "en"),
    ("Jakarta Provincial Government", "ID", "r", -6.20876, 106.84559, 10679951, "en"),
    ("Quezon City", "PH", "m", 14.67604, 121.04370, 2960048, "en"),
    ("Kuala Lumpur City Hall", "MY", "m", 3.13900, 101.68685, 1982112, "en"),
    ("Phnom Penh Capital Administration", "KH", "m", 11.55637, 104.92822, 2281951, "en"),
    ("Makassar", "ID", "m", -5.14766, 119.43272, 1423877, "en"),
    # Asia: Southern Asia
    ("Dhaka North City Corporation", "BD", "met", 23.79270, 90.40780, 5980000, "en"),
    ("Kathmandu Metropolitan City", "NP", "met", 27.71725, 85.32396, 845767, "en"),
    ("Karachi Metropolitan Corporation", "PK", "met", 24.86075, 67.00114, 20382881, "en"),
    ("Kerala", "IN", "r", 10.85052, 76.27108, 33406061, "en"),
    ("Colombo Municipal Council", "LK", "m", 6.92708, 79.86124, 752993, "en"),
    ("Tehran", "IR", "m", 35.68919, 51.38897, 8693706, "en"),
    # Asia: Western Asia
    ("Gaziantep Metropolitan Municipality", "TR", "met", 37.06622, 37.38332, 2154051, "en"),
    ("Şanlıurfa Metropolitan Municipality", "TR", "met", 37.15917, 38.79167, 2170110, "en"),
    ("Sultanbeyli", "TR", "m", 40.96072, 29.27067, 327798, "en"),
    ("Marmara Municipalities Union", "TR", "a", 41.00824, 28.97836, None, "en"),
    ("Greater Amman Municipality", "JO", "met", 31.95390, 35.91064, 4642000, "en"),
    ("Irbid", "JO", "m", 32.55560, 35.85000, 502714, "en"),
    ("Beirut", "LB", "m", 33.89332, 35.50157, 433000, "en"),
    ("Tbilisi", "GE", "m", 41.71513, 44.82710, 1202731, "en"),
    ("Yerevan", "AM", "m", 40.18720, 44.51521, 1092800, "en"),
    ("Erbil", "IQ", "m", 36.19107, 44.00917, 1600000, "en"),
    # Europe: Eastern Europe
    ("Warsaw", "PL", "m", 52.22977, 21.01178, 1861975, "en"),
    ("Kraków", "PL", "m", 50.06465, 19.94498, 804237, "en"),
    ("Chișinău", "MD", "m", 47.01052, 28.86381, 639000, "en"),
    ("Bucharest", "RO", "m", 44.42676, 26.10254, 1716961, "en"),
    ("Prague", "CZ", "m", 50.07554, 14.43780, 1357326, "en"),
    ("Lviv", "UA", "m", 49.83968, 24.02972, 717273, "en"),
    # Europe: Northern Europe
    ("Dublin City Council", "IE", "m", 53.34981, -6.26031, 592713, "en"),
    ("Helsinki", "FI", "m", 60.16986, 24.93838, 674963, "en"),
    ("Gothenburg", "SE", "m", 57.70887, 11.97456, 604616, "en"),
    ("Oslo", "NO", "m", 59.91387, 10.75225, 717710, "en"),
    ("Bristol City Council", "GB", "m", 51.45451, -2.58791, 472465, "en"),
    ("Glasgow City Council", "GB", "m", 55.86424, -4.25181, 635130, "en"),
    # Europe: Southern Europe
    ("Barcelona", "ES", "m", 41.38506, 2.17340, 1655956, "es"),
    ("Madrid", "ES", "m", 40.41678, -3.70379, 3332035, "es"),
    ("Gobierno de Canarias", "ES", "r", 28.46824, -16.25462, 2238754, "es"),
    ("Athens", "GR", "m", 37.98381, 23.72754, 643452, "en"),
    ("Milan", "IT", "m", 45.46427, 9.18951, 1371498, "en"),
    ("Palermo", "IT", "m", 38.11569, 13.36148, 630167, "en"),
    ("Lampedusa e Linosa", "IT", "m", 35.50090, 12.60560, 6556, "en"),
    ("Lisbon", "PT", "m", 38.72225, -9.13934, 545796, "en"),
    # Europe: Western Europe
    ("Lyon", "FR", "m", 45.76404, 4.83566, 522250, "fr"),
    ("Grenoble", "FR", "m", 45.18853, 5.72452, 156107, "fr"),
    ("Paris", "FR", "m", 48.85661, 2.35222, 2102650, "fr"),
    ("Région de Bruxelles-Capitale", "BE", "r", 50.85034, 4.35171, 1249597, "fr"),
    ("Genève", "CH", "m", 46.20439, 6.14316, 203856, "fr"),
    ("Luxembourg", "LU", "m", 49.61162, 6.13193, 134714, "fr"),
    ("Amsterdam", "NL", "m", 52.36757, 4.90415, 931298, "en"),
    ("Utrecht", "NL", "m", 52.09074, 5.12142, 367984, "en"),
    ("Berlin", "DE", "r", 52.52000, 13.40495, 3878100, "en"),
    ("Vienna", "AT", "m", 48.20817, 16.37382, 2005760, "en"),
    ("Zürich", "CH", "m", 47.37689, 8.54169, 447082, "en"),
    # Oceania
    ("City of Melbourne", "AU", "m", -37.81362, 144.96305, 169961, "en"),
    ("City of Sydney", "AU", "m", -33.86882, 151.20929, 211632, "en"),
    ("Fairfield City Council", "AU", "m", -33.87200, 150.95610, 209030, "en"),
    ("Brisbane City Council", "AU", "m", -27.46977, 153.02512, 1264024, "en"),
    ("Auckland Council", "NZ", "met", -36.84846, 174.76334, 1693000, "en"),
    ("Wellington City Council", "NZ", "m", -41.28646, 174.77624, 215400, "en"),
    ("Suva City Council", "FJ", "m", -18.14161, 178.44149, 93970, "en"),
    ("National Capital District Commission", "PG", "m", -9.44380, 147.18027, 364145, "en"),
    ("Honiara City Council", "SB", "m", -9.44559, 159.97290, 92344, "en"),
    ("Port Vila Municipal Council", "VU", "m", -17.73381, 168.32188, 51437, "en"),
    ("Nouméa", "NC", "m", -22.27631, 166.45720, 94285, "fr"),
    ("Majuro Atoll Local Government", "MH", "m", 7.08971, 171.38027, 23156, "en"),
    ("Papeete", "PF", "m", -17.53733, -149.56960, 26926, "fr"),
]

# Registered but not yet verified: they cannot publish, so the seed gives them no actions.
UNVERIFIED = {"Maseru", "Dushanbe", "Honiara City Council", "Oran", "Houston", "Guadalajara"}

# How texts refer to a government at the start of a sentence, when its name alone does not read well.
SUBJECTS = {
    "Union des Villes et Communes de Côte d’Ivoire": {
        "en": "The Union of Cities and Municipalities of Côte d’Ivoire",
        "fr": "L’Union des Villes et Communes de Côte d’Ivoire",
        "es": "La Unión de Ciudades y Municipios de Côte d’Ivoire",
    },
    "Federación Colombiana de Municipios": {
        "en": "The Colombian Federation of Municipalities",
        "fr": "La Fédération colombienne des municipalités",
        "es": "La Federación Colombiana de Municipios",
    },
    "Marmara Municipalities Union": {
        "en": "The Marmara Municipalities Union",
        "fr": "L’Union des municipalités de Marmara",
        "es": "La Unión de Municipios de Mármara",
    },
    "Gobierno de Canarias": {
        "en": "The Government of the Canary Islands",
        "fr": "Le gouvernement des Canaries",
        "es": "El Gobierno de Canarias",
    },
    "Région de Bruxelles-Capitale": {
        "en": "The Brussels-Capital Region",
        "fr": "La Région de Bruxelles-Capitale",
        "es": "La Región de Bruselas-Capital",
    },
    "Ville de Québec": {"en": "Québec City", "fr": "La Ville de Québec", "es": "La ciudad de Quebec"},
    "Ciudad de México": {"en": "Mexico City", "fr": "Mexico", "es": "La Ciudad de México"},
    "Ciudad de Guatemala": {"en": "Guatemala City", "fr": "Guatemala", "es": "La Ciudad de Guatemala"},
    "Ciudad de Panamá": {"en": "Panama City", "fr": "Panama", "es": "La Ciudad de Panamá"},
    "Municipalidad Metropolitana de Lima": {"en": "Lima", "fr": "Lima", "es": "La Municipalidad Metropolitana de Lima"},
    "Kinshasa": {"en": "Kinshasa", "fr": "La ville-province de Kinshasa", "es": "Kinsasa"},
    "Cairo Governorate": {"en": "Cairo Governorate", "fr": "Le gouvernorat du Caire", "es": "La gobernación de El Cairo"},
}
# Plain short forms ("Cape Town" for "City of Cape Town"), used in every language.
SHORT_NAMES = {
    "City of Johannesburg": "Johannesburg",
    "City of Cape Town": "Cape Town",
    "eThekwini Metropolitan Municipality": "eThekwini",
    "Accra Metropolitan Assembly": "Accra",
    "Freetown City Council": "Freetown",
    "Kingston and St. Andrew Municipal Corporation": "Kingston",
    "Seoul Metropolitan Government": "Seoul",
    "Bangkok Metropolitan Administration": "Bangkok",
    "Jakarta Provincial Government": "Jakarta",
    "Kuala Lumpur City Hall": "Kuala Lumpur",
    "Phnom Penh Capital Administration": "Phnom Penh",
    "Dhaka North City Corporation": "Dhaka North",
    "Kathmandu Metropolitan City": "Kathmandu",
    "Karachi Metropolitan Corporation": "Karachi",
    "Colombo Municipal Council": "Colombo",
    "Gaziantep Metropolitan Municipality": "Gaziantep",
    "Şanlıurfa Metropolitan Municipality": "Şanlıurfa",
    "Greater Amman Municipality": "Amman",
    "Dublin City Council": "Dublin",
    "Bristol City Council": "Bristol",
    "Glasgow City Council": "Glasgow",
    "City of Melbourne": "Melbourne",
    "City of Sydney": "Sydney",
    "Fairfield City Council": "Fairfield",
    "Brisbane City Council": "Brisbane",
    "Auckland Council": "Auckland",
    "Wellington City Council": "Wellington",
    "Suva City Council": "Suva",
    "National Capital District Commission": "Port Moresby",
    "Honiara City Council": "Honiara",
    "Port Vila Municipal Council": "Port Vila",
    "Majuro Atoll Local Government": "Majuro",
    "Turkana County": "Turkana County",
}

# --- Money -------------------------------------------------------------------------------------------------
EURO_COUNTRIES = {"AT", "BE", "DE", "ES", "FI", "FR", "GR", "IE", "IT", "LU", "NL", "PT"}
EU_COUNTRIES = EURO_COUNTRIES | {"CZ", "PL", "RO", "SE"}
# Local currency and a rough number of units per US dollar, for budgets written in local currency.
LOCAL_CURRENCIES = {
    "CA": ("CAD", 1.35), "CO": ("COP", 4000), "MX": ("MXN", 18), "SN": ("XOF", 600), "CI": ("XOF", 600),
    "ML": ("XOF", 600), "NE": ("XOF", 600), "BF": ("XOF", 600), "BJ": ("XOF", 600), "TG": ("XOF", 600),
    "CM": ("XAF", 600), "GA": ("XAF", 600), "TD": ("XAF", 600), "CF": ("XAF", 600), "KE": ("KES", 130),
    "ZA": ("ZAR", 18), "MA": ("MAD", 10), "TN": ("TND", 3.1), "GB": ("GBP", 0.8), "CH": ("CHF", 0.9),
    "SE": ("SEK", 10.5), "NO": ("NOK", 10.5), "PL": ("PLN", 4), "JP": ("JPY", 150), "KR": ("KRW", 1350),
    "AU": ("AUD", 1.5), "NZ": ("NZD", 1.65), "TR": ("TRY", 32), "BR": ("BRL", 5), "PE": ("PEN", 3.7),
    "CL": ("CLP", 900), "IN": ("INR", 83), "PH": ("PHP", 56), "TH": ("THB", 35), "ID": ("IDR", 15500),
    "GT": ("GTQ", 7.8), "CR": ("CRC", 520), "DO": ("DOP", 58), "UY": ("UYU", 39), "JO": ("JOD", 0.71),
    "BD": ("BDT", 110), "NP": ("NPR", 133), "NG": ("NGN", 1500), "GH": ("GHS", 12), "RW": ("RWF", 1300),
    "UG": ("UGX", 3800), "TZ": ("TZS", 2500), "CZ": ("CZK", 23), "RO": ("RON", 4.6), "FJ": ("FJD", 2.25),
    "PF": ("XPF", 110), "NC": ("XPF", 110),
}

# --- Campaigns ---------------------------------------------------------------------------------------------
# (slug, forum, forum date, opens on, closes on, names, descriptions)
CAMPAIGNS = [
    (
        "grf-2019", "grf", "2019-12-17", "2019-06-01", "2019-12-10",
        {"en": "GRF 2019", "fr": "FMR 2019", "es": "FMR 2019"},
        {
            "en": "Pledges and practices of local and regional governments for the first Global Refugee Forum.",
            "fr": "Engagements et pratiques des collectivités locales et régionales pour le premier Forum mondial sur les réfugiés.",
            "es": "Compromisos y prácticas de los gobiernos locales y regionales para el primer Foro Mundial sobre los Refugiados.",
        },
    ),
    (
        "imrf-2022", "imrf", "2022-05-17", "2021-09-01", "2022-04-30",
        {"en": "IMRF 2022 — first cohort", "fr": "FEMI 2022 — première cohorte", "es": "FEMI 2022 — primera cohorte"},
        {
            "en": "The first cohort of local actions collected for the International Migration Review Forum 2022.",
            "fr": "La première cohorte d’actions locales recueillies pour le Forum d’examen des migrations internationales de 2022.",
            "es": "La primera cohorte de acciones locales reunidas para el Foro de Examen de la Migración Internacional de 2022.",
        },
    ),
    (
        "grf-2023", "grf", "2023-12-13", "2023-03-01", "2023-11-30",
        {"en": "GRF 2023", "fr": "FMR 2023", "es": "FMR 2023"},
        {
            "en": "Local and regional pledges and practices for the Global Refugee Forum 2023.",
            "fr": "Engagements et pratiques locales et régionales pour le Forum mondial sur les réfugiés 2023.",
            "es": "Compromisos y prácticas locales y regionales para el Foro Mundial sobre los Refugiados 2023.",
        },
    ),
    (
        "imrf-2026", "imrf", "2026-05-05", "2025-06-01", "2026-04-15",
        {"en": "IMRF 2026", "fr": "FEMI 2026", "es": "FEMI 2026"},
        {
            "en": "Local actions submitted for the second International Migration Review Forum.",
            "fr": "Actions locales soumises pour le deuxième Forum d’examen des migrations internationales.",
            "es": "Acciones locales presentadas para el segundo Foro de Examen de la Migración Internacional.",
        },
    ),
    (
        "grf-2027", "grf", "2027-12-14", "2026-09-01", "2027-10-31",
        {"en": "GRF 2027", "fr": "FMR 2027", "es": "FMR 2027"},
        {
            "en": "Submissions are open: pledges and practices of local and regional governments for the Global Refugee Forum 2027.",
            "fr": "Les soumissions sont ouvertes : engagements et pratiques des collectivités locales et régionales pour le Forum mondial sur les réfugiés 2027.",
            "es": "Convocatoria abierta: compromisos y prácticas de los gobiernos locales y regionales para el Foro Mundial sobre los Refugiados 2027.",
        },
    ),
]
IMRF_CAMPAIGNS = ("imrf-2022", "imrf-2026")
GRF_CAMPAIGNS = ("grf-2019", "grf-2023", "grf-2027")

# --- Vocabulary for numbers --------------------------------------------------------------------------------
UNITS = {
    "people": {"en": "people", "fr": "personnes", "es": "personas"},
    "households": {"en": "households", "fr": "ménages", "es": "hogares"},
    "families": {"en": "families", "fr": "familles", "es": "familias"},
    "children": {"en": "children", "fr": "enfants", "es": "niñas y niños"},
    "visits": {"en": "visits", "fr": "visites", "es": "visitas"},
    "cards": {"en": "cards", "fr": "cartes", "es": "tarjetas"},
    "businesses": {"en": "businesses", "fr": "entreprises", "es": "empresas"},
    "datasets": {"en": "datasets", "fr": "jeux de données", "es": "conjuntos de datos"},
    "documents": {"en": "documents", "fr": "documents", "es": "documentos"},
    "projects": {"en": "projects", "fr": "projets", "es": "proyectos"},
    "incidents": {"en": "incidents", "fr": "incidents", "es": "incidentes"},
    "proposals": {"en": "proposals", "fr": "avis", "es": "propuestas"},
    "scholarships": {"en": "scholarships", "fr": "bourses", "es": "becas"},
    "exchanges": {"en": "exchanges", "fr": "échanges", "es": "intercambios"},
    "requests": {"en": "requests", "fr": "demandes", "es": "consultas"},
    "cases": {"en": "cases", "fr": "dossiers", "es": "casos"},
    "percent": {"en": "%", "fr": "%", "es": "%"},
}

# --- Action templates --------------------------------------------------------------------------------------
# Each language: (title, summary, activities, goal, indicator name).


def _template(key, *, themes, targets, gcm, sdgs, en, fr, es, gcr_areas=(), gcr_objectives=(), principles=(),
              kinds="both", focus="migration", places=(), unit="people", scale=(100, 1000)):
    return {
        "key": key,
        "themes": tuple(themes),
        "targets": tuple(targets),
        "gcm": tuple(gcm),
        "gcr_areas": tuple(gcr_areas),
        "gcr_objectives": tuple(gcr_objectives),
        "principles": tuple(principles),
        "sdgs": tuple(sdgs),
        "kinds": kinds,  # "practice", "pledge" or "both"
        "focus": focus,  # "migration" (IMRF campaigns), "refugee" (GRF campaigns) or "both"
        "places": tuple(places),  # if set, only these governments lead this kind of action
        "unit": unit,
        "scale": scale,  # range of the indicator target
        "text": {"en": en, "fr": fr, "es": es},
    }


ORIGIN_PLACES = (
    "Dakar", "Kayes", "Bamako", "Niamey", "Ouagadougou", "Conakry", "Freetown City Council", "Addis Ababa",
    "Mogadishu", "Tegucigalpa", "San Salvador", "Ciudad de Guatemala", "Kathmandu Metropolitan City",
    "Colombo Municipal Council", "Dhaka North City Corporation", "Yerevan", "Tbilisi", "Chișinău", "Kerala",
    "Quezon City", "Port-au-Prince", "Tashkent", "Bishkek",
)

TEMPLATES = [
    _template(
        "health_navigators", themes=["health", "services"], targets=["migrants", "refugees", "asylum_seekers"],
        gcm=[15, 3, 22], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[3, 10],
        principles=["people_centred", "human_rights"], focus="both", scale=(300, 4000),
        en=(
            "Multilingual health navigators for newcomers",
            "Trained navigators who speak newcomers’ languages help them register with a clinic, understand their rights and keep their appointments.",
            "Navigators hold drop-in hours in community centres, accompany patients to first appointments and flag barriers to the health authority.",
            "Every newcomer who needs it is registered with a primary care clinic within three months of arrival.",
            "People accompanied by a health navigator",
        ),
        fr=(
            "Médiateurs de santé multilingues pour les personnes nouvellement arrivées",
            "Des médiateurs formés, qui parlent les langues des personnes nouvellement arrivées, les aident à s’inscrire dans un centre de santé, à connaître leurs droits et à se rendre à leurs rendez-vous.",
            "Les médiateurs tiennent des permanences dans les centres communautaires, accompagnent les patients à leurs premiers rendez-vous et signalent les obstacles à l’autorité sanitaire.",
            "Toute personne nouvellement arrivée qui en a besoin est inscrite dans un centre de soins primaires dans les trois mois suivant son arrivée.",
            "Personnes accompagnées par un médiateur de santé",
        ),
        es=(
            "Promotores de salud multilingües para personas recién llegadas",
            "Promotores capacitados que hablan los idiomas de las personas recién llegadas las ayudan a inscribirse en un centro de salud, conocer sus derechos y acudir a sus citas.",
            "Los promotores atienden en centros comunitarios, acompañan a los pacientes a sus primeras citas y señalan los obstáculos a la autoridad sanitaria.",
            "Toda persona recién llegada que lo necesite queda inscrita en un centro de atención primaria en los tres meses siguientes a su llegada.",
            "Personas acompañadas por un promotor de salud",
        ),
    ),
    _template(
        "welcome_centre", themes=["reception", "services"], targets=["refugees", "migrants", "asylum_seekers"],
        gcm=[15, 3, 16], gcr_areas=["protection_capacity", "solutions"], gcr_objectives=[1, 2], sdgs=[10, 11, 16],
        principles=["people_centred", "whole_of_government"], focus="both", unit="visits", scale=(2000, 30000),
        en=(
            "One-stop welcome centre for refugees and migrants",
            "A single address where newcomers find information, legal advice, language classes and referrals to municipal and partner services.",
            "The centre brings together municipal staff, legal counsellors, interpreters and civil society organisations under one roof, with evening opening hours twice a week.",
            "No newcomer has to visit more than one office to find out about the services they are entitled to.",
            "Visits to the welcome centre",
        ),
        fr=(
            "Guichet unique d’accueil pour les personnes réfugiées et migrantes",
            "Une seule adresse où les personnes nouvellement arrivées trouvent information, conseil juridique, cours de langue et orientation vers les services municipaux et associatifs.",
            "Le guichet réunit agents municipaux, juristes, interprètes et associations dans un même lieu, avec une ouverture en soirée deux fois par semaine.",
            "Aucune personne nouvellement arrivée ne doit se rendre dans plus d’un bureau pour connaître les services auxquels elle a droit.",
            "Visites au guichet d’accueil",
        ),
        es=(
            "Centro de acogida integral para personas refugiadas y migrantes",
            "Un solo lugar donde las personas recién llegadas encuentran información, asesoría jurídica, clases de idioma y derivación a servicios municipales y de organizaciones aliadas.",
            "El centro reúne a personal municipal, asesores jurídicos, intérpretes y organizaciones de la sociedad civil bajo un mismo techo, con horario vespertino dos días por semana.",
            "Ninguna persona recién llegada tiene que acudir a más de una oficina para conocer los servicios a los que tiene derecho.",
            "Visitas al centro de acogida",
        ),
    ),
    _template(
        "municipal_id", themes=["services", "inclusion"], targets=["everyone", "migrants", "stateless"],
        gcm=[4, 15, 17], sdgs=[16, 10], principles=["people_centred", "human_rights"], kinds="practice",
        unit="cards", scale=(5000, 120000),
        en=(
            "Municipal identity card open to every resident",
            "A city card accepted by municipal services, libraries, clinics and local banks, available to all residents whatever their migration status.",
            "Residents can apply with a range of documents, including foreign passports and consular cards; the city does not keep copies of the documents used.",
            "Every resident can prove their identity and address when dealing with local services.",
            "Municipal cards issued",
        ),
        fr=(
            "Carte municipale d’identité ouverte à toutes les personnes résidentes",
            "Une carte de résident acceptée par les services municipaux, les bibliothèques, les centres de santé et les banques locales, quel que soit le statut migratoire.",
            "La demande peut se faire avec divers documents, dont des passeports étrangers et des cartes consulaires ; la ville ne conserve pas de copie des pièces présentées.",
            "Chaque habitant peut justifier de son identité et de son adresse auprès des services locaux.",
            "Cartes municipales délivrées",
        ),
        es=(
            "Tarjeta municipal de identidad para todas las personas residentes",
            "Una tarjeta de vecindad aceptada por los servicios municipales, bibliotecas, centros de salud y bancos locales, sin importar la situación migratoria.",
            "Se puede solicitar con diversos documentos, incluidos pasaportes extranjeros y matrículas consulares; el municipio no guarda copias de los documentos presentados.",
            "Toda persona residente puede acreditar su identidad y domicilio ante los servicios locales.",
            "Tarjetas municipales emitidas",
        ),
    ),
    _template(
        "language_classes", themes=["education", "inclusion", "gender"], targets=["migrants", "refugees"],
        gcm=[16, 18], gcr_areas=["education"], gcr_objectives=[2], sdgs=[4, 5],
        principles=["gender_responsive", "whole_of_society"], focus="both", scale=(150, 3000),
        en=(
            "Free language classes with childcare",
            "Evening and weekend classes in the local language, with free childcare so that parents, especially mothers, can attend.",
            "Classes are organised by level in libraries and community centres; volunteers run conversation groups and job-focused vocabulary workshops.",
            "Newcomers reach everyday fluency in the local language within two years.",
            "Learners completing a course level",
        ),
        fr=(
            "Cours de langue gratuits avec garde d’enfants",
            "Des cours du soir et du week-end dans la langue locale, avec une garde d’enfants gratuite pour que les parents, et surtout les mères, puissent y assister.",
            "Les cours sont organisés par niveau dans les bibliothèques et les centres communautaires ; des bénévoles animent des groupes de conversation et des ateliers de vocabulaire professionnel.",
            "Les personnes nouvellement arrivées atteignent une aisance quotidienne dans la langue locale en deux ans.",
            "Apprenants ayant validé un niveau",
        ),
        es=(
            "Clases de idioma gratuitas con cuidado infantil",
            "Clases nocturnas y de fin de semana en el idioma local, con cuidado infantil gratuito para que madres y padres, sobre todo las madres, puedan asistir.",
            "Las clases se organizan por niveles en bibliotecas y centros comunitarios; voluntarios dinamizan grupos de conversación y talleres de vocabulario para el empleo.",
            "Las personas recién llegadas alcanzan soltura cotidiana en el idioma local en un plazo de dos años.",
            "Estudiantes que aprueban un nivel",
        ),
    ),
    _template(
        "school_enrolment", themes=["education", "children"], targets=["refugees", "migrants", "asylum_seekers"],
        gcm=[15, 16], gcr_areas=["education"], gcr_objectives=[2], sdgs=[4],
        principles=["child_sensitive", "human_rights"], focus="both", unit="children", scale=(100, 5000),
        en=(
            "Fast-track school enrolment for refugee and migrant children",
            "Children are placed in school within weeks of arrival, even without previous school records, and receive catch-up and language support.",
            "A placement team assesses each child’s level, finds a school place near home and trains receiving teachers; bridging classes help older children catch up.",
            "No child of school age stays out of school for more than one month after arriving.",
            "Children enrolled through the fast track",
        ),
        fr=(
            "Scolarisation accélérée des enfants réfugiés et migrants",
            "Les enfants sont inscrits à l’école quelques semaines après leur arrivée, même sans dossier scolaire, et bénéficient d’un soutien linguistique et de rattrapage.",
            "Une équipe évalue le niveau de chaque enfant, trouve une place dans une école proche du domicile et forme les enseignants ; des classes passerelles aident les plus âgés à rattraper leur retard.",
            "Aucun enfant d’âge scolaire ne reste plus d’un mois sans école après son arrivée.",
            "Enfants inscrits par la procédure accélérée",
        ),
        es=(
            "Matrícula escolar rápida para niñas y niños refugiados y migrantes",
            "Los niños y niñas entran a la escuela pocas semanas después de llegar, incluso sin certificados escolares previos, y reciben apoyo de nivelación y de idioma.",
            "Un equipo evalúa el nivel de cada menor, busca una plaza escolar cerca de su casa y capacita al profesorado; las aulas puente ayudan a los mayores a ponerse al día.",
            "Ningún niño o niña en edad escolar queda más de un mes sin escolarizar tras su llegada.",
            "Niñas y niños matriculados por la vía rápida",
        ),
    ),
    _template(
        "skills_recognition", themes=["employment", "pathways"], targets=["migrants", "refugees"],
        gcm=[18, 6], gcr_areas=["jobs_and_livelihoods"], gcr_objectives=[2], sdgs=[8, 4],
        principles=["whole_of_government"], focus="both", scale=(50, 1500),
        en=(
            "Recognition of foreign qualifications and skills",
            "A municipal service helps newcomers get diplomas recognised and certifies skills learnt on the job, so they can work in their field.",
            "Advisers guide applicants through recognition procedures, cover translation fees and organise practical skills tests with employers and vocational schools.",
            "Qualified newcomers work at the level of their qualifications.",
            "Qualifications recognised or skills certified",
        ),
        fr=(
            "Reconnaissance des diplômes et des compétences acquises à l’étranger",
            "Un service municipal aide les personnes nouvellement arrivées à faire reconnaître leurs diplômes et à certifier les compétences acquises en emploi, pour travailler dans leur domaine.",
            "Des conseillers accompagnent les démarches de reconnaissance, prennent en charge les frais de traduction et organisent des tests pratiques avec des employeurs et des écoles professionnelles.",
            "Les personnes qualifiées travaillent à la hauteur de leurs qualifications.",
            "Diplômes reconnus ou compétences certifiées",
        ),
        es=(
            "Reconocimiento de títulos y competencias obtenidos en el extranjero",
            "Un servicio municipal ayuda a las personas recién llegadas a homologar sus títulos y certificar las competencias adquiridas en el trabajo, para que puedan ejercer en su campo.",
            "Asesores orientan los trámites de homologación, cubren los costos de traducción y organizan pruebas prácticas con empleadores y centros de formación profesional.",
            "Las personas cualificadas trabajan según su nivel de formación.",
            "Títulos homologados o competencias certificadas",
        ),
    ),
    _template(
        "entrepreneurs", themes=["employment", "inclusion"], targets=["refugees", "migrants", "host_communities"],
        gcm=[19, 6, 16], gcr_areas=["jobs_and_livelihoods"], gcr_objectives=[2], sdgs=[8, 5],
        principles=["whole_of_society"], focus="both", unit="businesses", scale=(20, 600),
        en=(
            "Business incubator for refugee and migrant entrepreneurs",
            "Training, mentoring and small grants help refugees and migrants start and grow businesses that also create jobs for local residents.",
            "Cohorts of entrepreneurs follow a six-month programme with mentors from the local chamber of commerce, then compete for seed grants and microcredit.",
            "Refugee- and migrant-owned businesses survive their first three years at the same rate as other local businesses.",
            "Businesses created or strengthened",
        ),
        fr=(
            "Incubateur d’entreprises pour entrepreneurs réfugiés et migrants",
            "Formation, mentorat et petites subventions aident les personnes réfugiées et migrantes à créer et développer des entreprises qui emploient aussi des habitants.",
            "Des promotions d’entrepreneurs suivent un programme de six mois avec des mentors de la chambre de commerce locale, puis concourent pour des subventions d’amorçage et du microcrédit.",
            "Les entreprises créées par des personnes réfugiées et migrantes passent le cap des trois ans aussi souvent que les autres entreprises locales.",
            "Entreprises créées ou renforcées",
        ),
        es=(
            "Incubadora de empresas para emprendedores refugiados y migrantes",
            "Formación, mentoría y pequeñas subvenciones ayudan a personas refugiadas y migrantes a crear y hacer crecer negocios que también generan empleo local.",
            "Grupos de emprendedores siguen un programa de seis meses con mentores de la cámara de comercio local y luego compiten por capital semilla y microcréditos.",
            "Los negocios de personas refugiadas y migrantes sobreviven sus tres primeros años en la misma proporción que los demás negocios locales.",
            "Empresas creadas o fortalecidas",
        ),
    ),
    _template(
        "fair_recruitment", themes=["employment", "protection"], targets=["migrants"],
        gcm=[6, 10, 22], sdgs=[8, 16], principles=["human_rights", "rule_of_law_and_due_process"],
        scale=(200, 6000),
        en=(
            "Fair recruitment desk for seasonal and domestic workers",
            "A help desk checks job offers, explains contracts and handles complaints about recruitment fees, unpaid wages and confiscated documents.",
            "The desk works with labour inspectors and trade unions, runs information sessions at bus terminals and keeps a public list of recruiters that have signed a fair-recruitment code.",
            "No worker pays a fee to get a job, and abuses are reported and followed up.",
            "Workers advised by the desk",
        ),
        fr=(
            "Guichet pour un recrutement équitable des travailleurs saisonniers et domestiques",
            "Un guichet vérifie les offres d’emploi, explique les contrats et traite les plaintes pour frais de recrutement, salaires impayés ou papiers confisqués.",
            "Le guichet travaille avec l’inspection du travail et les syndicats, organise des séances d’information dans les gares routières et publie la liste des recruteurs ayant signé une charte de recrutement équitable.",
            "Aucun travailleur ne paie pour obtenir un emploi, et les abus sont signalés et suivis.",
            "Travailleurs conseillés par le guichet",
        ),
        es=(
            "Ventanilla de contratación justa para trabajadores temporeros y del hogar",
            "Una ventanilla revisa ofertas de empleo, explica contratos y atiende quejas por cobros de contratación, salarios impagos o documentos retenidos.",
            "La ventanilla colabora con la inspección de trabajo y los sindicatos, informa en terminales de autobuses y publica la lista de agencias que han firmado un código de contratación justa.",
            "Ningún trabajador paga por conseguir empleo, y los abusos se denuncian y se les da seguimiento.",
            "Trabajadores asesorados por la ventanilla",
        ),
    ),
    _template(
        "housing_first", themes=["housing", "services"], targets=["refugees", "asylum_seekers", "migrants"],
        gcm=[15, 7], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[11, 1],
        principles=["people_centred", "human_rights"], focus="both", unit="households", scale=(20, 800),
        en=(
            "Housing First for homeless newcomers",
            "Homeless refugees, asylum seekers and migrants are offered a stable home first, then the support they need to keep it.",
            "The city leases flats from private and social landlords and pairs each household with a case worker for health, income and language support.",
            "Nobody who arrives in the city sleeps rough for more than a week.",
            "Households housed",
        ),
        fr=(
            "Logement d’abord pour les personnes nouvellement arrivées sans abri",
            "Les personnes réfugiées, demandeuses d’asile et migrantes sans abri se voient d’abord proposer un logement stable, puis l’accompagnement nécessaire pour le garder.",
            "La ville loue des appartements à des bailleurs privés et sociaux et associe chaque ménage à un travailleur social pour la santé, les revenus et la langue.",
            "Aucune personne arrivant dans la ville ne dort à la rue plus d’une semaine.",
            "Ménages logés",
        ),
        es=(
            "Vivienda Primero para personas recién llegadas sin hogar",
            "A las personas refugiadas, solicitantes de asilo y migrantes sin hogar se les ofrece primero una vivienda estable y después el apoyo necesario para mantenerla.",
            "El municipio alquila viviendas a propietarios privados y sociales y asigna a cada hogar una trabajadora social para salud, ingresos e idioma.",
            "Nadie que llegue a la ciudad duerme en la calle más de una semana.",
            "Hogares alojados",
        ),
    ),
    _template(
        "host_families", themes=["housing", "reception", "inclusion"], targets=["refugees", "host_communities"],
        gcm=[16, 15], gcr_areas=["burden_and_responsibility_sharing", "solutions"], gcr_objectives=[1, 3],
        sdgs=[11, 10], principles=["whole_of_society"], focus="refugee", scale=(30, 900),
        en=(
            "Host-family network for refugees",
            "Residents with a spare room host refugees for six to twelve months, with training, a monthly allowance and support from social workers.",
            "The city matches hosts and guests, checks the accommodation, mediates when needed and helps guests move on to independent housing.",
            "Hosting becomes a recognised and supported form of reception alongside collective centres.",
            "People hosted by families",
        ),
        fr=(
            "Réseau de familles d’accueil pour les personnes réfugiées",
            "Des habitants disposant d’une chambre libre accueillent des personnes réfugiées pendant six à douze mois, avec une formation, une indemnité mensuelle et l’appui de travailleurs sociaux.",
            "La ville met en relation hôtes et personnes accueillies, vérifie le logement, assure une médiation si besoin et aide ensuite les personnes accueillies à accéder à un logement autonome.",
            "L’hébergement citoyen devient une forme d’accueil reconnue et soutenue, aux côtés des centres collectifs.",
            "Personnes hébergées en famille",
        ),
        es=(
            "Red de familias de acogida para personas refugiadas",
            "Vecinos con una habitación libre acogen a personas refugiadas durante seis a doce meses, con formación, una ayuda mensual y acompañamiento de trabajadores sociales.",
            "El municipio empareja a familias y personas acogidas, revisa el alojamiento, media cuando es necesario y ayuda a las personas acogidas a pasar a una vivienda independiente.",
            "La acogida familiar se convierte en una modalidad reconocida y apoyada junto a los centros colectivos.",
            "Personas acogidas por familias",
        ),
    ),
    _template(
        "climate_adaptation", themes=["climate", "housing"], targets=["idps", "host_communities"],
        gcm=[2, 7, 23], gcr_areas=["energy_and_infrastructure"], gcr_objectives=[1], sdgs=[13, 11, 6],
        principles=["sustainable_development", "whole_of_society"], focus="both", unit="households",
        scale=(500, 20000),
        en=(
            "Climate adaptation to reduce displacement from informal settlements",
            "Drainage, slope stabilisation and early-warning systems protect the informal neighbourhoods most exposed to floods and landslides, so that residents are not forced to leave.",
            "Residents map risks with municipal engineers, build small works through paid community labour and run early-warning committees linked to the city’s emergency service.",
            "Fewer households are displaced by floods and landslides each rainy season.",
            "Households in protected areas",
        ),
        fr=(
            "Adaptation climatique pour limiter les déplacements depuis les quartiers informels",
            "Drainage, stabilisation des pentes et systèmes d’alerte précoce protègent les quartiers informels les plus exposés aux inondations et aux glissements de terrain, pour que leurs habitants ne soient pas contraints de partir.",
            "Les habitants cartographient les risques avec les ingénieurs municipaux, réalisent de petits ouvrages en travaux communautaires rémunérés et animent des comités d’alerte reliés à la protection civile.",
            "Moins de ménages sont déplacés par les inondations et les glissements de terrain à chaque saison des pluies.",
            "Ménages dans des zones protégées",
        ),
        es=(
            "Adaptación climática para reducir el desplazamiento desde asentamientos informales",
            "Obras de drenaje, estabilización de laderas y sistemas de alerta temprana protegen a los barrios informales más expuestos a inundaciones y deslizamientos, para que sus habitantes no se vean obligados a marcharse.",
            "Los vecinos mapean riesgos con ingenieros municipales, construyen pequeñas obras mediante empleo comunitario remunerado y gestionan comités de alerta conectados con el servicio de emergencias.",
            "Cada temporada de lluvias, menos hogares se ven desplazados por inundaciones y deslizamientos.",
            "Hogares en zonas protegidas",
        ),
    ),
    _template(
        "planned_relocation", themes=["climate", "participation"], targets=["idps", "host_communities"],
        gcm=[2, 23], sdgs=[13, 11], principles=["people_centred", "sustainable_development"],
        unit="households", scale=(20, 600),
        en=(
            "Community-led planned relocation away from flood zones",
            "Where staying is no longer safe, families decide together where and how to move, keeping their community, livelihoods and access to services.",
            "The local government secures land, plans services with the community before anyone moves and keeps supporting families for several years after relocation.",
            "Relocation, when it is unavoidable, is voluntary, planned and leaves no one worse off.",
            "Households relocated with their consent",
        ),
        fr=(
            "Relocalisation planifiée et menée par les communautés hors des zones inondables",
            "Là où il n’est plus sûr de rester, les familles décident ensemble où et comment partir, en préservant leur communauté, leurs moyens de subsistance et leur accès aux services.",
            "La collectivité sécurise du foncier, planifie les services avec la communauté avant tout déménagement et continue d’accompagner les familles pendant plusieurs années.",
            "Lorsqu’elle est inévitable, la relocalisation est volontaire, planifiée et ne laisse personne dans une situation plus difficile.",
            "Ménages relocalisés avec leur consentement",
        ),
        es=(
            "Reubicación planificada y liderada por la comunidad fuera de zonas inundables",
            "Donde quedarse ya no es seguro, las familias deciden juntas adónde y cómo trasladarse, conservando su comunidad, sus medios de vida y su acceso a servicios.",
            "El gobierno local asegura el suelo, planifica los servicios con la comunidad antes de cualquier traslado y sigue acompañando a las familias durante varios años.",
            "Cuando es inevitable, la reubicación es voluntaria, planificada y no deja a nadie en peor situación.",
            "Hogares reubicados con su consentimiento",
        ),
    ),
    _template(
        "data_observatory", themes=["data"], targets=["everyone"], gcm=[1, 23], sdgs=[17, 16],
        principles=["whole_of_government"], unit="datasets", scale=(5, 60),
        en=(
            "Local migration data observatory",
            "The city publishes regular, disaggregated data on its migrant and refugee residents to plan services and counter misinformation.",
            "The observatory combines municipal records, surveys and data from partners, with strict anonymisation, and publishes an open dashboard and an annual report.",
            "Municipal plans and budgets are based on up-to-date evidence about all residents.",
            "Datasets published",
        ),
        fr=(
            "Observatoire local des migrations",
            "La ville publie régulièrement des données ventilées sur ses habitants migrants et réfugiés pour planifier les services et contrer la désinformation.",
            "L’observatoire croise registres municipaux, enquêtes et données de partenaires, avec une anonymisation stricte, et publie un tableau de bord ouvert et un rapport annuel.",
            "Les plans et budgets municipaux reposent sur des données à jour concernant tous les habitants.",
            "Jeux de données publiés",
        ),
        es=(
            "Observatorio local de migraciones",
            "La ciudad publica periódicamente datos desagregados sobre sus residentes migrantes y refugiados para planificar servicios y contrarrestar la desinformación.",
            "El observatorio combina registros municipales, encuestas y datos de socios, con una anonimización estricta, y publica un tablero abierto y un informe anual.",
            "Los planes y presupuestos municipales se basan en evidencia actualizada sobre todos los residentes.",
            "Conjuntos de datos publicados",
        ),
    ),
    _template(
        "anti_trafficking", themes=["protection", "gender"], targets=["migrants", "refugees"],
        gcm=[10, 9, 7], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[16, 5, 8],
        principles=["rule_of_law_and_due_process", "gender_responsive", "human_rights"], focus="both",
        scale=(10, 400),
        en=(
            "Local task force against human trafficking",
            "Police, labour inspectors, social services, health workers and NGOs identify victims of trafficking earlier and refer them to protection and support.",
            "The task force meets monthly, trains frontline staff to recognise signs of trafficking and runs a confidential helpline and shelters for survivors.",
            "Every identified survivor receives safe shelter, medical care and legal assistance.",
            "Survivors identified and assisted",
        ),
        fr=(
            "Cellule locale de lutte contre la traite des êtres humains",
            "Police, inspection du travail, services sociaux, soignants et ONG repèrent plus tôt les victimes de la traite et les orientent vers protection et accompagnement.",
            "La cellule se réunit chaque mois, forme les professionnels de première ligne à reconnaître les signes de la traite et gère une ligne d’écoute confidentielle ainsi que des hébergements pour les victimes.",
            "Chaque victime identifiée bénéficie d’un hébergement sûr, de soins et d’une assistance juridique.",
            "Victimes identifiées et accompagnées",
        ),
        es=(
            "Mesa local contra la trata de personas",
            "Policía, inspección de trabajo, servicios sociales, personal sanitario y ONG identifican antes a las víctimas de trata y las derivan a protección y apoyo.",
            "La mesa se reúne cada mes, capacita al personal de primera línea para reconocer señales de trata y gestiona una línea confidencial y casas de acogida para sobrevivientes.",
            "Toda persona sobreviviente identificada recibe alojamiento seguro, atención médica y asistencia jurídica.",
            "Sobrevivientes identificadas y atendidas",
        ),
    ),
    _template(
        "smuggling_awareness", themes=["protection", "children"], targets=["migrants", "host_communities"],
        gcm=[9, 3, 2], sdgs=[16, 8], principles=["people_centred", "child_sensitive"],
        places=ORIGIN_PLACES + ("Agadez", "Oujda", "Tanger", "Tapachula"), scale=(2000, 150000),
        en=(
            "Information campaign on the risks of irregular journeys and smuggling",
            "Returnees and young people tell the real story of irregular journeys and present safe and legal alternatives in schools, markets and on local radio.",
            "The campaign trains young peer educators, produces radio programmes in local languages and refers people to job training and information on regular migration.",
            "Young people decide about migration with accurate information and know the safe options available.",
            "People reached by the campaign",
        ),
        fr=(
            "Campagne d’information sur les risques des trajets irréguliers et du trafic de migrants",
            "Des personnes de retour et des jeunes racontent la réalité des trajets irréguliers et présentent des alternatives sûres et légales dans les écoles, sur les marchés et à la radio locale.",
            "La campagne forme de jeunes pairs éducateurs, produit des émissions de radio en langues locales et oriente vers des formations professionnelles et l’information sur la migration régulière.",
            "Les jeunes décident de migrer ou non en connaissance de cause et connaissent les options sûres.",
            "Personnes touchées par la campagne",
        ),
        es=(
            "Campaña informativa sobre los riesgos de los viajes irregulares y el tráfico de migrantes",
            "Personas retornadas y jóvenes cuentan la realidad de los viajes irregulares y presentan alternativas seguras y legales en escuelas, mercados y radios locales.",
            "La campaña forma a jóvenes educadores de pares, produce programas de radio en idiomas locales y deriva a formación laboral e información sobre migración regular.",
            "Las personas jóvenes deciden sobre la migración con información veraz y conocen las opciones seguras.",
            "Personas alcanzadas por la campaña",
        ),
    ),
    _template(
        "rescue_at_sea", themes=["reception", "protection"], targets=["migrants", "refugees", "asylum_seekers"],
        gcm=[8, 12, 15], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[16, 3],
        principles=["human_rights", "child_sensitive"], focus="both",
        places=("Lampedusa e Linosa", "Palermo", "Gobierno de Canarias", "Athens", "Tanger"), scale=(500, 20000),
        en=(
            "Coordinated reception of people rescued at sea",
            "When boats arrive, the municipality, health services and humanitarian organisations provide first aid, shelter, information and identification of the most vulnerable within hours.",
            "A standing coordination protocol sets out who does what at the port, with trained volunteers, interpreters and a reception area equipped for families and children.",
            "Every person who disembarks receives a medical check, food, dry clothes and information in a language they understand.",
            "People received at disembarkation",
        ),
        fr=(
            "Accueil coordonné des personnes secourues en mer",
            "À l’arrivée des embarcations, la commune, les services de santé et les organisations humanitaires assurent en quelques heures premiers soins, abri, information et repérage des personnes les plus vulnérables.",
            "Un protocole permanent définit le rôle de chacun sur le port, avec des bénévoles formés, des interprètes et un espace d’accueil adapté aux familles et aux enfants.",
            "Chaque personne débarquée reçoit un examen médical, de la nourriture, des vêtements secs et une information dans une langue qu’elle comprend.",
            "Personnes accueillies au débarquement",
        ),
        es=(
            "Acogida coordinada de personas rescatadas en el mar",
            "Cuando llegan embarcaciones, el municipio, los servicios de salud y las organizaciones humanitarias brindan en pocas horas primeros auxilios, refugio, información e identificación de las personas más vulnerables.",
            "Un protocolo permanente define quién hace qué en el puerto, con voluntariado formado, intérpretes y un espacio de acogida adaptado a familias y niños.",
            "Toda persona que desembarca recibe atención médica, comida, ropa seca e información en un idioma que comprende.",
            "Personas atendidas en el desembarco",
        ),
    ),
    _template(
        "missing_migrants", themes=["protection"], targets=["migrants", "host_communities"],
        gcm=[8, 3, 23], sdgs=[16], principles=["human_rights", "international_cooperation"], unit="families",
        scale=(20, 600),
        en=(
            "Support for families of missing migrants",
            "A municipal help desk supports families searching for relatives who went missing on migration routes and ensures that unidentified remains are treated with dignity.",
            "The help desk works with the Red Cross family-links service, forensic authorities and consulates, collects DNA samples with consent and offers psychosocial support to families.",
            "Families get answers about their missing relatives, and every migrant who dies is identified and buried with dignity.",
            "Families supported",
        ),
        fr=(
            "Soutien aux familles de migrants disparus",
            "Un guichet municipal aide les familles qui recherchent des proches disparus sur les routes migratoires et veille à ce que les dépouilles non identifiées soient traitées avec dignité.",
            "Le guichet travaille avec le service de rétablissement des liens familiaux de la Croix-Rouge, la médecine légale et les consulats, recueille des échantillons d’ADN avec consentement et offre un soutien psychosocial.",
            "Les familles obtiennent des réponses sur leurs proches disparus, et chaque migrant décédé est identifié et inhumé dignement.",
            "Familles accompagnées",
        ),
        es=(
            "Apoyo a familias de personas migrantes desaparecidas",
            "Una oficina municipal acompaña a las familias que buscan a parientes desaparecidos en las rutas migratorias y vela por que los restos no identificados sean tratados con dignidad.",
            "La oficina trabaja con el servicio de restablecimiento del contacto entre familiares de la Cruz Roja, los servicios forenses y los consulados, toma muestras de ADN con consentimiento y ofrece apoyo psicosocial.",
            "Las familias obtienen respuestas sobre sus seres queridos desaparecidos y toda persona migrante fallecida es identificada y sepultada con dignidad.",
            "Familias acompañadas",
        ),
    ),
    _template(
        "border_welcome", themes=["reception", "protection", "services"], targets=["refugees", "migrants", "asylum_seekers"],
        gcm=[11, 12, 15], gcr_areas=["protection_capacity", "burden_and_responsibility_sharing"],
        gcr_objectives=[1], sdgs=[16, 3, 10], principles=["human_rights", "child_sensitive"], focus="both",
        places=("Cúcuta", "Tijuana", "Ciudad Juárez", "Tapachula", "Boa Vista", "Chișinău", "Goma", "Oujda", "Kraków"),
        scale=(3000, 200000),
        en=(
            "Humanitarian welcome point at the border crossing",
            "At the main border crossing, people arriving on foot find water, food, medical care, information, phone charging and a safe place to rest.",
            "The welcome point is run with humanitarian partners around the clock in peak periods; staff identify unaccompanied children and people at risk and refer them to protection services.",
            "Everyone crossing the border in need of help receives it safely and with dignity.",
            "People assisted at the welcome point",
        ),
        fr=(
            "Point d’accueil humanitaire au poste-frontière",
            "Au principal point de passage, les personnes qui arrivent à pied trouvent eau, nourriture, soins, information, recharge de téléphone et un lieu sûr pour se reposer.",
            "Le point d’accueil fonctionne avec des partenaires humanitaires, jour et nuit en période d’affluence ; l’équipe repère les enfants non accompagnés et les personnes à risque et les oriente vers les services de protection.",
            "Toute personne qui franchit la frontière et a besoin d’aide la reçoit en sécurité et dans la dignité.",
            "Personnes aidées au point d’accueil",
        ),
        es=(
            "Punto de atención humanitaria en el paso fronterizo",
            "En el principal paso fronterizo, quienes llegan caminando encuentran agua, alimentos, atención médica, información, carga de teléfonos y un lugar seguro para descansar.",
            "El punto funciona con socios humanitarios las 24 horas en los periodos de mayor afluencia; el equipo identifica a niñas y niños no acompañados y a personas en riesgo y los deriva a servicios de protección.",
            "Toda persona que cruza la frontera y necesita ayuda la recibe de forma segura y digna.",
            "Personas atendidas en el punto",
        ),
    ),
    _template(
        "screening_referral", themes=["protection", "reception"], targets=["asylum_seekers", "refugees", "migrants"],
        gcm=[12, 7], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[16, 10],
        principles=["child_sensitive", "gender_responsive"], focus="both", scale=(500, 15000),
        en=(
            "Vulnerability screening and referral for new arrivals",
            "Trained staff identify survivors of violence, unaccompanied children, people with disabilities and others at risk soon after arrival and refer them to specialised services.",
            "Municipal, health and NGO staff use a shared screening form and referral directory, with follow-up calls to check that people actually received help.",
            "People with specific needs are identified early and referred to the right service.",
            "People screened",
        ),
        fr=(
            "Repérage des vulnérabilités et orientation des personnes nouvellement arrivées",
            "Des agents formés repèrent, peu après l’arrivée, les victimes de violences, les enfants non accompagnés, les personnes handicapées et les autres personnes à risque, et les orientent vers des services spécialisés.",
            "Agents municipaux, soignants et ONG utilisent un formulaire de repérage et un annuaire d’orientation communs, avec un appel de suivi pour vérifier que l’aide a bien été reçue.",
            "Les personnes ayant des besoins particuliers sont repérées tôt et orientées vers le bon service.",
            "Personnes ayant bénéficié d’un repérage",
        ),
        es=(
            "Detección de vulnerabilidades y derivación de personas recién llegadas",
            "Personal capacitado identifica poco después de la llegada a sobrevivientes de violencia, niños no acompañados, personas con discapacidad y otras personas en riesgo, y las deriva a servicios especializados.",
            "Personal municipal, sanitario y de ONG usa un formulario de detección y un directorio de derivación comunes, con llamadas de seguimiento para comprobar que la ayuda llegó.",
            "Las personas con necesidades específicas se identifican pronto y se derivan al servicio adecuado.",
            "Personas evaluadas",
        ),
    ),
    _template(
        "alternatives_to_detention", themes=["protection", "services"], targets=["asylum_seekers", "migrants"],
        gcm=[13, 7], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[16],
        principles=["rule_of_law_and_due_process", "human_rights", "child_sensitive"], focus="both",
        scale=(30, 800),
        en=(
            "Community case management as an alternative to immigration detention",
            "Instead of detention, people in immigration procedures live in the community with a case manager who helps them meet their obligations and access services.",
            "Case managers explain procedures, refer people to legal aid and give practical support; the city provides housing places and agrees referrals with national authorities.",
            "People in immigration procedures remain in the community, with high rates of compliance and no child in detention.",
            "People supported in the community",
        ),
        fr=(
            "Accompagnement individualisé comme alternative à la rétention administrative",
            "Plutôt que la rétention, les personnes en procédure migratoire vivent dans la collectivité avec un référent qui les aide à respecter leurs obligations et à accéder aux services.",
            "Les référents expliquent les procédures, orientent vers l’aide juridique et apportent un soutien concret ; la ville fournit des places d’hébergement et convient des orientations avec les autorités nationales.",
            "Les personnes en procédure demeurent dans la collectivité, respectent largement leurs obligations, et aucun enfant n’est placé en rétention.",
            "Personnes accompagnées hors rétention",
        ),
        es=(
            "Gestión de casos en comunidad como alternativa a la detención migratoria",
            "En lugar de la detención, las personas en procedimientos migratorios viven en la comunidad con un gestor de casos que las ayuda a cumplir sus obligaciones y acceder a servicios.",
            "Los gestores explican los procedimientos, derivan a asistencia jurídica y brindan apoyo práctico; el municipio aporta plazas de alojamiento y acuerda las derivaciones con las autoridades nacionales.",
            "Las personas en procedimiento permanecen en la comunidad, con altos niveles de cumplimiento y ningún niño detenido.",
            "Personas acompañadas en comunidad",
        ),
    ),
    _template(
        "consular_days", themes=["services"], targets=["migrants", "stateless"], gcm=[14, 4], sdgs=[16, 17],
        principles=["international_cooperation", "national_sovereignty", "people_centred"], unit="documents", scale=(300, 12000),
        en=(
            "Mobile consular days with countries of origin",
            "Consulates of the main countries of origin come to city venues to issue passports, birth certificates and other documents without long and costly trips.",
            "The city provides venues, interpreters and appointment booking, and works with consulates to reach people in outlying neighbourhoods and workplaces.",
            "Migrant residents can obtain identity and civil documents close to where they live.",
            "Documents issued during consular days",
        ),
        fr=(
            "Journées consulaires mobiles avec les pays d’origine",
            "Les consulats des principaux pays d’origine viennent dans des lieux municipaux pour délivrer passeports, actes de naissance et autres documents, sans longs et coûteux déplacements.",
            "La ville fournit les salles, des interprètes et la prise de rendez-vous, et travaille avec les consulats pour atteindre les quartiers périphériques et les lieux de travail.",
            "Les habitants migrants obtiennent leurs papiers d’identité et d’état civil près de chez eux.",
            "Documents délivrés lors des journées consulaires",
        ),
        es=(
            "Jornadas consulares móviles con los países de origen",
            "Los consulados de los principales países de origen acuden a espacios municipales para expedir pasaportes, actas de nacimiento y otros documentos sin viajes largos y costosos.",
            "El municipio aporta los espacios, intérpretes y el sistema de citas, y trabaja con los consulados para llegar a barrios periféricos y lugares de trabajo.",
            "Las personas migrantes residentes obtienen documentos de identidad y de estado civil cerca de donde viven.",
            "Documentos expedidos en las jornadas consulares",
        ),
    ),
    _template(
        "remittances", themes=["employment"], targets=["migrants", "host_communities"], gcm=[20, 19],
        sdgs=[10, 1], principles=["sustainable_development"], scale=(200, 8000),
        en=(
            "Financial literacy and low-cost remittances for migrant families",
            "Workshops and a comparison tool help migrant families send money home more cheaply and save and invest what they send.",
            "The city partners with banks, credit unions and mobile money providers to open accounts with minimal documents, and publishes a monthly comparison of transfer costs.",
            "Migrant families pay less to send money and build savings at both ends of the corridor.",
            "People trained in financial literacy",
        ),
        fr=(
            "Éducation financière et transferts d’argent à moindre coût pour les familles migrantes",
            "Des ateliers et un comparateur aident les familles migrantes à envoyer de l’argent au pays à moindre coût, à épargner et à investir les sommes envoyées.",
            "La ville s’associe à des banques, des coopératives d’épargne et des services de paiement mobile pour ouvrir des comptes avec un minimum de documents, et publie chaque mois une comparaison des frais de transfert.",
            "Les familles migrantes paient moins cher leurs transferts et se constituent une épargne aux deux extrémités du corridor.",
            "Personnes formées à l’éducation financière",
        ),
        es=(
            "Educación financiera y remesas de bajo costo para familias migrantes",
            "Talleres y un comparador ayudan a las familias migrantes a enviar dinero a su país con menos costos y a ahorrar e invertir lo que envían.",
            "El municipio se asocia con bancos, cooperativas y proveedores de dinero móvil para abrir cuentas con documentación mínima y publica cada mes una comparación de costos de envío.",
            "Las familias migrantes pagan menos por enviar dinero y ahorran en ambos extremos del corredor.",
            "Personas formadas en educación financiera",
        ),
    ),
    _template(
        "diaspora_fund", themes=["employment", "participation"], targets=["migrants", "host_communities"],
        gcm=[19, 20, 2], sdgs=[8, 17], principles=["sustainable_development", "whole_of_society"],
        places=ORIGIN_PLACES, unit="projects", scale=(5, 120),
        en=(
            "Diaspora investment fund for hometown development",
            "A matching fund doubles contributions from the diaspora to local projects such as clinics, schools, water points and small businesses.",
            "Diaspora associations propose projects, a joint committee selects them, and the local government co-finances, supervises the works and reports publicly on every project.",
            "Diaspora contributions finance lasting local development chosen together with residents.",
            "Projects co-financed with the diaspora",
        ),
        fr=(
            "Fonds d’investissement de la diaspora pour le développement local",
            "Un fonds de contrepartie double les contributions de la diaspora à des projets locaux : centres de santé, écoles, points d’eau, petites entreprises.",
            "Les associations de la diaspora proposent des projets, un comité mixte les sélectionne, et la collectivité cofinance, suit les travaux et rend compte publiquement de chaque projet.",
            "Les contributions de la diaspora financent un développement local durable, choisi avec les habitants.",
            "Projets cofinancés avec la diaspora",
        ),
        es=(
            "Fondo de inversión de la diáspora para el desarrollo local",
            "Un fondo de contrapartida duplica los aportes de la diáspora a proyectos locales como centros de salud, escuelas, puntos de agua y pequeños negocios.",
            "Las asociaciones de la diáspora proponen proyectos, un comité mixto los selecciona y el gobierno local cofinancia, supervisa las obras y rinde cuentas públicamente de cada proyecto.",
            "Los aportes de la diáspora financian un desarrollo local duradero, elegido junto con los vecinos.",
            "Proyectos cofinanciados con la diáspora",
        ),
    ),
    _template(
        "reintegration", themes=["return", "employment"], targets=["migrants", "host_communities"],
        gcm=[21, 18, 6], gcr_areas=["solutions"], gcr_objectives=[4], sdgs=[8, 10, 1],
        principles=["people_centred", "sustainable_development"], focus="both", places=ORIGIN_PLACES,
        scale=(50, 3000),
        en=(
            "Reintegration support for returning migrants",
            "Returning migrants receive counselling, training and start-up support to rebuild their lives, with projects that also benefit their communities.",
            "A municipal reintegration desk assesses each returnee’s needs, links them to training and jobs, and funds community projects that bring returnees and residents together.",
            "Returnees find decent work and are welcomed back into their communities.",
            "Returnees supported",
        ),
        fr=(
            "Accompagnement à la réintégration des migrants de retour",
            "Les migrants de retour bénéficient de conseil, de formation et d’un appui au démarrage d’activité pour reconstruire leur vie, avec des projets qui profitent aussi à leur communauté.",
            "Un guichet municipal de réintégration évalue les besoins de chaque personne, l’oriente vers des formations et des emplois et finance des projets communautaires associant personnes de retour et habitants.",
            "Les personnes de retour trouvent un travail décent et sont bien accueillies dans leur communauté.",
            "Personnes de retour accompagnées",
        ),
        es=(
            "Apoyo a la reintegración de personas migrantes retornadas",
            "Las personas migrantes que regresan reciben orientación, formación y apoyo para emprender y rehacer su vida, con proyectos que también benefician a sus comunidades.",
            "Una oficina municipal de reintegración evalúa las necesidades de cada persona, la vincula con formación y empleo y financia proyectos comunitarios que reúnen a personas retornadas y vecinos.",
            "Las personas retornadas encuentran trabajo decente y son bien recibidas en sus comunidades.",
            "Personas retornadas atendidas",
        ),
    ),
    _template(
        "return_partnership", themes=["return"], targets=["refugees", "migrants"], gcm=[21, 23],
        gcr_areas=["solutions"], gcr_objectives=[4], sdgs=[10, 17],
        principles=["international_cooperation", "human_rights"], kinds="pledge", focus="both", scale=(20, 1500),
        en=(
            "Safe and dignified return in partnership with cities of origin",
            "For refugees and migrants who choose to go home, the city works with local governments in the place of origin to prepare return in safety and dignity.",
            "Before departure, people receive information on conditions at home, vocational training and health checks; partner cities prepare housing, schooling and job support on arrival.",
            "Every return is voluntary, informed and followed by sustainable reintegration.",
            "People returning voluntarily with support",
        ),
        fr=(
            "Retour sûr et digne en partenariat avec les villes d’origine",
            "Pour les personnes réfugiées et migrantes qui choisissent de rentrer, la ville travaille avec les collectivités du lieu d’origine pour préparer un retour dans la sécurité et la dignité.",
            "Avant le départ, les personnes reçoivent une information sur la situation au pays, une formation professionnelle et un bilan de santé ; les villes partenaires préparent logement, scolarité et appui à l’emploi à l’arrivée.",
            "Chaque retour est volontaire, éclairé et suivi d’une réintégration durable.",
            "Personnes rentrées volontairement avec un accompagnement",
        ),
        es=(
            "Retorno seguro y digno en alianza con ciudades de origen",
            "Para las personas refugiadas y migrantes que eligen regresar, la ciudad trabaja con los gobiernos locales del lugar de origen para preparar un retorno seguro y digno.",
            "Antes de partir, las personas reciben información sobre la situación en su país, formación profesional y un control de salud; las ciudades socias preparan vivienda, escolarización y apoyo al empleo a la llegada.",
            "Todo retorno es voluntario, informado y va seguido de una reintegración sostenible.",
            "Personas retornadas voluntariamente con acompañamiento",
        ),
    ),
    _template(
        "social_assistance", themes=["services"], targets=["everyone"], gcm=[22, 15], sdgs=[1, 10],
        principles=["human_rights", "people_centred"], kinds="practice", scale=(500, 30000),
        en=(
            "Municipal social assistance open to all residents",
            "Emergency cash, food support and social services are open to every resident on the basis of need, whatever their nationality or status.",
            "The city removed status requirements from its assistance rules, trained counter staff and set up a firewall so that information shared to get help is not used for immigration enforcement.",
            "No resident in need is turned away from municipal assistance because of their status.",
            "Residents receiving assistance",
        ),
        fr=(
            "Aide sociale municipale ouverte à toutes les personnes résidentes",
            "Aides d’urgence, aide alimentaire et services sociaux sont ouverts à chaque habitant selon ses besoins, quelle que soit sa nationalité ou son statut.",
            "La ville a supprimé les conditions de statut de ses règlements d’aide, formé les agents d’accueil et mis en place un pare-feu pour que les informations fournies ne servent pas au contrôle migratoire.",
            "Aucun habitant dans le besoin ne se voit refuser l’aide municipale en raison de son statut.",
            "Habitants bénéficiant d’une aide",
        ),
        es=(
            "Asistencia social municipal abierta a todas las personas residentes",
            "Las ayudas de emergencia, el apoyo alimentario y los servicios sociales están abiertos a todo residente según su necesidad, sin importar su nacionalidad o situación.",
            "El municipio eliminó los requisitos de situación migratoria de sus normas de ayuda, capacitó al personal de atención y estableció un cortafuegos para que la información compartida no se use para el control migratorio.",
            "Ningún residente necesitado es rechazado por la asistencia municipal a causa de su situación.",
            "Residentes que reciben asistencia",
        ),
    ),
    _template(
        "anti_rumour", themes=["inclusion", "participation"], targets=["host_communities", "everyone"],
        gcm=[17, 16], sdgs=[10, 16], principles=["whole_of_society", "human_rights"], kinds="practice",
        scale=(50, 2000),
        en=(
            "Anti-rumour network against prejudice and discrimination",
            "Trained volunteers, shopkeepers and teachers counter false rumours about migrants and refugees in everyday conversations and on social media.",
            "The network trains ‘anti-rumour agents’, runs street events and school workshops, and publishes short fact sheets with local data.",
            "Residents recognise and reject false rumours, and trust between neighbours grows.",
            "Anti-rumour agents trained",
        ),
        fr=(
            "Réseau anti-rumeurs contre les préjugés et les discriminations",
            "Des bénévoles, commerçants et enseignants formés démontent les rumeurs sur les personnes migrantes et réfugiées dans les conversations du quotidien et sur les réseaux sociaux.",
            "Le réseau forme des « agents anti-rumeurs », organise des animations de rue et des ateliers scolaires, et publie de courtes fiches avec des données locales.",
            "Les habitants reconnaissent et rejettent les fausses rumeurs, et la confiance entre voisins progresse.",
            "Agents anti-rumeurs formés",
        ),
        es=(
            "Red antirrumores contra los prejuicios y la discriminación",
            "Voluntarios, comerciantes y docentes capacitados desmontan rumores falsos sobre personas migrantes y refugiadas en la conversación cotidiana y en las redes sociales.",
            "La red forma a «agentes antirrumores», organiza actividades en la calle y talleres escolares, y publica fichas breves con datos locales.",
            "Los vecinos reconocen y rechazan los rumores falsos, y crece la confianza en el barrio.",
            "Agentes antirrumores formados",
        ),
    ),
    _template(
        "hate_reporting", themes=["protection", "inclusion"], targets=["migrants", "refugees", "everyone"],
        gcm=[17, 7], sdgs=[16, 10], principles=["human_rights", "rule_of_law_and_due_process"],
        unit="incidents", scale=(40, 1200),
        en=(
            "Hate incident reporting and victim support",
            "Victims and witnesses of racist and xenophobic incidents can report them online, by phone or in community centres, and receive legal and psychological support.",
            "Reports are analysed every quarter with the police and civil society; the city uses them to target prevention and to support victims through complaint procedures.",
            "Hate incidents are reported, acted upon and steadily reduced.",
            "Incidents reported and followed up",
        ),
        fr=(
            "Signalement des actes haineux et soutien aux victimes",
            "Victimes et témoins d’incidents racistes et xénophobes peuvent les signaler en ligne, par téléphone ou dans les centres communautaires, et recevoir un soutien juridique et psychologique.",
            "Les signalements sont analysés chaque trimestre avec la police et la société civile ; la ville s’en sert pour cibler la prévention et accompagner les victimes dans leurs démarches.",
            "Les actes haineux sont signalés, traités et en baisse constante.",
            "Incidents signalés et suivis",
        ),
        es=(
            "Denuncia de incidentes de odio y apoyo a las víctimas",
            "Víctimas y testigos de incidentes racistas y xenófobos pueden denunciarlos en línea, por teléfono o en centros comunitarios, y reciben apoyo jurídico y psicológico.",
            "Las denuncias se analizan cada trimestre con la policía y la sociedad civil; la ciudad las utiliza para orientar la prevención y acompañar a las víctimas en sus trámites.",
            "Los incidentes de odio se denuncian, se atienden y disminuyen de forma sostenida.",
            "Incidentes denunciados y atendidos",
        ),
    ),
    _template(
        "advisory_council", themes=["participation", "inclusion"], targets=["migrants", "refugees"],
        gcm=[16, 17, 19], gcr_areas=["solutions"], gcr_objectives=[2], sdgs=[16, 10],
        principles=["whole_of_society", "people_centred"], focus="both", unit="proposals", scale=(5, 60),
        en=(
            "Migrant and refugee advisory council",
            "An elected council of migrant and refugee residents advises the mayor and city council on policies and budgets that affect them.",
            "Members are elected every two years by residents without local voting rights; the council has a budget, a secretariat and the right to be consulted on draft policies.",
            "Migrant and refugee residents have a recognised voice in local decisions.",
            "Policy proposals submitted by the council",
        ),
        fr=(
            "Conseil consultatif des résidents migrants et réfugiés",
            "Un conseil élu de résidents migrants et réfugiés conseille le maire et le conseil municipal sur les politiques et budgets qui les concernent.",
            "Ses membres sont élus tous les deux ans par les habitants privés du droit de vote local ; le conseil dispose d’un budget, d’un secrétariat et d’un droit de consultation sur les projets de politiques.",
            "Les habitants migrants et réfugiés ont une voix reconnue dans les décisions locales.",
            "Avis et propositions remis par le conseil",
        ),
        es=(
            "Consejo consultivo de personas migrantes y refugiadas",
            "Un consejo elegido de residentes migrantes y refugiados asesora a la alcaldía y al concejo municipal sobre las políticas y presupuestos que les afectan.",
            "Sus miembros se eligen cada dos años entre residentes sin derecho a voto local; el consejo cuenta con presupuesto, secretaría técnica y derecho a ser consultado sobre los proyectos de política.",
            "Las personas migrantes y refugiadas tienen una voz reconocida en las decisiones locales.",
            "Propuestas presentadas por el consejo",
        ),
    ),
    _template(
        "women_safe_spaces", themes=["gender", "protection", "health"], targets=["refugees", "migrants", "idps"],
        gcm=[7, 15], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[5, 16],
        principles=["gender_responsive", "human_rights"], focus="both", scale=(50, 3000),
        en=(
            "Safe spaces for migrant and refugee women survivors of violence",
            "Women-only centres offer shelter, medical and psychological care, legal advice and livelihood support to survivors of gender-based violence.",
            "Centres are staffed by women case workers and interpreters, open around the clock and connected to police, courts and health services through an agreed referral pathway.",
            "Every survivor who seeks help finds a safe place and specialised support, whatever her status.",
            "Women and girls supported",
        ),
        fr=(
            "Espaces sûrs pour les femmes migrantes et réfugiées victimes de violences",
            "Des centres réservés aux femmes offrent hébergement, soins médicaux et psychologiques, conseil juridique et appui économique aux victimes de violences fondées sur le genre.",
            "Les centres emploient des intervenantes et des interprètes, sont ouverts jour et nuit et reliés à la police, à la justice et à la santé par un circuit d’orientation convenu.",
            "Toute victime qui demande de l’aide trouve un lieu sûr et un accompagnement spécialisé, quel que soit son statut.",
            "Femmes et filles accompagnées",
        ),
        es=(
            "Espacios seguros para mujeres migrantes y refugiadas sobrevivientes de violencia",
            "Centros exclusivos para mujeres ofrecen alojamiento, atención médica y psicológica, asesoría jurídica y apoyo para generar ingresos a sobrevivientes de violencia de género.",
            "Los centros cuentan con profesionales e intérpretes mujeres, abren las 24 horas y están conectados con la policía, la justicia y la salud mediante una ruta de atención acordada.",
            "Toda sobreviviente que busca ayuda encuentra un lugar seguro y apoyo especializado, sin importar su situación.",
            "Mujeres y niñas atendidas",
        ),
    ),
    _template(
        "unaccompanied_children", themes=["children", "protection"], targets=["refugees", "migrants", "asylum_seekers"],
        gcm=[7, 12, 13], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[16, 4],
        principles=["child_sensitive", "human_rights"], focus="both", unit="children", scale=(20, 900),
        en=(
            "Guardianship and care for unaccompanied children",
            "Unaccompanied and separated children are appointed a guardian within days and live with foster families or in small group homes instead of large centres.",
            "The city recruits and trains volunteer guardians and foster families, ensures schooling and health care, and prepares each young person for the transition to adulthood.",
            "Every unaccompanied child has a guardian, a safe home and a plan for their future.",
            "Children with an appointed guardian",
        ),
        fr=(
            "Tutelle et prise en charge des enfants non accompagnés",
            "Les enfants non accompagnés et séparés se voient désigner un tuteur en quelques jours et vivent en famille d’accueil ou en petites unités plutôt que dans de grands centres.",
            "La ville recrute et forme des tuteurs bénévoles et des familles d’accueil, assure scolarisation et soins, et prépare chaque jeune au passage à l’âge adulte.",
            "Chaque enfant non accompagné a un tuteur, un foyer sûr et un projet d’avenir.",
            "Enfants disposant d’un tuteur désigné",
        ),
        es=(
            "Tutela y cuidado de niñas y niños no acompañados",
            "A los niños y niñas no acompañados y separados se les asigna un tutor en pocos días y viven con familias de acogida o en pequeños hogares en lugar de grandes centros.",
            "El municipio recluta y capacita a tutores voluntarios y familias de acogida, garantiza escolarización y salud, y prepara a cada joven para la transición a la vida adulta.",
            "Todo niño o niña no acompañado tiene un tutor, un hogar seguro y un proyecto de futuro.",
            "Niñas y niños con tutor asignado",
        ),
    ),
    _template(
        "youth_sport", themes=["children", "inclusion"], targets=["refugees", "migrants", "host_communities"],
        gcm=[16], gcr_areas=["education"], gcr_objectives=[2], sdgs=[3, 4, 10],
        principles=["child_sensitive", "whole_of_society"], focus="both", scale=(100, 4000),
        en=(
            "Youth mentoring and sport for social cohesion",
            "Young newcomers and local youth train, play and volunteer together in mixed teams, with mentors who help with school and first jobs.",
            "Sports clubs, youth centres and schools run weekly activities and summer camps; older participants are trained as coaches and mentors.",
            "Young people of all backgrounds build friendships, confidence and networks.",
            "Young people taking part",
        ),
        fr=(
            "Mentorat et sport pour la cohésion sociale des jeunes",
            "Jeunes nouvellement arrivés et jeunes du quartier s’entraînent, jouent et s’engagent ensemble dans des équipes mixtes, avec des mentors qui les aident pour l’école et le premier emploi.",
            "Clubs sportifs, maisons de jeunes et écoles proposent des activités hebdomadaires et des camps d’été ; les plus âgés sont formés pour devenir entraîneurs et mentors.",
            "Les jeunes de tous horizons tissent des amitiés, prennent confiance et se constituent un réseau.",
            "Jeunes participants",
        ),
        es=(
            "Mentoría y deporte para la cohesión social juvenil",
            "Jóvenes recién llegados y jóvenes del barrio entrenan, juegan y hacen voluntariado juntos en equipos mixtos, con mentores que los apoyan en los estudios y el primer empleo.",
            "Clubes deportivos, casas de la juventud y escuelas organizan actividades semanales y campamentos de verano; los participantes mayores se forman como entrenadores y mentores.",
            "Jóvenes de todos los orígenes construyen amistades, confianza y redes.",
            "Jóvenes participantes",
        ),
    ),
    _template(
        "refugee_teachers", themes=["education", "employment"], targets=["refugees"],
        gcm=[18, 6], gcr_areas=["education", "jobs_and_livelihoods"], gcr_objectives=[2], sdgs=[4, 8],
        principles=["whole_of_government"], focus="refugee", scale=(10, 300),
        en=(
            "Refugee teachers in municipal schools",
            "Qualified refugee teachers are recruited as teaching assistants and then as teachers, supporting newcomer pupils and easing staff shortages.",
            "The city funds a one-year bridging course on the local curriculum and language, mentoring by experienced teachers and paid placements in municipal schools.",
            "Refugee teachers work in their profession, and newcomer pupils learn with teachers who understand their journey.",
            "Refugee teachers employed",
        ),
        fr=(
            "Des enseignants réfugiés dans les écoles municipales",
            "Des enseignants réfugiés qualifiés sont recrutés comme assistants puis comme enseignants, pour soutenir les élèves nouvellement arrivés et pallier le manque de personnel.",
            "La ville finance une formation passerelle d’un an sur les programmes et la langue, un tutorat par des enseignants expérimentés et des stages rémunérés dans les écoles municipales.",
            "Les enseignants réfugiés exercent leur métier, et les élèves nouvellement arrivés apprennent avec des enseignants qui comprennent leur parcours.",
            "Enseignants réfugiés recrutés",
        ),
        es=(
            "Docentes refugiados en escuelas municipales",
            "Docentes refugiados cualificados se incorporan como asistentes y luego como maestros, apoyando al alumnado recién llegado y paliando la falta de personal.",
            "El municipio financia un curso puente de un año sobre el currículo y el idioma, mentoría de docentes con experiencia y prácticas remuneradas en escuelas municipales.",
            "Los docentes refugiados ejercen su profesión y el alumnado recién llegado aprende con maestros que entienden su trayectoria.",
            "Docentes refugiados contratados",
        ),
    ),
    _template(
        "scholarships", themes=["education", "pathways"], targets=["refugees"], gcm=[5, 18],
        gcr_areas=["education", "solutions"], gcr_objectives=[3], sdgs=[4],
        principles=["international_cooperation"], kinds="pledge", focus="refugee", unit="scholarships",
        scale=(10, 200),
        en=(
            "University scholarships for refugee students",
            "The city and local universities fund full scholarships, housing and mentoring for refugee students, including students admitted from countries of first asylum.",
            "Scholarships cover tuition, a living allowance and accommodation; the city supports visa and admission procedures with national authorities, and universities offer language preparation.",
            "Refugee students complete higher education and gain skills for their future, wherever it is.",
            "Scholarships awarded",
        ),
        fr=(
            "Bourses universitaires pour étudiants réfugiés",
            "La ville et les universités locales financent des bourses complètes, un logement et un mentorat pour des étudiants réfugiés, y compris admis depuis des pays de premier asile.",
            "Les bourses couvrent les frais d’études, une allocation de subsistance et le logement ; la ville appuie les démarches de visa et d’admission auprès des autorités nationales et les universités proposent une préparation linguistique.",
            "Les étudiants réfugiés achèvent des études supérieures et acquièrent des compétences pour leur avenir, où qu’il soit.",
            "Bourses attribuées",
        ),
        es=(
            "Becas universitarias para estudiantes refugiados",
            "La ciudad y las universidades locales financian becas completas, alojamiento y mentoría para estudiantes refugiados, incluidos estudiantes admitidos desde países de primer asilo.",
            "Las becas cubren matrícula, una ayuda de manutención y alojamiento; la ciudad apoya los trámites de visado y admisión ante las autoridades nacionales y las universidades ofrecen preparación lingüística.",
            "Los estudiantes refugiados completan estudios superiores y adquieren competencias para su futuro, dondequiera que sea.",
            "Becas otorgadas",
        ),
    ),
    _template(
        "community_sponsorship", themes=["pathways", "reception"], targets=["refugees", "host_communities"],
        gcm=[5, 16, 23], gcr_areas=["solutions", "burden_and_responsibility_sharing"], gcr_objectives=[3],
        sdgs=[10, 17], principles=["whole_of_society", "international_cooperation"], focus="refugee",
        scale=(20, 800),
        en=(
            "Community sponsorship for resettled refugees",
            "Groups of residents welcome resettled refugee families, helping them find housing, schools, work and friends during their first year.",
            "The city trains and vets sponsor groups, matches them with families arriving through resettlement and provides a coordinator and a small start-up fund for each group.",
            "More refugees are resettled, and each family is welcomed by a community that supports its integration.",
            "Refugees welcomed by sponsor groups",
        ),
        fr=(
            "Parrainage communautaire de personnes réfugiées réinstallées",
            "Des groupes d’habitants accueillent des familles réfugiées réinstallées et les aident à trouver logement, école, travail et amis pendant leur première année.",
            "La ville forme et vérifie les groupes de parrainage, les associe aux familles arrivant par la réinstallation et fournit un coordinateur et un petit fonds de démarrage à chaque groupe.",
            "Davantage de personnes réfugiées sont réinstallées, et chaque famille est accueillie par une communauté qui soutient son intégration.",
            "Personnes réfugiées accueillies par des groupes de parrainage",
        ),
        es=(
            "Patrocinio comunitario de personas refugiadas reasentadas",
            "Grupos de vecinos acogen a familias refugiadas reasentadas y las ayudan a encontrar vivienda, escuela, trabajo y amistades durante su primer año.",
            "La ciudad forma y acredita a los grupos patrocinadores, los vincula con familias que llegan por reasentamiento y aporta una coordinadora y un pequeño fondo inicial a cada grupo.",
            "Se reasienta a más personas refugiadas y cada familia es recibida por una comunidad que apoya su integración.",
            "Personas refugiadas acogidas por grupos patrocinadores",
        ),
    ),
    _template(
        "labour_pathway", themes=["pathways", "employment"], targets=["refugees", "migrants"],
        gcm=[5, 6, 18], gcr_areas=["solutions", "jobs_and_livelihoods"], gcr_objectives=[3, 2], sdgs=[8, 10],
        principles=["international_cooperation", "whole_of_society"], kinds="pledge", focus="both",
        scale=(10, 500),
        en=(
            "Labour mobility pathway for displaced skilled workers",
            "Local employers recruit refugees with needed skills from countries of first asylum, with a work permit, relocation support and a job waiting on arrival.",
            "The city brings together employers, recruitment partners and national authorities, covers pre-departure language training and organises housing and onboarding.",
            "Displaced skilled workers gain a safe route to decent work, and local employers fill shortages.",
            "Workers arriving through the pathway",
        ),
        fr=(
            "Voie de mobilité professionnelle pour des travailleurs qualifiés déplacés",
            "Des employeurs locaux recrutent des personnes réfugiées aux compétences recherchées dans des pays de premier asile, avec permis de travail, aide à l’installation et emploi assuré à l’arrivée.",
            "La ville réunit employeurs, partenaires de recrutement et autorités nationales, finance la formation linguistique avant le départ et organise le logement et l’intégration en entreprise.",
            "Des travailleurs qualifiés déplacés accèdent à une voie sûre vers un travail décent, et les employeurs locaux comblent leurs pénuries.",
            "Travailleurs arrivés par cette voie",
        ),
        es=(
            "Vía de movilidad laboral para trabajadores cualificados desplazados",
            "Empleadores locales contratan a personas refugiadas con competencias demandadas desde países de primer asilo, con permiso de trabajo, apoyo para instalarse y un empleo asegurado a la llegada.",
            "La ciudad reúne a empleadores, socios de contratación y autoridades nacionales, cubre la formación lingüística previa a la salida y organiza el alojamiento y la incorporación al trabajo.",
            "Trabajadores cualificados desplazados acceden a una vía segura hacia el trabajo decente y los empleadores locales cubren sus vacantes.",
            "Trabajadores llegados por esta vía",
        ),
    ),
    _template(
        "legal_advice", themes=["pathways", "services"], targets=["migrants", "asylum_seekers", "stateless"],
        gcm=[7, 5, 4], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[16, 10],
        principles=["rule_of_law_and_due_process", "human_rights"], focus="both", scale=(200, 10000),
        en=(
            "Free legal advice on residence and regularisation",
            "Lawyers and trained advisers help migrants understand their options, apply for residence permits and renew documents on time, free of charge.",
            "Advice sessions run in neighbourhood offices and online; the service trains community paralegals and documents recurring obstacles to raise them with national authorities.",
            "No resident loses their legal status for lack of information or advice.",
            "People advised",
        ),
        fr=(
            "Conseil juridique gratuit sur le séjour et la régularisation",
            "Avocats et conseillers formés aident gratuitement les personnes migrantes à comprendre leurs options, à demander un titre de séjour et à renouveler leurs papiers à temps.",
            "Les permanences ont lieu dans des bureaux de quartier et en ligne ; le service forme des parajuristes communautaires et documente les obstacles récurrents pour les signaler aux autorités nationales.",
            "Aucun habitant ne perd son droit au séjour faute d’information ou de conseil.",
            "Personnes conseillées",
        ),
        es=(
            "Asesoría jurídica gratuita sobre residencia y regularización",
            "Abogados y asesores capacitados ayudan gratuitamente a las personas migrantes a conocer sus opciones, solicitar permisos de residencia y renovar sus documentos a tiempo.",
            "Las asesorías se ofrecen en oficinas de barrio y en línea; el servicio forma a promotores jurídicos comunitarios y documenta los obstáculos recurrentes para plantearlos a las autoridades nacionales.",
            "Ningún residente pierde su situación regular por falta de información o asesoría.",
            "Personas asesoradas",
        ),
    ),
    _template(
        "solar_power", themes=["climate", "services"], targets=["refugees", "host_communities", "idps"],
        gcm=[2, 15], gcr_areas=["energy_and_infrastructure"], gcr_objectives=[1, 2], sdgs=[7, 13],
        principles=["sustainable_development"], focus="refugee", unit="households", scale=(200, 15000),
        en=(
            "Solar power for refugee-hosting neighbourhoods",
            "Solar street lights, mini-grids and rooftop panels bring clean, affordable electricity to neighbourhoods and settlements hosting refugees and displaced people.",
            "The local government installs equipment with utility and private partners, trains refugee and local youth as solar technicians and sets up community maintenance committees.",
            "Refugees and host residents have safe, affordable and clean energy at home and in public spaces.",
            "Households connected to clean energy",
        ),
        fr=(
            "Énergie solaire pour les quartiers accueillant des personnes réfugiées",
            "Éclairage public solaire, mini-réseaux et panneaux en toiture apportent une électricité propre et abordable aux quartiers et sites qui accueillent des personnes réfugiées et déplacées.",
            "La collectivité installe les équipements avec des partenaires publics et privés, forme des jeunes réfugiés et locaux comme techniciens solaires et crée des comités d’entretien.",
            "Personnes réfugiées et habitants disposent d’une énergie sûre, abordable et propre chez eux et dans l’espace public.",
            "Ménages raccordés à une énergie propre",
        ),
        es=(
            "Energía solar para barrios que acogen a personas refugiadas",
            "Alumbrado público solar, minirredes y paneles en tejados llevan electricidad limpia y asequible a barrios y asentamientos que acogen a personas refugiadas y desplazadas.",
            "El gobierno local instala los equipos con socios públicos y privados, forma a jóvenes refugiados y locales como técnicos solares y crea comités comunitarios de mantenimiento.",
            "Las personas refugiadas y las comunidades de acogida tienen energía segura, asequible y limpia en sus hogares y espacios públicos.",
            "Hogares conectados a energía limpia",
        ),
    ),
    _template(
        "water_sanitation", themes=["services", "housing"], targets=["idps", "refugees", "host_communities"],
        gcm=[15, 2], gcr_areas=["energy_and_infrastructure", "burden_and_responsibility_sharing"],
        gcr_objectives=[1], sdgs=[6, 11], principles=["gender_responsive", "sustainable_development"],
        focus="refugee", scale=(2000, 120000),
        en=(
            "Water and sanitation upgrade in neighbourhoods hosting displaced people",
            "New water points, sewer connections and public toilets serve both long-term residents and displaced families in overcrowded neighbourhoods.",
            "Works are planned with residents’ committees, giving priority to schools, clinics and places where women and girls feel unsafe; a local water board manages tariffs and maintenance.",
            "Everyone in hosting neighbourhoods has safe water and sanitation, easing tensions over scarce services.",
            "People with improved water access",
        ),
        fr=(
            "Amélioration de l’eau et de l’assainissement dans les quartiers accueillant des personnes déplacées",
            "Nouveaux points d’eau, raccordements à l’égout et toilettes publiques servent à la fois les habitants de longue date et les familles déplacées dans des quartiers surpeuplés.",
            "Les travaux sont planifiés avec les comités de quartier, en priorité près des écoles, des centres de santé et des lieux où femmes et filles se sentent en insécurité ; une régie locale gère les tarifs et l’entretien.",
            "Dans les quartiers d’accueil, chacun dispose d’eau potable et d’assainissement, ce qui apaise les tensions autour de services rares.",
            "Personnes ayant un meilleur accès à l’eau",
        ),
        es=(
            "Mejora del agua y el saneamiento en barrios que acogen a personas desplazadas",
            "Nuevos puntos de agua, conexiones al alcantarillado y baños públicos sirven tanto a residentes de larga data como a familias desplazadas en barrios hacinados.",
            "Las obras se planifican con las juntas vecinales, priorizando escuelas, centros de salud y lugares donde mujeres y niñas se sienten inseguras; un organismo local gestiona tarifas y mantenimiento.",
            "Todas las personas de los barrios de acogida tienen agua segura y saneamiento, lo que reduce las tensiones por servicios escasos.",
            "Personas con mejor acceso al agua",
        ),
    ),
    _template(
        "city_partnership", themes=["reception", "participation"], targets=["refugees", "host_communities"],
        gcm=[23], gcr_areas=["burden_and_responsibility_sharing"], gcr_objectives=[1], sdgs=[17, 11],
        principles=["international_cooperation"], kinds="pledge", focus="refugee", unit="exchanges",
        scale=(3, 40),
        en=(
            "City-to-city partnership to share reception capacity",
            "The city offers staff, expertise and funding to a partner city hosting large numbers of refugees, and receives peer support in return.",
            "The partnership combines staff exchanges, joint training, co-financed projects and a shared monitoring framework, reviewed every year by both city councils.",
            "Responsibility for welcoming refugees is shared more fairly between cities.",
            "Staff exchanges completed",
        ),
        fr=(
            "Partenariat de ville à ville pour partager la capacité d’accueil",
            "La ville apporte personnel, expertise et financement à une ville partenaire qui accueille un grand nombre de personnes réfugiées, et bénéficie en retour d’un appui entre pairs.",
            "Le partenariat associe échanges de personnel, formations communes, projets cofinancés et cadre de suivi partagé ; il est évalué chaque année par les deux conseils municipaux.",
            "La responsabilité de l’accueil des personnes réfugiées est partagée plus équitablement entre les villes.",
            "Échanges de personnel réalisés",
        ),
        es=(
            "Alianza entre ciudades para compartir la capacidad de acogida",
            "La ciudad aporta personal, experiencia y financiación a una ciudad socia que acoge a un gran número de personas refugiadas, y recibe a cambio apoyo entre pares.",
            "La alianza combina intercambios de personal, formación conjunta, proyectos cofinanciados y un marco de seguimiento común, que ambos concejos municipales evalúan cada año.",
            "La responsabilidad de acoger a personas refugiadas se reparte de forma más justa entre ciudades.",
            "Intercambios de personal realizados",
        ),
    ),
    _template(
        "integration_plan", themes=["inclusion", "participation"], targets=["everyone", "host_communities"],
        gcm=[16, 23, 1], gcr_areas=["solutions"], gcr_objectives=[2], sdgs=[11, 16],
        principles=["whole_of_government", "whole_of_society"], focus="both", unit="percent", scale=(60, 95),
        en=(
            "Local integration plan co-designed with residents",
            "A multi-year integration plan, drafted with newcomers, long-term residents, service providers and employers, sets shared goals for every municipal department.",
            "Public workshops in several languages shaped the plan; each department has targets and a budget line, and progress is discussed at an annual open forum.",
            "Integration is treated as a shared responsibility across the whole local government and society.",
            "Plan measures on track",
        ),
        fr=(
            "Plan local d’intégration co-construit avec les habitants",
            "Un plan pluriannuel d’intégration, rédigé avec les personnes nouvellement arrivées, les habitants de longue date, les services et les employeurs, fixe des objectifs communs à tous les services municipaux.",
            "Des ateliers publics en plusieurs langues ont façonné le plan ; chaque service a des cibles et une ligne budgétaire, et les progrès sont discutés lors d’un forum public annuel.",
            "L’intégration devient une responsabilité partagée par l’ensemble de la collectivité et de la société.",
            "Mesures du plan en bonne voie",
        ),
        es=(
            "Plan local de integración diseñado con los vecinos",
            "Un plan plurianual de integración, elaborado con personas recién llegadas, residentes de larga data, proveedores de servicios y empleadores, fija metas comunes para todas las áreas municipales.",
            "Talleres públicos en varios idiomas dieron forma al plan; cada área tiene metas y una partida presupuestaria, y los avances se debaten en un foro abierto anual.",
            "La integración se asume como una responsabilidad compartida por todo el gobierno local y la sociedad.",
            "Medidas del plan que avanzan según lo previsto",
        ),
    ),
    _template(
        "staff_training", themes=["services", "inclusion"], targets=["migrants", "refugees", "everyone"],
        gcm=[17, 15, 3], sdgs=[16, 10], principles=["human_rights", "whole_of_government"], scale=(100, 5000),
        en=(
            "Training public servants on migrants’ rights",
            "Frontline municipal staff learn about the rights of migrants and refugees, intercultural communication and how to work with interpreters.",
            "Short modules are part of the induction of new staff, with refresher sessions co-facilitated by migrant trainers and an online guide to entitlements by status.",
            "Every resident is served correctly and respectfully, whatever their origin or status.",
            "Staff trained",
        ),
        fr=(
            "Formation des agents publics aux droits des personnes migrantes",
            "Les agents municipaux de première ligne se forment aux droits des personnes migrantes et réfugiées, à la communication interculturelle et au travail avec des interprètes.",
            "De courts modules font partie de l’accueil des nouveaux agents, avec des sessions de mise à jour co-animées par des formateurs migrants et un guide en ligne des droits selon le statut.",
            "Chaque habitant est reçu correctement et avec respect, quels que soient son origine ou son statut.",
            "Agents formés",
        ),
        es=(
            "Formación del personal público sobre los derechos de las personas migrantes",
            "El personal municipal de primera línea se forma en los derechos de las personas migrantes y refugiadas, la comunicación intercultural y el trabajo con intérpretes.",
            "Módulos breves forman parte de la inducción del nuevo personal, con sesiones de actualización cofacilitadas por formadores migrantes y una guía en línea de derechos según la situación.",
            "Todo residente es atendido correctamente y con respeto, sin importar su origen o situación.",
            "Personal formado",
        ),
    ),
    _template(
        "information_portal", themes=["services", "data"], targets=["migrants", "refugees", "asylum_seekers"],
        gcm=[3, 15], sdgs=[16, 10], principles=["people_centred"], focus="both", unit="requests",
        scale=(1000, 80000),
        en=(
            "Multilingual information portal and helpline",
            "A website, a messaging channel and a free helpline give reliable information on local services, rights and procedures in the main languages spoken by newcomers.",
            "Content is written in plain language with community reviewers, updated weekly and backed by a helpline staffed by multilingual operators.",
            "Newcomers find accurate information about local services in a language they understand.",
            "Questions answered",
        ),
        fr=(
            "Portail d’information et ligne d’assistance multilingues",
            "Un site web, un canal de messagerie et une ligne gratuite donnent une information fiable sur les services locaux, les droits et les démarches dans les principales langues des personnes nouvellement arrivées.",
            "Les contenus sont rédigés en langage clair avec des relecteurs issus des communautés, mis à jour chaque semaine et complétés par une ligne tenue par des opérateurs multilingues.",
            "Les personnes nouvellement arrivées trouvent une information exacte sur les services locaux dans une langue qu’elles comprennent.",
            "Questions traitées",
        ),
        es=(
            "Portal de información y línea de ayuda multilingües",
            "Un sitio web, un canal de mensajería y una línea gratuita ofrecen información fiable sobre servicios locales, derechos y trámites en los principales idiomas de las personas recién llegadas.",
            "Los contenidos se redactan en lenguaje claro con revisores de las comunidades, se actualizan cada semana y se apoyan en una línea atendida por operadores multilingües.",
            "Las personas recién llegadas encuentran información exacta sobre los servicios locales en un idioma que entienden.",
            "Consultas atendidas",
        ),
    ),
    _template(
        "idp_housing", themes=["housing", "return"], targets=["idps", "host_communities"], gcm=[2, 15],
        gcr_areas=["solutions", "energy_and_infrastructure"], gcr_objectives=[1], sdgs=[11, 1],
        principles=["people_centred", "sustainable_development"], focus="refugee",
        places=("Bogotá", "Medellín", "Cúcuta", "Goma", "Kinshasa", "Mogadishu", "Lviv", "Tbilisi", "Erbil",
                "Federación Colombiana de Municipios", "Turkana County"),
        unit="families", scale=(50, 5000),
        en=(
            "Durable housing solutions for internally displaced families",
            "Displaced families living in collective shelters or informal sites move to secure, affordable housing with tenure documents and access to services.",
            "The local government allocates serviced land, supports incremental self-building and rent subsidies, and resolves housing, land and property claims with legal aid.",
            "Displaced families no longer live in temporary shelters and have secure tenure.",
            "Families in durable housing",
        ),
        fr=(
            "Solutions de logement durables pour les familles déplacées internes",
            "Les familles déplacées vivant en centres collectifs ou sur des sites informels accèdent à un logement sûr et abordable, avec des titres d’occupation et l’accès aux services.",
            "La collectivité attribue des terrains viabilisés, soutient l’auto-construction progressive et les aides au loyer, et règle les litiges fonciers et immobiliers avec une aide juridique.",
            "Les familles déplacées ne vivent plus dans des abris temporaires et disposent d’une sécurité d’occupation.",
            "Familles en logement durable",
        ),
        es=(
            "Soluciones de vivienda duraderas para familias desplazadas internas",
            "Las familias desplazadas que viven en albergues colectivos o asentamientos informales pasan a una vivienda segura y asequible, con títulos de tenencia y acceso a servicios.",
            "El gobierno local asigna suelo urbanizado, apoya la autoconstrucción progresiva y los subsidios de alquiler, y resuelve reclamaciones de vivienda, tierras y propiedad con asistencia jurídica.",
            "Las familias desplazadas dejan los albergues temporales y cuentan con seguridad en la tenencia.",
            "Familias en vivienda duradera",
        ),
    ),
    _template(
        "urban_agriculture", themes=["climate", "employment"], targets=["refugees", "idps", "host_communities"],
        gcm=[2, 16], gcr_areas=["jobs_and_livelihoods"], gcr_objectives=[2], sdgs=[2, 8, 13],
        principles=["sustainable_development", "whole_of_society"], focus="refugee", scale=(30, 1500),
        en=(
            "Urban agriculture and green jobs for displaced and host residents",
            "Community gardens, composting and tree planting create paid work and fresh food for refugees, displaced people and their neighbours.",
            "The city provides land, tools and training; cooperatives of displaced and local residents sell produce at municipal markets and maintain green spaces under contract.",
            "Displaced and host residents earn an income together while making the city greener.",
            "People earning an income from green jobs",
        ),
        fr=(
            "Agriculture urbaine et emplois verts pour les personnes déplacées et les habitants",
            "Jardins communautaires, compostage et plantation d’arbres créent des emplois rémunérés et une alimentation fraîche pour les personnes réfugiées et déplacées et leurs voisins.",
            "La ville fournit terrains, outils et formation ; des coopératives réunissant personnes déplacées et habitants vendent leurs produits sur les marchés municipaux et entretiennent des espaces verts sous contrat.",
            "Personnes déplacées et habitants tirent ensemble un revenu de leur travail tout en verdissant la ville.",
            "Personnes tirant un revenu d’emplois verts",
        ),
        es=(
            "Agricultura urbana y empleos verdes para personas desplazadas y vecinos",
            "Huertos comunitarios, compostaje y plantación de árboles generan trabajo remunerado y alimentos frescos para personas refugiadas, desplazadas y sus vecinos.",
            "La ciudad aporta terrenos, herramientas y formación; cooperativas de personas desplazadas y residentes venden sus productos en mercados municipales y mantienen zonas verdes por contrato.",
            "Personas desplazadas y comunidades de acogida generan ingresos juntas mientras la ciudad se vuelve más verde.",
            "Personas con ingresos de empleos verdes",
        ),
    ),
    _template(
        "digital_inclusion", themes=["education", "services"], targets=["migrants", "refugees"],
        gcm=[18, 3], gcr_areas=["education"], gcr_objectives=[2], sdgs=[4, 9],
        principles=["people_centred"], focus="both", scale=(100, 5000),
        en=(
            "Digital skills and connectivity for newcomers",
            "Free devices, data and training help newcomers use online public services, follow classes and look for work.",
            "Libraries lend laptops and mobile hotspots, volunteers run weekly digital help sessions, and the city negotiated reduced data plans with operators.",
            "No newcomer is excluded from services or education for lack of digital access or skills.",
            "People trained in digital skills",
        ),
        fr=(
            "Compétences numériques et connectivité pour les personnes nouvellement arrivées",
            "Équipements, forfaits de données et formations gratuits aident les personnes nouvellement arrivées à utiliser les services publics en ligne, suivre des cours et chercher un emploi.",
            "Les bibliothèques prêtent ordinateurs et points d’accès mobiles, des bénévoles tiennent des permanences numériques hebdomadaires et la ville a négocié des forfaits réduits avec les opérateurs.",
            "Aucune personne nouvellement arrivée n’est exclue des services ou de l’éducation faute d’accès ou de compétences numériques.",
            "Personnes formées au numérique",
        ),
        es=(
            "Competencias digitales y conectividad para personas recién llegadas",
            "Dispositivos, datos y formación gratuitos ayudan a las personas recién llegadas a usar servicios públicos en línea, seguir clases y buscar empleo.",
            "Las bibliotecas prestan portátiles y módems móviles, voluntarios ofrecen asesorías digitales semanales y la ciudad negoció planes de datos rebajados con los operadores.",
            "Ninguna persona recién llegada queda excluida de servicios o de la educación por falta de acceso o competencias digitales.",
            "Personas formadas en competencias digitales",
        ),
    ),
    _template(
        "psychosocial_support", themes=["health", "children"], targets=["refugees", "idps", "host_communities"],
        gcm=[15, 7], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[3],
        principles=["people_centred", "child_sensitive"], focus="refugee", scale=(200, 8000),
        en=(
            "Psychosocial support for displaced people",
            "Community-based mental health and psychosocial support helps refugees, displaced people and host residents cope with loss, stress and trauma.",
            "Trained community workers run support groups and home visits, refer severe cases to specialised care, and work with schools to support children.",
            "Everyone affected by displacement can access mental health support close to home.",
            "People receiving psychosocial support",
        ),
        fr=(
            "Soutien psychosocial aux personnes déplacées",
            "Un soutien communautaire en santé mentale et psychosocial aide les personnes réfugiées, déplacées et les habitants à faire face au deuil, au stress et aux traumatismes.",
            "Des intervenants communautaires formés animent des groupes de parole et des visites à domicile, orientent les cas graves vers des soins spécialisés et travaillent avec les écoles pour soutenir les enfants.",
            "Toute personne touchée par le déplacement peut accéder à un soutien en santé mentale près de chez elle.",
            "Personnes bénéficiant d’un soutien psychosocial",
        ),
        es=(
            "Apoyo psicosocial para personas desplazadas",
            "La atención comunitaria en salud mental y apoyo psicosocial ayuda a personas refugiadas, desplazadas y de las comunidades de acogida a sobrellevar la pérdida, el estrés y el trauma.",
            "Agentes comunitarios capacitados dinamizan grupos de apoyo y visitas domiciliarias, derivan los casos graves a atención especializada y trabajan con las escuelas para apoyar a la niñez.",
            "Toda persona afectada por el desplazamiento puede acceder a apoyo en salud mental cerca de su casa.",
            "Personas que reciben apoyo psicosocial",
        ),
    ),
    _template(
        "birth_registration", themes=["protection", "services", "children"], targets=["stateless", "everyone"],
        gcm=[4, 7], gcr_areas=["protection_capacity"], gcr_objectives=[1], sdgs=[16],
        principles=["child_sensitive", "human_rights"], focus="both", unit="cases", scale=(100, 6000),
        en=(
            "Birth registration and nationality support for stateless residents",
            "Mobile civil registry teams register births and help stateless residents, and those at risk of statelessness, obtain documents and a nationality.",
            "Registry officers visit neighbourhoods and settlements, waive late-registration fees and refer complex cases to legal partners who handle nationality applications.",
            "Every child born in the city is registered, and no resident remains stateless for lack of documents.",
            "Births registered and cases resolved",
        ),
        fr=(
            "Enregistrement des naissances et accès à la nationalité pour les personnes apatrides",
            "Des équipes mobiles d’état civil enregistrent les naissances et aident les personnes apatrides ou à risque d’apatridie à obtenir des documents et une nationalité.",
            "Les officiers d’état civil se rendent dans les quartiers et les sites, suppriment les frais d’enregistrement tardif et orientent les cas complexes vers des partenaires juridiques chargés des demandes de nationalité.",
            "Chaque enfant né dans la ville est enregistré, et personne ne reste apatride faute de documents.",
            "Naissances enregistrées et dossiers résolus",
        ),
        es=(
            "Registro de nacimientos y acceso a la nacionalidad para personas apátridas",
            "Equipos móviles del registro civil inscriben nacimientos y ayudan a personas apátridas o en riesgo de apatridia a obtener documentos y nacionalidad.",
            "Los registradores visitan barrios y asentamientos, eximen de tasas de inscripción tardía y derivan los casos complejos a socios jurídicos que tramitan las solicitudes de nacionalidad.",
            "Todo niño o niña nacido en la ciudad queda inscrito y nadie sigue siendo apátrida por falta de documentos.",
            "Nacimientos inscritos y casos resueltos",
        ),
    ),
]

# Pledges of these kinds answer another government's pledge (Action.matches): support offered ⇄ support sought.
OFFERING_TEMPLATES = {"city_partnership", "community_sponsorship", "scholarships", "labour_pathway", "return_partnership"}

# Pledge title suffixes, same index in every language.
PLEDGE_QUALIFIERS = {
    "en": (" — pilot phase", " — scale-up", ": second phase"),
    "fr": (" — phase pilote", " — passage à l’échelle", " : deuxième phase"),
    "es": (" — fase piloto", " — ampliación", ": segunda fase"),
}

# --- Sentence pools (same index = same meaning in every language) ------------------------------------------
INTRO_PRACTICE = {
    # Two of three openings name integration, and all of them migrants and refugees, as real submissions do: the
    # search benchmark needs these words in most actions (realistic word frequencies).
    "en": (
        "{city} launched this initiative in {start_year} to support the integration of migrants and refugees, after consulting residents, service providers and migrant- and refugee-led groups.",
        "Since {start_year}, {city} has run this programme for migrants, refugees and host communities through its social and community services.",
        "{city} started this work in {start_year} with a pilot in two neighbourhoods before extending it across its territory, as part of its integration strategy for migrants and refugees.",
    ),
    "fr": (
        "{city} a lancé cette initiative en {start_year} pour favoriser l’intégration des personnes migrantes et réfugiées, après avoir consulté les habitants, les services et des associations de personnes migrantes et réfugiées.",
        "Depuis {start_year}, {city} mène ce programme pour les migrants, les réfugiés et les communautés d’accueil par l’intermédiaire de ses services sociaux et communautaires.",
        "{city} a commencé ce travail en {start_year} par un projet pilote dans deux quartiers, avant de l’étendre à l’ensemble de son territoire, dans le cadre de sa stratégie d’intégration des migrants et des réfugiés.",
    ),
    "es": (
        "{city} puso en marcha esta iniciativa en {start_year} para favorecer la integración de las personas migrantes y refugiadas, tras consultar a vecinos, proveedores de servicios y organizaciones lideradas por personas migrantes y refugiadas.",
        "Desde {start_year}, {city} desarrolla este programa para migrantes, refugiados y comunidades de acogida a través de sus servicios sociales y comunitarios.",
        "{city} comenzó este trabajo en {start_year} con un piloto en dos barrios y luego lo extendió a todo su territorio, como parte de su estrategia de integración de migrantes y refugiados.",
    ),
}
INTRO_PLEDGE = {
    "en": (
        "{city} pledges to carry out this action between {start_year} and {end_year} to advance the integration of migrants and refugees.",
        "{city} commits, with this pledge, to scaling up its work with migrants, refugees and host communities by {end_year}.",
        "{city} makes this commitment for {start_year}–{end_year}, building on earlier pilots for the integration of refugees and migrants.",
    ),
    "fr": (
        "{city} s’engage à mettre en œuvre cette action entre {start_year} et {end_year} pour faire progresser l’intégration des migrants et des réfugiés.",
        "{city} entend, par cet engagement, amplifier son action auprès des migrants, des réfugiés et des communautés d’accueil d’ici {end_year}.",
        "{city} prend cet engagement pour la période {start_year}–{end_year}, en s’appuyant sur des projets pilotes antérieurs d’intégration des réfugiés et des migrants.",
    ),
    "es": (
        "{city} se compromete a llevar a cabo esta acción entre {start_year} y {end_year} para avanzar en la integración de migrantes y refugiados.",
        "{city} se compromete, con esta promesa, a ampliar su trabajo con migrantes, refugiados y comunidades de acogida de aquí a {end_year}.",
        "{city} asume este compromiso para el período {start_year}–{end_year}, a partir de experiencias piloto anteriores de integración de refugiados y migrantes.",
    ),
}
APPROACH = {
    "en": (
        "Services are free of charge and open to everyone, regardless of migration status.",
        "Staff are trained in trauma-informed and gender-sensitive approaches.",
        "Information is available in the languages most spoken by newcomers.",
        "Migrant- and refugee-led organisations sit on the steering committee and help design activities.",
        "Municipal departments coordinate their work with each other and with national authorities.",
        "Personal data is collected only when necessary and is never shared for immigration enforcement.",
        "Community mediators who share participants’ languages and experience carry out outreach.",
        "An annual public report presents results, costs and lessons learnt.",
    ),
    "fr": (
        "Les services sont gratuits et ouverts à toutes et à tous, quel que soit le statut migratoire.",
        "Le personnel est formé aux approches tenant compte des traumatismes et du genre.",
        "L’information est disponible dans les langues les plus parlées par les personnes nouvellement arrivées.",
        "Des organisations dirigées par des personnes migrantes et réfugiées siègent au comité de pilotage et participent à la conception des activités.",
        "Les services municipaux coordonnent leur action entre eux et avec les autorités nationales.",
        "Les données personnelles ne sont collectées qu’en cas de nécessité et ne sont jamais transmises à des fins de contrôle migratoire.",
        "Des médiateurs communautaires qui partagent les langues et l’expérience des participants assurent le travail de proximité.",
        "Un rapport public annuel présente les résultats, les coûts et les enseignements tirés.",
    ),
    "es": (
        "Los servicios son gratuitos y abiertos a todas las personas, independientemente de su situación migratoria.",
        "El personal está capacitado en enfoques sensibles al trauma y al género.",
        "La información está disponible en los idiomas más hablados por las personas recién llegadas.",
        "Organizaciones lideradas por personas migrantes y refugiadas forman parte del comité de dirección y participan en el diseño de las actividades.",
        "Las áreas municipales coordinan su trabajo entre sí y con las autoridades nacionales.",
        "Los datos personales solo se recogen cuando es necesario y nunca se comparten con fines de control migratorio.",
        "Mediadores comunitarios que comparten los idiomas y la experiencia de los participantes realizan el trabajo de acercamiento.",
        "Un informe público anual presenta resultados, costos y lecciones aprendidas.",
    ),
}
PARTNERS_LINE = {"en": "Partners: {partners}.", "fr": "Partenaires : {partners}.", "es": "Socios: {partners}."}
AND = {"en": " and ", "fr": " et ", "es": " y "}
RESULTS_PRACTICE = {
    "en": (
        "More than {people} people have taken part since the start.",
        "In {last_year} alone, the programme reached {people} people, {pct} of them women and girls.",
        "An external evaluation in {last_year} found high satisfaction among participants and recommended extending the programme.",
    ),
    "fr": (
        "Plus de {people} personnes y ont participé depuis le lancement.",
        "Rien qu’en {last_year}, le programme a touché {people} personnes, dont {pct} de femmes et de filles.",
        "Une évaluation externe menée en {last_year} a relevé une forte satisfaction des participants et recommandé d’étendre le programme.",
    ),
    "es": (
        "Más de {people} personas han participado desde el inicio.",
        "Solo en {last_year}, el programa llegó a {people} personas, el {pct} de ellas mujeres y niñas.",
        "Una evaluación externa realizada en {last_year} constató una alta satisfacción de los participantes y recomendó ampliar el programa.",
    ),
}
RESULTS_PLEDGE = {
    "en": (
        "The aim is to reach {people} people by {end_year}, with progress reported every year.",
        "Progress will be reported every year against the indicators below, and the results shared with other local governments.",
    ),
    "fr": (
        "L’objectif est de toucher {people} personnes d’ici {end_year}, avec un compte rendu annuel des progrès.",
        "Les progrès feront l’objet d’un compte rendu annuel au regard des indicateurs ci-dessous, et les résultats seront partagés avec d’autres collectivités.",
    ),
    "es": (
        "La meta es llegar a {people} personas para {end_year}, con un informe anual de avances.",
        "Los avances se informarán cada año según los indicadores que siguen, y los resultados se compartirán con otros gobiernos locales.",
    ),
}
EXTRA_GOALS = {
    "en": (
        "Reach {people} people by {end_year}.",
        "Ensure that at least {pct} of participants are women and girls.",
        "Publish an independent evaluation and share lessons with other local governments.",
        "Secure long-term funding in the municipal budget.",
    ),
    "fr": (
        "Toucher {people} personnes d’ici {end_year}.",
        "Faire en sorte qu’au moins {pct} des participants soient des femmes et des filles.",
        "Publier une évaluation indépendante et partager les enseignements avec d’autres collectivités.",
        "Inscrire un financement pérenne au budget municipal.",
    ),
    "es": (
        "Llegar a {people} personas para {end_year}.",
        "Lograr que al menos el {pct} de los participantes sean mujeres y niñas.",
        "Publicar una evaluación independiente y compartir las lecciones con otros gobiernos locales.",
        "Asegurar financiación estable en el presupuesto municipal.",
    ),
}
# Index 2 is the EU fund: only offered to governments in EU member states.
FUNDING_SOURCES = {
    "en": (
        "Municipal budget", "National government co-financing", "EU Asylum, Migration and Integration Fund",
        "IOM project grant", "UNHCR partnership agreement", "Private foundation grant", "Development bank loan",
        "In-kind contributions from partners", "Regional government grant", "Corporate social responsibility contributions",
    ),
    "fr": (
        "Budget municipal", "Cofinancement de l’État", "Fonds « Asile, migration et intégration » de l’UE",
        "Subvention de projet de l’OIM", "Accord de partenariat avec le HCR", "Subvention d’une fondation privée",
        "Prêt d’une banque de développement", "Contributions en nature des partenaires",
        "Subvention du gouvernement régional", "Mécénat d’entreprises",
    ),
    "es": (
        "Presupuesto municipal", "Cofinanciación del gobierno nacional", "Fondo de Asilo, Migración e Integración de la UE",
        "Subvención de proyecto de la OIM", "Acuerdo de colaboración con ACNUR", "Subvención de una fundación privada",
        "Préstamo de un banco de desarrollo", "Aportes en especie de los socios", "Subvención del gobierno regional",
        "Aportes de responsabilidad social empresarial",
    ),
}
EU_FUND_INDEX = 2
PARTNERSHIP_SOUGHT = {
    "en": (
        "Co-funding for the next phase.", "Technical expertise in monitoring and evaluation.",
        "Peer exchange with local governments running similar programmes.", "Employers willing to offer work placements.",
        "Universities to help evaluate the results.", "Interpreters and cultural mediators.",
    ),
    "fr": (
        "Cofinancement pour la prochaine phase.", "Expertise technique en suivi et évaluation.",
        "Échanges entre pairs avec des collectivités menant des programmes similaires.",
        "Employeurs prêts à proposer des stages.", "Universités pour aider à évaluer les résultats.",
        "Interprètes et médiateurs culturels.",
    ),
    "es": (
        "Cofinanciación para la siguiente fase.", "Experiencia técnica en seguimiento y evaluación.",
        "Intercambio entre pares con gobiernos locales que desarrollan programas similares.",
        "Empleadores dispuestos a ofrecer prácticas laborales.", "Universidades que ayuden a evaluar los resultados.",
        "Intérpretes y mediadores culturales.",
    ),
}
# Second indicator of some pledges: (name per language, baseline range, target range), unit percent.
EXTRA_INDICATORS = (
    (
        {"en": "Share of participants who are women and girls", "fr": "Part de femmes et de filles parmi les participants",
         "es": "Proporción de mujeres y niñas entre los participantes"},
        (20, 40), (50, 60),
    ),
    (
        {"en": "Participants satisfied with the service", "fr": "Participants satisfaits du service",
         "es": "Participantes satisfechos con el servicio"},
        (50, 70), (80, 95),
    ),
)
LINK_TITLES = (
    ("page", {"en": "Project page", "fr": "Page du projet", "es": "Página del proyecto"}),
    ("report", {"en": "Annual report {year}", "fr": "Rapport annuel {year}", "es": "Informe anual {year}"}),
    ("news", {"en": "Press release", "fr": "Communiqué de presse", "es": "Comunicado de prensa"}),
    ("evaluation", {"en": "Evaluation summary", "fr": "Synthèse de l’évaluation", "es": "Resumen de la evaluación"}),
)

# Partner organisations: (kind, names per language, themes it is typical for; empty = any theme).
# International organisations are real; the others are generic descriptions, not named organisations.
PARTNERS = (
    ("un_agency", {"en": "International Organization for Migration (IOM)", "fr": "Organisation internationale pour les migrations (OIM)", "es": "Organización Internacional para las Migraciones (OIM)"}, ()),
    ("un_agency", {"en": "Office of the UN High Commissioner for Refugees (UNHCR)", "fr": "Haut-Commissariat des Nations Unies pour les réfugiés (HCR)", "es": "Alto Comisionado de las Naciones Unidas para los Refugiados (ACNUR)"}, ()),
    ("un_agency", {"en": "UNICEF", "fr": "UNICEF", "es": "UNICEF"}, ("children", "education", "protection")),
    ("un_agency", {"en": "UN-Habitat", "fr": "ONU-Habitat", "es": "ONU-Habitat"}, ("housing", "climate", "services")),
    ("un_agency", {"en": "International Labour Organization (ILO)", "fr": "Organisation internationale du Travail (OIT)", "es": "Organización Internacional del Trabajo (OIT)"}, ("employment", "pathways")),
    ("un_agency", {"en": "United Nations Development Programme (UNDP)", "fr": "Programme des Nations Unies pour le développement (PNUD)", "es": "Programa de las Naciones Unidas para el Desarrollo (PNUD)"}, ("climate", "data", "participation", "return")),
    ("un_agency", {"en": "World Health Organization (WHO)", "fr": "Organisation mondiale de la Santé (OMS)", "es": "Organización Mundial de la Salud (OMS)"}, ("health",)),
    ("un_agency", {"en": "UN Women", "fr": "ONU Femmes", "es": "ONU Mujeres"}, ("gender", "protection")),
    ("civil_society", {"en": "International Rescue Committee", "fr": "Comité international de secours (IRC)", "es": "Comité Internacional de Rescate (IRC)"}, ()),
    ("civil_society", {"en": "Norwegian Refugee Council", "fr": "Conseil norvégien pour les réfugiés (NRC)", "es": "Consejo Noruego para Refugiados (NRC)"}, ("housing", "education", "protection", "pathways")),
    ("civil_society", {"en": "Caritas", "fr": "Caritas", "es": "Cáritas"}, ()),
    ("civil_society", {"en": "Médecins du Monde", "fr": "Médecins du Monde", "es": "Médicos del Mundo"}, ("health",)),
    ("civil_society", {"en": "Save the Children", "fr": "Save the Children", "es": "Save the Children"}, ("children", "education")),
    ("civil_society", {"en": "Jesuit Refugee Service", "fr": "Service jésuite des réfugiés", "es": "Servicio Jesuita a Refugiados"}, ()),
    ("national_government", {"en": "Ministry of Health", "fr": "Ministère de la Santé", "es": "Ministerio de Salud"}, ("health",)),
    ("national_government", {"en": "Ministry of Labour", "fr": "Ministère du Travail", "es": "Ministerio de Trabajo"}, ("employment", "pathways")),
    ("national_government", {"en": "National Employment Service", "fr": "Service national de l’emploi", "es": "Servicio Nacional de Empleo"}, ("employment",)),
    ("national_government", {"en": "Ministry of Education", "fr": "Ministère de l’Éducation", "es": "Ministerio de Educación"}, ("education", "children")),
    ("national_government", {"en": "Civil Registry Office", "fr": "Direction de l’état civil", "es": "Registro Civil"}, ("services", "protection", "data")),
    ("migrant_led", {"en": "Refugee-led community network", "fr": "Réseau communautaire de personnes réfugiées", "es": "Red comunitaria de personas refugiadas"}, ()),
    ("migrant_led", {"en": "Migrant Workers’ Association", "fr": "Association des travailleurs migrants", "es": "Asociación de Trabajadores Migrantes"}, ("employment", "protection")),
    ("migrant_led", {"en": "Diaspora Business Council", "fr": "Conseil des entrepreneurs de la diaspora", "es": "Consejo Empresarial de la Diáspora"}, ("employment", "return")),
    ("migrant_led", {"en": "Migrant Women’s Collective", "fr": "Collectif des femmes migrantes", "es": "Colectivo de Mujeres Migrantes"}, ("gender", "inclusion", "participation")),
    ("academia", {"en": "University migration research centre", "fr": "Centre de recherche sur les migrations de l’université", "es": "Centro de estudios migratorios de la universidad"}, ()),
    ("academia", {"en": "School of Public Health", "fr": "École de santé publique", "es": "Escuela de Salud Pública"}, ("health",)),
    ("private_sector", {"en": "Chamber of Commerce and Industry", "fr": "Chambre de commerce et d’industrie", "es": "Cámara de Comercio e Industria"}, ("employment", "pathways")),
    ("private_sector", {"en": "Local employers’ federation", "fr": "Fédération patronale locale", "es": "Federación local de empresarios"}, ("employment", "pathways")),
    ("private_sector", {"en": "Mobile network operator", "fr": "Opérateur de téléphonie mobile", "es": "Operador de telefonía móvil"}, ("services", "data")),
    ("other", {"en": "Neighbourhood associations", "fr": "Associations de quartier", "es": "Juntas vecinales"}, ("inclusion", "participation", "housing", "climate")),
    ("other", {"en": "Public library network", "fr": "Réseau des bibliothèques publiques", "es": "Red de bibliotecas públicas"}, ("education", "inclusion", "services")),
)

# Actions that are not (or no longer) public: one status each at least, drafts for governments A and B, and
# submissions of several governments in three languages for the review queue. days_ago counts back from the
# seed's reference date; "languages" lists the languages filled in; "note" is the reviewers' note (required for
# changes requested and rejections, as in the workflow).
UNPUBLISHED = [
    {"status": "draft", "government": GOVERNMENT_A, "template": "digital_inclusion", "kind": "practice",
     "languages": ["fr"], "created_by": "editor@localaction.test", "days_ago": 3},
    {"status": "draft", "government": GOVERNMENT_A, "template": "city_partnership", "kind": "pledge",
     "languages": ["fr", "en"], "created_by": "focal.point@localaction.test", "days_ago": 12, "campaign": "grf-2027"},
    {"status": "draft", "government": GOVERNMENT_B, "template": "labour_pathway", "kind": "pledge",
     "languages": ["es"], "created_by": "member.b@localaction.test", "days_ago": 6, "campaign": "grf-2027"},
    {"status": "draft", "government": "Dakar", "template": "reintegration", "kind": "pledge",
     "languages": ["fr"], "days_ago": 2, "campaign": "grf-2027"},
    {"status": "submitted", "government": GOVERNMENT_A, "template": "psychosocial_support", "kind": "practice",
     "languages": ["en", "fr"], "created_by": "editor@localaction.test", "days_ago": 20},
    {"status": "submitted", "government": "Cúcuta", "template": "border_welcome", "kind": "pledge",
     "languages": ["es"], "days_ago": 9, "campaign": "grf-2027", "co_pledgers": [GOVERNMENT_B]},
    {"status": "submitted", "government": "Nairobi", "template": "solar_power", "kind": "pledge",
     "languages": ["en"], "days_ago": 15, "campaign": "grf-2027"},
    {"status": "submitted", "government": "Grenoble", "template": "housing_first", "kind": "practice",
     "languages": ["fr"], "days_ago": 11},
    {"status": "submitted", "government": "Quito", "template": "legal_advice", "kind": "pledge",
     "languages": ["es", "en"], "days_ago": 8, "campaign": "grf-2027"},
    {"status": "submitted", "government": "Gaziantep Metropolitan Municipality", "template": "language_classes",
     "kind": "practice", "languages": ["en"], "days_ago": 5},
    {"status": "changes_requested", "government": GOVERNMENT_A, "template": "data_observatory", "kind": "practice",
     "languages": ["fr"], "created_by": "focal.point@localaction.test", "days_ago": 40,
     "note": "Thank you. Please say how migrants’ organisations take part in choosing what the observatory "
             "measures, and add a link to its latest report."},
    {"status": "changes_requested", "government": "Lyon", "template": "youth_sport", "kind": "practice",
     "languages": ["fr"], "days_ago": 33,
     "note": "Merci. Pourriez-vous préciser le nombre de jeunes concernés chaque année et les associations "
             "partenaires du programme ?"},
    {"status": "rejected", "government": "Kampala", "template": "remittances", "kind": "practice",
     "languages": ["en"], "days_ago": 70,
     "note": "This describes a national programme of the central bank; the platform lists actions led by local and "
             "regional governments. Your city’s own part in it would be welcome as a new practice."},
    {"status": "withdrawn", "government": "Barcelona", "template": "hate_reporting", "kind": "pledge",
     "languages": ["es", "en"], "days_ago": 260, "campaign": "imrf-2026"},
]


# --- Workspace: requests, invitations, endorsements, proposed changes ----------------------------------------
# Extra demo accounts (password DEMO_PASSWORD, demo only) whose requests wait for a reviewer. They are not
# personas: they exist so that the reviewer's queues and the focal point's dashboard are not empty. A
# registration creates its government unverified with the requester as focal point, so the governments named
# here must be in UNVERIFIED; a join request names a verified one.
REQUESTERS = [
    {
        "email": "new.city@localaction.test", "full_name": "Lucía Navarro", "language": "es",
        "kind": "register", "government": "Guadalajara", "role": "focal_point",
        "position": "Directora de Atención a Personas Migrantes",
        "message": "Guadalajara recibe cada año a miles de personas en tránsito; queremos compartir nuestros "
                   "programas de acogida y albergue.",
        "describe": "registered Guadalajara; waits for a reviewer",
    },
    {
        "email": "nouvelle.ville@localaction.test", "full_name": "Karim Benali", "language": "fr",
        "kind": "register", "government": "Oran", "role": "focal_point",
        "position": "Chef du service de l’action sociale",
        "message": "",
        "describe": "registered Oran; waits for a reviewer",
    },
    {
        "email": "applicant@localaction.test", "full_name": "Émilie Gagnon", "language": "fr",
        "kind": "join", "government": GOVERNMENT_A, "role": "editor", "days_ago": 4,
        "position": "Conseillère en inclusion des personnes immigrantes",
        "message": "Je coordonne le Bureau d’intégration des nouveaux arrivants et j’aimerais saisir nos actions.",
        "describe": f"asked to join {GOVERNMENT_A} as editor; waits for a reviewer",
    },
]
# The editor persona joined government A through a request a reviewer approved (dates: ISO, UTC noon).
APPROVED_JOIN = {
    "email": "editor@localaction.test", "government": GOVERNMENT_A, "role": "editor",
    "position": "Analyst, Office for the integration of newcomers", "requested_on": "2024-03-04",
    "approved_on": "2024-03-06",
}
# An invitation the focal point of government A sent to a colleague, still waiting (the address has no account).
INVITATION = {
    "government": GOVERNMENT_A, "email": "marc.lefebvre@example.org", "role": "editor",
    "invited_by": "focal.point@localaction.test", "days_ago": 2,
}

# Endorsements of the Marrakech Mayors Declaration (adopted on 8 December 2018). The signatories are invented,
# like the actions. Most verified governments have a verified endorsement; government B has none, so its focal
# point can try the endorsement form. The reviewer's queue holds ENDORSEMENTS_SUBMITTED.
ENDORSEMENT_SHARE = 0.8
ENDORSEMENT_FIRST_DAY = "2018-12-08"
ENDORSEMENT_LAST_DAY = "2026-11-01"
ENDORSEMENTS_ALWAYS = {GOVERNMENT_A}
ENDORSEMENTS_NEVER = {GOVERNMENT_B}
# (government, signed on, sent days before the seed's reference date)
ENDORSEMENTS_SUBMITTED = [("Tijuana", "2026-10-19", 6), ("Gothenburg", "2026-10-27", 3), ("Kigali", "2026-09-30", 11)]
ENDORSEMENT_REJECTED = {
    "government": "Mombasa", "signed_on": "2026-06-15", "days_ago": 120, "decided_days_ago": 112,
    "reason": "The letter we received is not signed. Please send a scan of the signed letter; the date of "
              "signature can stay the same.",
}
# Titles that "Mayor of …" / "Governor of …" / "President of …" would get wrong.
SIGNATORY_TITLES = {
    "Berlin": "Governing Mayor of Berlin",
    "Kerala": "Chief Minister of Kerala",
    "Région de Bruxelles-Capitale": "Minister-President of the Brussels-Capital Region",
    "Gobierno de Canarias": "President of the Government of the Canary Islands",
    "Ciudad de México": "Head of Government of Mexico City",
    "Municipalidad Metropolitana de Lima": "Mayor of Metropolitan Lima",
    "Turkana County": "Governor of Turkana County",
    "Cairo Governorate": "Governor of Cairo",
}
SIGNATORY_NAMES = {
    "en": (
        ("Amina", "Daniel", "Grace", "Samuel", "Mei", "Olivia", "Rahul", "Fatima", "Jonas", "Nadia", "Tomasz",
         "Ingrid", "Kwame", "Leila", "Hiroshi", "Sofia", "Arjun", "Zanele", "Mateo", "Elif"),
        ("Okafor", "Mensah", "Novak", "Haddad", "Kariuki", "Lindgren", "Nakamura", "Petrova", "Sharma", "Walsh",
         "Yilmaz", "Costa", "Banda", "Kowalski", "Tanaka", "Moyo", "Reyes", "Fischer", "Abebe", "O’Connor"),
    ),
    "fr": (
        ("Claire", "Mamadou", "Aminata", "Jean-Baptiste", "Sophie", "Youssef", "Mariam", "Étienne", "Fatou",
         "Hélène", "Ibrahima", "Nathalie", "Koffi", "Isabelle", "Salif", "Aurélie", "Moussa", "Chantal"),
        ("Beaulieu", "Diop", "Traoré", "Mercier", "Kouassi", "Benjelloun", "Ndiaye", "Lefèvre", "Camara",
         "Rousseau", "Sawadogo", "Gauthier", "Mbemba", "Tshibanda", "Fontaine", "Keïta", "Dubois", "Haidara"),
    ),
    "es": (
        ("Carmen", "Alejandro", "Valentina", "Jorge", "Lucía", "Andrés", "Gabriela", "Ricardo", "Daniela",
         "Felipe", "Mariana", "Diego", "Paola", "Sergio", "Ana María", "Hernán"),
        ("Gutiérrez", "Ramírez", "Castillo", "Morales", "Vargas", "Herrera", "Ortega", "Salazar", "Pineda",
         "Aguilar", "Rojas", "Cabrera", "Fuentes", "Mendoza", "Ibarra", "Quintero"),
    ),
}

# A change proposed to a published action of government A: its working copy waits for a reviewer, who sees
# the difference. The seed adds the suffix to the title in every language the action has, and raises the budget.
WORKING_COPY = {
    "government": GOVERNMENT_A, "created_by": "editor@localaction.test", "days_ago": 5, "budget_factor": "1.25",
    "title_suffix": {"en": " — second phase", "fr": " — deuxième phase", "es": " — segunda fase"},
}
# A pledge of government B inviting government A to join it; A's focal point has to answer.
COPLEDGE_INVITATION = {"lead": GOVERNMENT_B, "invited": GOVERNMENT_A, "by": "member.b@localaction.test", "days_ago": 3}
# History, revisions and notices are written for this many published actions (the oldest ones by creation), so
# a seed of 100,000 actions stays fast; the public page of a later action simply shows no revision.
HISTORY_LIMIT = 200
