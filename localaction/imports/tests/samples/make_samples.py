"""Writes the messy sample spreadsheets the import tests read (run it again after changing it, and commit the
files): different column orders, headers in three languages, CSV with commas, semicolons or tabs, UTF-8 with a
byte-order mark or Windows-1252, and rows that are wrong on purpose (listed in BAD_ROWS, which the tests check).

    .venv/bin/python localaction/imports/tests/samples/make_samples.py
"""
import csv
import datetime
from pathlib import Path

from openpyxl import Workbook

HERE = Path(__file__).resolve().parent

# The rows each file gets wrong, by spreadsheet row number (header = row 1), and the columns concerned.
BAD_ROWS = {
    "partners_en.csv": {},
    "collectivites_fr.csv": {4: ["Objectifs PMM"], 6: ["Pays"]},
    "gobiernos_es.xlsx": {3: ["Fecha de inicio"], 5: ["Título"], 6: ["Referencia"]},
    "translations.tsv": {},
}

ENGLISH = [
    ["ID", "Government", "Country", "Type", "Title", "Summary", "GCM objectives", "SDG", "Target groups",
     "Start date", "End date", "Budget", "Currency"],
    ["en-1", "Government A", "France", "Practice", "Welcome desk for newcomers", "One door for every service.",
     "7, 16", "10", "Migrants; Refugees", "2023-01-15", "", "12000", "EUR"],
    ["en-2", "GOVERNMENT  a", "FR", "pledge", "Language classes for all", "Free classes in the evening.",
     "Obj. 7 / 16", "4;10", "Everyone, regardless of status", "01/02/2024", "31/12/2026", "1,500,000.50", "€"],
    ["en-3", "Bogota", "Colombia", "Pledge", "Housing support", "Rent guarantees for families.",
     "GCM 15;16", "SDG 11", "refugees, host communities", "March 1 2024", "2025-12-31", "", "COP"],
    ["en-4", "Newtown", "Kenya", "Practice", "Job fair", "Employers meet newcomers.",
     "Provide access to basic services for migrants", "8", "migrants", "", "", "", ""],
]

FRENCH = [
    ["Référence", "Pays", "Ville", "Nature", "Titre", "Résumé", "Objectifs PMM", "ODD", "Groupes cibles",
     "Date de début", "Date de fin", "Budget", "Langue"],
    ["fr-1", "Sénégal", "Dakar", "Engagement", "Guichet unique", "Un seul guichet pour les démarches.",
     "Objectif 7 et 16", "ODD 10", "Migrants ; Réfugiés", "1er mars 2024", "31/12/2025", "1 234,50", "Français"],
    ["fr-2", "SN", "dakar", "Pratique", "Cours de langue", "Des cours gratuits le soir.",
     "Renforcer l’action transnationale face au trafic de migrants", "4", "Communautés d’accueil",
     "15.01.2023", "", "", "fr"],
    ["fr-3", "France", "Government A", "Pratique", "Accueil des mineurs", "Un foyer pour les mineurs isolés.",
     "42", "", "Migrants", "", "", "", "français"],
    ["fr-4", "Sénégal", "Thiès", "pratique", "Santé pour tous", "Des soins sans condition de statut.",
     "3", "3", "Toutes et tous, quel que soit leur statut", "2022-06-01", "", "", "fr"],
    ["fr-5", "Atlantide", "Ville engloutie", "Pratique", "Port d’accueil", "Un port.", "1", "", "", "", "", "", "fr"],
    ["fr-6", "Côte d’Ivoire", "Abidjan", "Engagement", "Emploi des jeunes", "Formation professionnelle.",
     "GCM 6/18", "8", "Migrants", "2024-01-01", "2027-01-01", "2 000 000", "fr"],
]

SPANISH = [
    ["Referencia", "Título", "Resumen", "Gobierno", "País", "Tipo", "Objetivos PMM", "ODS", "Grupos destinatarios",
     "Fecha de inicio", "Fecha de fin", "Presupuesto", "Idioma"],
    ["es-1", "Centro de acogida", "Orientación para personas recién llegadas.", "Bogotá", "CO", "Práctica",
     "7", "10", "Personas migrantes", datetime.date(2023, 5, 2), None, 25000, "español"],
    ["es-2", "Vivienda digna", "Alquileres garantizados.", "bogotá", "Colombia", "Compromiso",
     "15, 16", "11", "Personas refugiadas", "32/13/2024", "2026-01-01", "1.000.000,00", "es"],
    ["es-3", "Escuelas abiertas", "Matrícula sin papeles.", "Quito", "Ecuador", "Práctica",
     "15", "4", "Personas migrantes", "1 de marzo de 2022", None, None, "es"],
    ["es-4", "", "Sin título.", "Quito", "EC", "Práctica", "1", "", "", None, None, None, "es"],
    ["es-1", "Duplicado", "La misma referencia.", "Lima", "Perú", "Práctica", "2", "", "", None, None, None, "es"],
]

TRANSLATIONS = [
    ["external_id", "government", "country", "kind", "original_language", "title_en", "title_fr", "title_es",
     "summary_en", "summary_fr", "summary_es", "gcm_objectives", "themes"],
    ["tr-1", "Government A", "FRA", "practice", "fr", "Night school", "École du soir", "Escuela nocturna",
     "Evening classes.", "Des cours le soir.", "Clases por la noche.", "16", "Education"],
    ["tr-2", "Government A", "FRA", "practice", "", "", "", "Mediación intercultural", "", "", "Mediadores.",
     "Crear las condiciones necesarias para que los migrantes y las diásporas puedan contribuir plenamente al desarrollo sostenible en todos los países",
     ""],
]


def write_csv(name, rows, delimiter, encoding):
    with open(HERE / name, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle, delimiter=delimiter, lineterminator="\r\n").writerows(rows)


def write_xlsx(name, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Acciones"
    for row in rows:
        sheet.append(row)
    workbook.save(HERE / name)


if __name__ == "__main__":
    write_csv("partners_en.csv", ENGLISH, ",", "utf-8")
    write_csv("collectivites_fr.csv", FRENCH, ";", "cp1252")
    write_xlsx("gobiernos_es.xlsx", SPANISH)
    write_csv("translations.tsv", TRANSLATIONS, "\t", "utf-8-sig")
    print("written:", ", ".join(BAD_ROWS))
