"""`encaisse demo`: a realistic, reproducible French demo company with its customer file.

The same seed and the same day give the same data: every random choice comes from one
`random.Random(seed)` and from Faker instances seeded with the same seed, consumed in a
fixed order. Dates are relative to the injected clock (never `date.today()`), so a demo
made on 16 March 2026 has its visits in the 18 months before that day.

Everything is written in ONE transaction with bulk inserts (50,000 customers and their
two years of invoices in about a minute):
if anything fails, the file holds no half demo. The derived columns are computed by the
same code as the customer service (`_apply`), and every record is checked by the same
domain rules as a record typed in a form (`validate_customer`, `validate_rating`,
`validate_visit_report`, `validate_company`).

Every customer that is not a prospect also gets two years of receivables (see `_Ledger`):
invoices numbered in calendar order, due dates from its payment terms, payments that
follow its segment and status (punctual, slow, blocked, in insolvency proceedings),
partial payments, a few credit notes, and the payment allocations that explain every
open amount. That history draws from its own random stream, so adding it left the
customers, contacts and visit reports of a given seed exactly as they were.
"""

from __future__ import annotations

import calendar
import math
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from faker import Faker
from sqlalchemy import func, select
from stdnum import iban as std_iban
from stdnum import luhn

from desktop.domain.customer import (
    Address,
    CustomerDraft,
    RatingDraft,
    validate_customer,
    validate_rating,
)
from desktop.domain.enums import (
    Assessment,
    AuditAction,
    Country,
    CustomerStatus,
    DocumentKind,
    DoubtfulSource,
    InsolvencyKind,
    ObservationTopic,
    PaymentTermsBasis,
    Profile,
    RatingSource,
)
from desktop.domain.identifiers import french_vat_from_siren
from desktop.domain.terms import due_date
from desktop.domain.text import fold, search_key
from desktop.domain.visit import Observation, VisitReportDraft, validate_visit_report
from desktop.persistence import bulk
from desktop.persistence.models import (
    AuditEntry,
    CompanySettings,
    Contact,
    Customer,
    Document,
    DoubtfulCompany,
    ExternalRating,
    Payment,
    PaymentAllocation,
    Segment,
    User,
    VisitObservation,
    VisitReport,
)
from desktop.services.company import CompanyProfile, validate_company
from desktop.services.customers import _apply

if TYPE_CHECKING:
    from desktop.services.registry import Services

__all__ = ["DemoCancelled", "DemoSummary", "generate_demo"]

CHUNK = 2000  # customers generated and written per batch (bounded memory at 50,000)
VISIT_WINDOW_DAYS = 548  # visit reports cover the last 18 months
MAX_CUSTOMERS = 1_000_000
CUSTOMERS_SHARE = 0.45  # of the progress bar; the receivables history takes the rest


@dataclass(frozen=True)
class DemoSummary:
    """What `generate_demo` wrote; `str()` gives the French one-line summary."""

    customers: int  # customers and prospects together
    prospects: int
    belgian: int
    users: int
    segments: int
    contacts: int
    ratings: int
    visit_reports: int
    doubtful_companies: int
    invoices: int = 0
    credit_notes: int = 0
    payments: int = 0

    def __str__(self) -> str:
        return ", ".join(
            (
                _plural(self.customers, "client ou prospect", "clients et prospects")
                + f" (dont {_plural(self.prospects, 'prospect', 'prospects')}"
                + f" et {_plural(self.belgian, 'client belge', 'clients belges')})",
                _plural(self.users, "utilisateur", "utilisateurs"),
                _plural(self.segments, "segment", "segments"),
                _plural(self.contacts, "contact", "contacts"),
                _plural(self.ratings, "note externe", "notes externes"),
                _plural(self.visit_reports, "rapport de visite", "rapports de visite"),
                _plural(self.doubtful_companies, "entreprise douteuse", "entreprises douteuses"),
                _plural(self.invoices, "facture", "factures"),
                _plural(self.credit_notes, "avoir", "avoirs"),
                _plural(self.payments, "règlement", "règlements"),
            )
        )


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n <= 1 else many}"


class DemoCancelled(Exception):
    """The caller's `cancelled()` said stop; the transaction was rolled back."""


# Tables of data read better as tables.
# fmt: off
# --- The demo company and its team --------------------------------------------------------

COMPANY_SIREN_BASE = "81452736"  # + Luhn digit
COMPANY_BANK = ("30004", "00823", "00010482715")  # BNP Paribas bank code, branch, account
COMPANY_BIC = "BNPAFRPPXXX"

OWNER = ("Laurent Durand", "laurent.durand@ateliers-durand.fr")
ASSISTANT = ("Sandrine Morel", "compta@ateliers-durand.fr")
# One salesperson per region (index used by the city lists below).
SALESPEOPLE = (
    ("Karim Benali", "karim.benali@ateliers-durand.fr"),  # 0: Île-de-France, Centre
    ("Julie Fontaine", "julie.fontaine@ateliers-durand.fr"),  # 1: Nord, Est, Belgique
    ("Thomas Le Gall", "thomas.legall@ateliers-durand.fr"),  # 2: Ouest
    ("Nathalie Roux", "nathalie.roux@ateliers-durand.fr"),  # 3: Sud-Est, Sud-Ouest
)
USER_PHONES = (
    "04 78 20 45 61", "04 78 20 45 62", "06 12 48 73 05", "06 31 27 84 19", "06 74 05 62 38",
    "07 61 93 28 47",
)

GRANDS_COMPTES = "Grands comptes"
PME = "PME fidèles"
LENTS = "Payeurs lents"
PARTICULIERS = "Particuliers"
EXPORT_BE = "Export Belgique"
SEGMENTS = (
    (GRANDS_COMPTES, "Gros volumes, délais négociés, interlocuteurs multiples : ton courtois."),
    (PME, "Clients réguliers qui paient à l'échéance : relances amicales."),
    (LENTS, "Retards répétés : relances fermes, appel dès J+15, encours réduit."),
    (PARTICULIERS, "Consommateurs : pas d'indemnité de 40 €, règles du Code de la consommation."),
    (EXPORT_BE, "Clients en Belgique : loi du 2 août 2002, intérêts BCE + 8 points."),
)

# --- Places ----------------------------------------------------------------------------------

# (postal code, city, region = salesperson index); real communes and codes.
FR_CITIES: tuple[tuple[str, str, int], ...] = (
    ("75011", "Paris", 0), ("75015", "Paris", 0), ("75012", "Paris", 0), ("75017", "Paris", 0),
    ("75019", "Paris", 0), ("92100", "Boulogne-Billancourt", 0), ("92000", "Nanterre", 0),
    ("92230", "Gennevilliers", 0), ("93100", "Montreuil", 0), ("93200", "Saint-Denis", 0),
    ("93300", "Aubervilliers", 0), ("94000", "Créteil", 0), ("94400", "Vitry-sur-Seine", 0),
    ("94150", "Rungis", 0), ("94200", "Ivry-sur-Seine", 0), ("95100", "Argenteuil", 0),
    ("95000", "Cergy", 0), ("95300", "Pontoise", 0), ("78000", "Versailles", 0),
    ("78300", "Poissy", 0), ("91000", "Évry-Courcouronnes", 0), ("91300", "Massy", 0),
    ("91150", "Étampes", 0), ("77100", "Meaux", 0), ("77000", "Melun", 0), ("77700", "Chessy", 0),
    ("45000", "Orléans", 0), ("28000", "Chartres", 0), ("28100", "Dreux", 0),
    ("37000", "Tours", 0), ("41000", "Blois", 0), ("18000", "Bourges", 0), ("59000", "Lille", 1),
    ("59100", "Roubaix", 1), ("59200", "Tourcoing", 1), ("59650", "Villeneuve-d'Ascq", 1),
    ("59140", "Dunkerque", 1), ("59300", "Valenciennes", 1), ("62000", "Arras", 1),
    ("62300", "Lens", 1), ("62100", "Calais", 1), ("62200", "Boulogne-sur-Mer", 1),
    ("80000", "Amiens", 1), ("80100", "Abbeville", 1), ("02100", "Saint-Quentin", 1),
    ("51100", "Reims", 1), ("51200", "Épernay", 1), ("57000", "Metz", 1),
    ("57100", "Thionville", 1), ("54000", "Nancy", 1), ("67000", "Strasbourg", 1),
    ("67500", "Haguenau", 1), ("68100", "Mulhouse", 1), ("68000", "Colmar", 1),
    ("21000", "Dijon", 1), ("21200", "Beaune", 1), ("25000", "Besançon", 1),
    ("10000", "Troyes", 1), ("08000", "Charleville-Mézières", 1), ("35000", "Rennes", 2),
    ("35400", "Saint-Malo", 2), ("44000", "Nantes", 2), ("44600", "Saint-Nazaire", 2),
    ("49000", "Angers", 2), ("49300", "Cholet", 2), ("29200", "Brest", 2), ("29000", "Quimper", 2),
    ("56100", "Lorient", 2), ("56000", "Vannes", 2), ("22000", "Saint-Brieuc", 2),
    ("14000", "Caen", 2), ("14100", "Lisieux", 2), ("76000", "Rouen", 2), ("76600", "Le Havre", 2),
    ("72000", "Le Mans", 2), ("53000", "Laval", 2), ("86000", "Poitiers", 2),
    ("17000", "La Rochelle", 2), ("79000", "Niort", 2), ("85000", "La Roche-sur-Yon", 2),
    ("85100", "Les Sables-d'Olonne", 2), ("50100", "Cherbourg-en-Cotentin", 2),
    ("33000", "Bordeaux", 3), ("33700", "Mérignac", 3), ("33500", "Libourne", 3),
    ("69003", "Lyon", 3), ("69007", "Lyon", 3), ("69100", "Villeurbanne", 3),
    ("69200", "Vénissieux", 3), ("69800", "Saint-Priest", 3), ("38000", "Grenoble", 3),
    ("38200", "Vienne", 3), ("38080", "L'Isle-d'Abeau", 3), ("42000", "Saint-Étienne", 3),
    ("42300", "Roanne", 3), ("42400", "Saint-Chamond", 3), ("73000", "Chambéry", 3),
    ("74000", "Annecy", 3), ("74100", "Annemasse", 3), ("13002", "Marseille", 3),
    ("13015", "Marseille", 3), ("13100", "Aix-en-Provence", 3), ("13400", "Aubagne", 3),
    ("83000", "Toulon", 3), ("83600", "Fréjus", 3), ("06000", "Nice", 3), ("06400", "Cannes", 3),
    ("34000", "Montpellier", 3), ("34500", "Béziers", 3), ("30000", "Nîmes", 3),
    ("84000", "Avignon", 3), ("26000", "Valence", 3), ("31000", "Toulouse", 3),
    ("31770", "Colomiers", 3), ("63000", "Clermont-Ferrand", 3), ("01000", "Bourg-en-Bresse", 3),
    ("66000", "Perpignan", 3), ("64000", "Pau", 3), ("64100", "Bayonne", 3), ("71000", "Mâcon", 3),
    ("71100", "Chalon-sur-Saône", 3),
)
# Telephone zone of a French department (01 Île-de-France … 05 Sud-Ouest).
_PHONE_ZONE_BY_DEPT = {
    **dict.fromkeys(("75", "77", "78", "91", "92", "93", "94", "95"), "01"),
    **dict.fromkeys(
        (
            "14", "18", "22", "28", "29", "35", "37", "41", "44", "45", "49", "50", "53", "56",
            "72", "76", "85",
        ),
        "02",
    ),
    **dict.fromkeys(
        ("02", "08", "10", "21", "25", "51", "54", "57", "59", "62", "67", "68", "71", "80"), "03"
    ),
    **dict.fromkeys(
        ("01", "06", "13", "26", "30", "34", "38", "42", "63", "66", "69", "73", "74", "83", "84"),
        "04",
    ),
    **dict.fromkeys(("17", "31", "33", "64", "79", "86"), "05"),
}
# (postal code, city, language, telephone zone)
BE_CITIES: tuple[tuple[str, str, str, str], ...] = (
    ("1000", "Bruxelles", "fr", "2"), ("1070", "Anderlecht", "fr", "2"),
    ("1050", "Ixelles", "fr", "2"), ("1030", "Schaerbeek", "fr", "2"),
    ("1180", "Uccle", "fr", "2"), ("1300", "Wavre", "fr", "10"), ("1400", "Nivelles", "fr", "67"),
    ("1348", "Louvain-la-Neuve", "fr", "10"), ("4000", "Liège", "fr", "4"),
    ("4100", "Seraing", "fr", "4"), ("4800", "Verviers", "fr", "87"),
    ("5000", "Namur", "fr", "81"), ("6000", "Charleroi", "fr", "71"), ("7000", "Mons", "fr", "65"),
    ("7500", "Tournai", "fr", "69"), ("7700", "Mouscron", "fr", "56"),
    ("6700", "Arlon", "fr", "63"), ("7100", "La Louvière", "fr", "64"),
    ("2000", "Antwerpen", "nl", "3"), ("2800", "Mechelen", "nl", "15"),
    ("9000", "Gent", "nl", "9"), ("8000", "Brugge", "nl", "50"), ("8500", "Kortrijk", "nl", "56"),
    ("3000", "Leuven", "nl", "16"), ("3500", "Hasselt", "nl", "11"), ("9300", "Aalst", "nl", "53"),
    ("8400", "Oostende", "nl", "59"), ("8800", "Roeselare", "nl", "51"),
)

FR_STREETS = (
    "rue de la République", "avenue Jean Jaurès", "rue Victor Hugo", "rue de la Gare",
    "boulevard Gambetta", "rue Pasteur", "avenue du Général de Gaulle", "rue des Écoles",
    "place de l'Église", "rue du Moulin", "chemin des Vignes", "rue de la Paix",
    "avenue de la Libération", "rue Nationale", "route de Lyon", "rue des Artisans",
    "rue de l'Industrie", "allée des Tilleuls", "impasse des Lilas", "rue du Stade",
    "rue Jules Ferry", "rue Émile Zola", "quai de la Marne", "rue des Forges",
    "avenue des Frères Lumière", "rue Gustave Eiffel", "rue Denis Papin", "rue Ampère",
    "rue de la Croix Blanche", "chemin du Bois Joli", "rue du Château d'Eau", "route Nationale",
    "rue Saint-Martin", "rue d'Alsace", "rue de Verdun", "rue du 8 Mai 1945", "rue Louis Blériot",
    "avenue de l'Europe", "rue des Acacias", "rue de l'Artisanat", "boulevard de l'Océan",
    "rue Aristide Briand", "rue du Général Leclerc", "rue des Frênes",
)
FR_LINE2 = (
    "ZA des Bruyères", "ZI Nord", "ZAC du Parc", "Zone artisanale du Moulin",
    "Parc d'activités des Chênes", "ZI de la Plaine", "Bâtiment B", "BP 45", "Parc technologique",
    "Zone commerciale Les Portes du Sud", "Hall 3", "CS 30012",
)
BE_STREETS_FR = (
    "Rue de la Station", "Chaussée de Bruxelles", "Avenue Louise", "Rue du Commerce",
    "Rue Saint-Gilles", "Boulevard d'Avroy", "Rue des Carmes", "Rue de l'Industrie",
    "Chaussée de Namur", "Rue Haute", "Place du Marché", "Rue du Parc", "Route de Mons",
    "Rue des Champs", "Zoning industriel de Ghlin", "Rue de Fleurus",
)
BE_STREETS_NL = (
    "Kerkstraat", "Stationsstraat", "Industrieweg", "Nijverheidslaan", "Dorpsstraat",
    "Molenstraat", "Kortrijksesteenweg", "Brusselsesteenweg", "Schoolstraat", "Noorderlaan",
    "Ambachtenlaan", "Zandstraat", "Hoogstraat", "Antwerpsesteenweg",
)

# --- Names -------------------------------------------------------------------------------------

FR_TRADES = (
    "Maçonnerie", "Menuiserie", "Charpente", "Couverture", "Plomberie", "Électricité", "Peinture",
    "Carrelage", "Métallerie", "Serrurerie", "Chaudronnerie", "Terrassement", "Transports",
    "Garage", "Carrosserie", "Boulangerie", "Boucherie", "Fromagerie", "Quincaillerie",
    "Imprimerie", "Paysages", "Travaux publics", "Ébénisterie", "Plâtrerie", "Climatisation",
    "Scierie", "Ferronnerie", "Mécanique de précision", "Traiteur", "Chauffage", "Isolation",
    "Agencement", "Vitrerie", "Étanchéité",
)
FR_NAME_SUFFIXES = (
    "Bâtiment", "Rénovation", "Services", "Industrie", "Logistique", "Transports", "Énergies",
    "Habitat", "Agencement", "Distribution", "Maintenance", "Environnement", "Construction",
    "Automobiles", "Levage", "Froid",
)
FR_PLACES = (
    "de la Gare", "de l'Église", "du Centre", "de l'Avenir", "du Port", "des Halles", "du Marché",
    "de la Vallée", "des Quatre Vents", "du Lac", "de l'Ouest", "des Remparts", "du Pont-Neuf",
    "de l'Étang", "des Forges", "du Château",
)
# Regional words that businesses put in their names, by region (salesperson index).
FR_REGIONS = (
    ("Île-de-France", "Val de Loire", "Seine", "Beauce", "Touraine", "Francilienne"),
    ("Flandres", "Vosges", "Bourgogne", "Jura", "Alsace", "Champagne", "Picardie", "Lorraine"),
    ("Armor", "Atlantique", "Normandie", "Loire", "Océane", "Bretagne", "Vendée", "Anjou"),
    (
        "Alpes", "Provence", "Rhône", "Gascogne", "Auvergne", "Méditerranée", "Dauphiné", "Savoie",
        "Aquitaine", "Occitanie",
    ),
)
FR_BRANDS = (
    "L'Atelier de {first}", "Les Délices de {first}", "L'Épicerie de {first}", "Chez {first}",
    "La Fournée d'Antan", "Le Comptoir du Bâtiment", "L'Outil Pro", "Au Bon Accueil",
    "La Boîte à Outils", "L'Étoile du Berger", "Le Fournil Gourmand", "Aux Trois Chênes",
)
FR_ACRONYM_HEADS = ("SO", "SA", "CO", "TRA", "ME", "BA", "FI", "DI", "GE")
FR_ACRONYM_TAILS = ("MEC", "BAT", "TP", "FER", "BOIS", "LOG", "CLIM", "FRA", "TEC")
SCI_NAMES = (
    "SCI Les Tilleuls", "SCI du Moulin", "SCI L'Orangerie", "SCI Le Clos Fleuri", "SCI des Pins",
    "SCI La Bergerie", "SCI Les Hauts de Seine", "SCI {last} Immobilier", "SCI {last} Patrimoine",
    "SCI du Parc d'Activités",
)
FR_LONG_NAMES = (
    "Société Coopérative Ouvrière de Production de Menuiserie, Charpente et Agencement du "
    "Val de Loire et des Pays de la Sèvre Nantaise",
    "Groupement d'Intérêt Économique des Artisans du Bâtiment et des Travaux Publics de "
    "l'Arrondissement de Saint-Étienne et du Forez",
    "Compagnie Générale d'Entretien, de Maintenance Industrielle et de Services aux "
    "Collectivités de la Région Auvergne-Rhône-Alpes",
    "Entreprise {last} et Associés — Travaux de Couverture, Zinguerie, Étanchéité et "
    "Isolation Thermique par l'Extérieur",
    "Établissements {last} Frères & Cie — Négoce de Matériaux de Construction, Bois, "
    "Panneaux et Quincaillerie Professionnelle",
)
FR_ENSEIGNES = (
    "Au Fournil Gourmand", "La Boîte à Outils", "Le Comptoir du Bâtiment", "Brico Pro",
    "Garage du Centre", "L'Atelier Bois & Déco", "Ô Délices", "Le Relais des Artisans",
    "Bati'Express", "Clim & Confort",
)
FR_FORMS = (
    ("SAS", 30), ("SARL", 30), ("SASU", 11), ("EURL", 10), ("SA", 6), ("SNC", 4), ("SCOP", 2),
)
BE_TRADES_FR = (
    "Menuiserie", "Toiture", "Chauffage", "Électricité", "Transports", "Garage", "Boulangerie",
    "Carrosserie", "Entreprise générale", "Terrassements", "Parcs et Jardins", "Sanitaire",
)
BE_TRADES_NL = (
    "Bouwbedrijf", "Schrijnwerkerij", "Dakwerken", "Transport", "Garage", "Bakkerij",
    "Elektriciteit", "Vloerwerken", "Tuinaanleg", "Metaalbouw", "Verwarming", "Sanitair",
)
BE_FORMS_FR = (("SRL", 55), ("SA", 25), ("SPRL", 10), ("SC", 5), ("SCRL", 5))
BE_FORMS_NL = (("BV", 55), ("NV", 25), ("BVBA", 10), ("CV", 5), ("VOF", 5))

# (masculine, feminine) titles; the first contact's depends on the legal form.
HEAD_ROLES = {
    "SARL": ("Gérant", "Gérante"), "EURL": ("Gérant", "Gérante"), "SNC": ("Gérant", "Gérante"),
    "SCI": ("Gérant", "Gérante"), "SCOP": ("Gérant", "Gérante"),
    "SAS": ("Président", "Présidente"), "SASU": ("Président", "Présidente"),
    "SA": ("Directeur général", "Directrice générale"),
}
BE_HEAD_ROLES = (("Gérant", "Gérante"), ("Administrateur délégué", "Administratrice déléguée"))
ACCOUNTING_ROLES = (
    ("Comptable", "Comptable"), ("Responsable comptable", "Responsable comptable"),
    ("Assistant de direction", "Assistante de direction"),
    ("Directeur administratif et financier", "Directrice administrative et financière"),
    ("Secrétaire comptable", "Secrétaire comptable"),
)
OTHER_ROLES = (
    ("Responsable achats", "Responsable achats"),
    ("Conducteur de travaux", "Conductrice de travaux"), ("Chef d'atelier", "Cheffe d'atelier"),
    ("Responsable logistique", "Responsable logistique"), ("Acheteur", "Acheteuse"),
    ("Chef de chantier", "Cheffe de chantier"),
)
CONTACT_NOTES = (
    "Joignable le matin uniquement.", "Préfère les e-mails au téléphone.", "Absent le mercredi.",
    "Demander le poste 214 au standard.",
)
CUSTOMER_NOTES = (
    "Livrer uniquement sur rendez-vous.", "Exige un bon de commande signé sur chaque facture.",
    "Relancer plutôt par téléphone, les courriers se perdent.",
    "Client très fidèle, ne pas brusquer.",
    "Factures à envoyer en PDF à l'adresse de la comptabilité.",
    "Accès livraison par l'arrière du bâtiment.", "Paie par LCR.",
)
PERSONAL_MAIL = ("orange.fr", "gmail.com", "free.fr", "laposte.net", "wanadoo.fr", "sfr.fr")

# --- Visit reports ---------------------------------------------------------------------------

R, N, W = Assessment.REASSURING, Assessment.NEUTRAL, Assessment.WORRYING
COMMENTS: dict[ObservationTopic, dict[Assessment, tuple[str, ...]]] = {
    ObservationTopic.SITE_ACTIVITY: {
        R: (
            "Chantier plein, trois équipes sur place", "Atelier qui tourne en 2×8",
            "Beaucoup de passage en magasin, file d'attente en caisse",
            "Camions de livraison à quai toute la matinée",
        ),
        N: (
            "Activité normale pour la saison", "Atelier calme ce jour-là, rien d'anormal",
            "Deux chantiers en cours, comme d'habitude", "Fréquentation habituelle",
        ),
        W: (
            "Atelier à l'arrêt en pleine semaine", "Machines bâchées, personne au poste",
            "Magasin vide à 11 h un samedi", "Plus aucun camion sur le parking",
            "Chantier principal arrêté depuis un mois d'après les voisins",
        ),
    },
    ObservationTopic.STAFF_TURNOVER: {
        R: (
            "Équipe stable, mêmes interlocuteurs depuis des années",
            "Deux apprentis embauchés en CDI", "Embauche d'un chef d'équipe pour suivre la charge",
        ),
        N: ("Un départ à la retraite remplacé en interne", "Nouvelle assistante à l'accueil"),
        W: (
            "Beaucoup de nouvelles têtes à l'accueil",
            "Le comptable est parti, remplacé par un intérimaire",
            "Troisième chef d'atelier en un an", "Plusieurs départs récents non remplacés",
        ),
    },
    ObservationTopic.STOCK_AND_SHELVES: {
        R: (
            "Stock bien fourni et rangé", "Rayons pleins, nouvelle gamme en tête de gondole",
            "Réception d'une grosse commande fournisseur pendant la visite",
        ),
        N: ("Stock habituel", "Quelques ruptures sur les petites références"),
        W: (
            "Rayons à moitié vides, poussière sur le stock",
            "Stock ancien, références qui ne se vendent plus",
            "Fournisseurs livrés contre remboursement selon le magasinier",
        ),
    },
    ObservationTopic.NEW_EQUIPMENT: {
        R: (
            "Nouveau semi-remorque en leasing", "Achat d'une plieuse numérique neuve",
            "Nouvelle chambre froide installée", "Deux utilitaires neufs sur le parking",
        ),
        N: ("Pas d'investissement récent", "Renouvellement d'un chariot élévateur prévu"),
        W: (
            "Matériel vétuste, pannes fréquentes d'après l'atelier",
            "Pelleteuse vendue le mois dernier", "Véhicules de société rendus au loueur",
        ),
    },
    ObservationTopic.PREMISES: {
        R: (
            "Locaux neufs et entretenus", "Extension du bâtiment en cours",
            "Showroom refait à neuf",
        ),
        N: ("Locaux propres, rien à signaler", "Bâtiment ancien mais entretenu"),
        W: (
            "Infiltrations au plafond de l'atelier, rien n'est réparé",
            "Panneau « À vendre » sur le bâtiment",
            "Déménagement annoncé vers un local plus petit",
            "Une partie de l'entrepôt sous-louée à une autre entreprise",
        ),
    },
    ObservationTopic.PAYMENT_DIFFICULTIES: {
        R: (
            "Aucune difficulté évoquée, paie à l'échéance",
            "Trésorerie confortable selon le gérant",
        ),
        N: ("Rien de signalé", "Attend le paiement d'un gros client public"),
        W: (
            "Le gérant se plaint des retards de paiement de ses propres clients",
            "Demande d'étaler la prochaine facture sur trois mois",
            "Rendez-vous avec sa banque pour une ligne de trésorerie",
            "A parlé d'un plan d'apurement avec l'URSSAF",
            "Le comptable attend le financement de l'affacturage pour régler",
        ),
    },
    ObservationTopic.ORDERS_IN_PROGRESS: {
        R: (
            "Carnet de commandes plein jusqu'à l'été",
            "Vient de signer un marché public sur deux ans",
            "Commande ferme de 40 000 € pour le trimestre",
        ),
        N: ("Commandes au rythme habituel", "Attend la validation d'un devis important"),
        W: (
            "Commandes en nette baisse depuis six mois",
            "Perte de son principal client (40 % du chiffre d'affaires)",
            "Annule des commandes déjà passées", "Plus de commande depuis trois mois",
        ),
    },
}
APPROVAL_CIRCUITS = (
    "Factures validées par le chef de chantier puis la comptabilité le 10 du mois",
    "Bon de commande obligatoire, son numéro doit figurer sur la facture",
    "Validation par le gérant seul, virements le 15 et le 30",
    "Factures à envoyer à la comptabilité avec le bon de livraison signé",
    "Deux signatures au-delà de 5 000 €, comité de trésorerie en fin de mois",
    "Factures scannées par l'assistante, validées par le conducteur de travaux sous huit jours",
    "Paiement par LCR à 45 jours fin de mois, rien à relancer avant l'échéance",
    "Règlement par chèque à réception de la facture, signé par la présidente",
    "Factures déposées sur leur portail fournisseurs, sinon elles ne sont pas vues",
    "La comptabilité est externalisée au cabinet : envoyer les factures en copie",
)
CREDIT_NOTES_HEALTHY = (
    "Client sain, aucun signal d'alerte.", "Peut supporter une hausse d'encours si besoin.",
    "RAS, relances standard.", "Paie régulièrement, à traiter avec égards.",
)
CREDIT_NOTES_WATCH = (
    "Surveiller les prochaines échéances de près.", "Proposer un échéancier plutôt que bloquer.",
    "Demander un acompte de 30 % sur la prochaine commande.",
    "Réduire l'encours autorisé en attendant d'y voir clair.",
)
CREDIT_NOTES_BAD = (
    "Passer au paiement comptant jusqu'à régularisation.",
    "Ne plus livrer sans règlement préalable.", "Vérifier le BODACC chaque semaine.",
    "Risque élevé : demander une caution personnelle du dirigeant.",
)
FREE_TEXTS = (
    "Visite de courtoisie, présentation de la nouvelle gamme.",
    "Point sur la livraison incomplète du mois dernier, avoir promis.",
    "Le gérant prépare sa succession, son fils doit reprendre l'entreprise.",
    "Intéressé par une remise sur volume pour l'année prochaine.",
    "Réclamation sur le prix du dernier devis, à revoir avec la direction.",
    "Visite avec démonstration du nouveau produit, bon accueil.",
    "Ils changent de logiciel comptable le trimestre prochain.",
    "Remise des conditions générales de vente mises à jour.",
    "Le client souhaite être livré le matin avant 10 h.",
)
# P(worrying) for a visit made `recency` (1 = today, 0 = 18 months ago): base + slope × recency.
WORRY = {
    CustomerStatus.PROSPECT: (0.06, 0.0),
    CustomerStatus.ACTIVE: (0.04, 0.02),
    CustomerStatus.UNDER_WATCH: (0.12, 0.30),
    CustomerStatus.BLOCKED: (0.20, 0.35),
    CustomerStatus.INSOLVENCY: (0.25, 0.40),
}
REASSURING = {
    CustomerStatus.PROSPECT: 0.30,
    CustomerStatus.ACTIVE: 0.35,
    CustomerStatus.UNDER_WATCH: 0.15,
    CustomerStatus.BLOCKED: 0.08,
    CustomerStatus.INSOLVENCY: 0.05,
}
VISITS_PER_CUSTOMER = {  # number of reports -> weight
    CustomerStatus.PROSPECT: ((0, 70), (1, 30)),
    CustomerStatus.ACTIVE: ((0, 25), (1, 30), (2, 25), (3, 12), (4, 8)),
    CustomerStatus.UNDER_WATCH: ((0, 10), (1, 30), (2, 30), (3, 20), (4, 10)),
    CustomerStatus.BLOCKED: ((0, 30), (1, 40), (2, 20), (3, 10)),
    CustomerStatus.INSOLVENCY: ((0, 40), (1, 40), (2, 20)),
}
STATUS_SHARES = (
    (CustomerStatus.PROSPECT, 15), (CustomerStatus.ACTIVE, 65), (CustomerStatus.UNDER_WATCH, 10),
    (CustomerStatus.BLOCKED, 7), (CustomerStatus.INSOLVENCY, 3),
)
KIND_SHARES = (("fr", 89), ("be", 8), ("consumer", 3))

# --- External ratings: values per risk tier (0 good … 3 failing) --------------------------

BDF = (("3++", "3+", "3", "4+"), ("4", "5+", "5"), ("5", "6", "7", "8"), ("P",))
COFACE = ((7, 10), (4, 6), (1, 3), (0, 0))
CREDITSAFE = ((71, 100), (30, 70), (5, 29), (0, 0))
TIER_WEIGHTS = {
    CustomerStatus.PROSPECT: (60, 30, 10, 0),
    CustomerStatus.ACTIVE: (70, 25, 5, 0),
    CustomerStatus.UNDER_WATCH: (20, 50, 30, 0),
    CustomerStatus.BLOCKED: (5, 35, 60, 0),
    CustomerStatus.INSOLVENCY: (0, 20, 80, 0),
}
RATING_COMMENTS = {
    RatingSource.BANQUE_DE_FRANCE: (
        "Cotation communiquée par le dirigeant",
        "Cotation indiquée dans le dossier d'ouverture de compte",
    ),
    RatingSource.COFACE: ("Score DRA consulté sur Coface", "Surveillance Coface activée"),
    RatingSource.CREDITSAFE: ("Rapport Creditsafe", "Alerte Creditsafe reçue par e-mail"),
}

DOUBTFUL_REASONS = (
    (
        DoubtfulSource.UNPAID_INVOICES,
        "Trois factures impayées chez un confrère, dossier au contentieux",
        "Club des fournisseurs du bâtiment",
    ),
    (
        DoubtfulSource.UNPAID_INVOICES, "Chèque revenu impayé, commande suivante jamais réglée",
        "Notre comptabilité",
    ),
    (
        DoubtfulSource.RATING, "Cotation Banque de France 8 : capacité de paiement menacée",
        "Cotation communiquée par notre banque",
    ),
    (DoubtfulSource.RATING, "Score Creditsafe tombé à 9/100 en six mois", "Alerte Creditsafe"),
    (DoubtfulSource.PUBLISHED_INSOLVENCY, "Liquidation judiciaire publiée au BODACC", "BODACC A"),
    (
        DoubtfulSource.FIELD_REPORT,
        "Passe des commandes sous plusieurs raisons sociales et change de banque souvent",
        "Signalé par un commercial",
    ),
    (
        DoubtfulSource.FIELD_REPORT, "Gérant déjà à la tête de deux sociétés liquidées",
        "Rapport de visite",
    ),
    (
        DoubtfulSource.OTHER, "Adresse de domiciliation, aucun local d'activité trouvé",
        "Vérification sur place",
    ),
)
# How the doubtful-company entry names the judgment (with the agreement of "ouvert(e)").
INSOLVENCY_LABELS = {
    InsolvencyKind.SAFEGUARD: "Procédure de sauvegarde ouverte",
    InsolvencyKind.RECEIVERSHIP: "Redressement judiciaire ouvert",
    InsolvencyKind.LIQUIDATION: "Liquidation judiciaire ouverte",
}

# fmt: on

_FR_CITIES_BY_REGION = {
    region: tuple(c for c in FR_CITIES if c[2] == region) for region in range(len(SALESPEOPLE))
}
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def _slug(text: str, limit: int = 28) -> str:
    folded = fold(text).replace("&", " et ").replace("'", "")
    return _NON_ALNUM.sub("-", folded).strip("-")[:limit].strip("-") or "contact"


def _allocate(rng: random.Random, n: int, shares: tuple[tuple[Any, int], ...]) -> list[Any]:
    """Exactly n items split by the shares (largest remainder), in a random order."""
    total = sum(w for _, w in shares)
    exact = [(k, n * w / total) for k, w in shares]
    counts = {k: int(v) for k, v in exact}
    left = n - sum(counts.values())
    for k, _ in sorted(exact, key=lambda kv: kv[1] - int(kv[1]), reverse=True)[:left]:
        counts[k] += 1
    items = [k for k, _ in shares for _ in range(counts[k])]
    rng.shuffle(items)
    return items


def _french_iban(bank: str, branch: str, account: str) -> str:
    """FR76 IBAN with its RIB key (97 − (89 × bank + 15 × branch + 3 × account) mod 97)."""
    key = 97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97
    bban = f"{bank}{branch}{account}{key:02d}"
    return f"FR{std_iban.calc_check_digits('FR00' + bban)}{bban}"


@dataclass
class _Person:
    first: str
    last: str
    female: bool
    role: str

    @property
    def civility(self) -> str:
        return "Mme" if self.female else "M."

    def attendee(self) -> str:
        role = self.role[0].lower() + self.role[1:] if self.role else ""
        return f"{self.civility} {self.last} ({role})" if role else f"{self.civility} {self.last}"


@dataclass
class _Batch:
    customers: list[dict[str, Any]] = field(default_factory=list)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    ratings: list[dict[str, Any]] = field(default_factory=list)
    visits: list[dict[str, Any]] = field(default_factory=list)
    observations: list[dict[str, Any]] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)


class _Generator:
    def __init__(self, seed: int, today: date, now: datetime) -> None:
        self.rng = random.Random(seed)
        self.fake_fr = Faker("fr_FR")
        self.fake_fr.seed_instance(seed)
        self.fake_be = Faker("fr_BE")
        self.fake_be.seed_instance(seed)
        self.fake_nl = Faker("nl_BE")
        self.fake_nl.seed_instance(seed)
        self.today = today
        self.now = now
        self.start = datetime.combine(today - timedelta(days=6 * 365), time(8, 30))
        self.sirens: set[str] = {COMPANY_SIREN_BASE + luhn.calc_check_digit(COMPANY_SIREN_BASE)}
        self.be_numbers: set[str] = set()
        self.segment_ids: dict[str, int] = {}
        self.salespeople: list[tuple[int, str]] = []
        self.owner: tuple[int, str] = (0, "")
        self.assistant: tuple[int, str] = (0, "")
        self.next_customer_id = 1
        self.next_visit_id = 1
        self.account_width = 5
        self.account_seq = 0
        self.doubtful_candidates: list[dict[str, Any]] = []
        # What the receivables history needs of each non-prospect (see _Ledger).
        self.accounts: list[_AccountSeed] = []

    # --- small helpers -----------------------------------------------------------------------

    def weighted(self, pairs: tuple[tuple[Any, int], ...]) -> Any:
        values = [v for v, _ in pairs]
        weights = [w for _, w in pairs]
        return self.rng.choices(values, weights)[0]

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def moment(
        self, day: date, earliest: time = time(8, 0), latest: time = time(18, 30)
    ) -> datetime:
        """A working-hours moment on `day`, never after the injected now."""
        lo = earliest.hour * 60 + earliest.minute
        hi = latest.hour * 60 + latest.minute
        minutes = self.rng.randint(lo, hi)
        at = datetime.combine(day, time(minutes // 60, minutes % 60))
        return min(at, self.now)

    def new_siren(self) -> str:
        while True:
            base = str(self.rng.randint(3, 9)) + f"{self.rng.randrange(10**7):07d}"
            siren = base + luhn.calc_check_digit(base)
            if siren not in self.sirens and siren != "356000000":
                self.sirens.add(siren)
                return siren

    def siret_of(self, siren: str) -> str:
        nic = f"000{self.rng.choice((1, 1, 1, 2, 3, 4))}"
        return siren + nic + luhn.calc_check_digit(siren + nic)

    def new_be_number(self) -> str:
        while True:
            if self.chance(0.85):
                base = f"0{self.rng.randint(4, 8)}{self.rng.randrange(10**6):06d}"
            else:
                base = f"10{self.rng.randint(0, 2)}{self.rng.randrange(10**5):05d}"
            number = f"{base}{97 - int(base) % 97:02d}"
            if number not in self.be_numbers:
                self.be_numbers.add(number)
                return number

    def fr_phone(self, postal_code: str, mobile: bool = False) -> str:
        zone = (
            ("06", "07")[self.rng.random() < 0.3]
            if mobile
            else (_PHONE_ZONE_BY_DEPT.get(postal_code[:2], "01"))
        )
        digits = [f"{self.rng.randrange(100):02d}" for _ in range(4)]
        return " ".join([zone, *digits])

    def be_phone(self, zone: str, mobile: bool = False) -> str:
        if mobile:
            return f"+32 4{self.rng.choice(('70', '75', '77', '86', '96'))} " + " ".join(
                f"{self.rng.randrange(100):02d}" for _ in range(3)
            )
        rest = 8 - len(zone)  # Belgian numbers: zone + subscriber = 8 digits
        sub = f"{self.rng.randrange(10**rest):0{rest}d}"
        if rest == 7:
            return f"+32 {zone} {sub[:3]} {sub[3:5]} {sub[5:]}"
        return f"+32 {zone} {sub[:2]} {sub[2:4]} {sub[4:]}"

    def person(self, faker: Faker, role_pair: tuple[str, str] | None) -> _Person:
        female = self.chance(0.45)
        first = faker.first_name_female() if female else faker.first_name_male()
        last = faker.last_name()
        role = (role_pair[1] if female else role_pair[0]) if role_pair else ""
        return _Person(first, last, female, role)

    # --- reference data ------------------------------------------------------------------------

    def company_profile(self) -> CompanyProfile:
        siren = COMPANY_SIREN_BASE + luhn.calc_check_digit(COMPANY_SIREN_BASE)
        return CompanyProfile(
            legal_name="Ateliers Durand & Fils",
            legal_form="SAS",
            country=Country.FRANCE,
            siren=siren,
            vat_number=french_vat_from_siren(siren),
            address_line1="14 rue des Forges",
            address_line2="ZI de la Plaine",
            postal_code="69800",
            city="Saint-Priest",
            phone="04 78 20 45 60",
            email="contact@ateliers-durand.fr",
            iban=_french_iban(*COMPANY_BANK),
            bic=COMPANY_BIC,
            signatory_name=OWNER[0],
            signatory_title="Président",
            default_payment_terms_days=30,
            is_demo=True,
        )

    # --- one customer ----------------------------------------------------------------------------

    def company_name_fr(self, form: str, region: int) -> tuple[str, str, str, str]:
        """(legal name, legal form, trade name, name without the form) of a French business."""
        rng = self.rng
        last = self.fake_fr.last_name()
        pattern = self.weighted(
            (
                ("trade", 26),
                ("fils", 8),
                ("freres", 4),
                ("double", 8),
                ("ets", 7),
                ("place", 10),
                ("suffix", 12),
                ("region", 10),
                ("brand", 6),
                ("acronym", 4),
                ("sci", 3),
                ("long", 1),
            )
        )
        if pattern == "trade":
            name = f"{rng.choice(FR_TRADES)} {last}"
        elif pattern == "fils":
            name = f"{last} {rng.choice(('&', 'et', 'Père et'))} Fils"
        elif pattern == "freres":
            name = f"{last} Frères"
        elif pattern == "double":
            name = f"{last}{rng.choice((' & ', ' et ', '-'))}{self.fake_fr.last_name()}"
        elif pattern == "ets":
            name = f"{rng.choice(('Établissements', 'Ets'))} {last}"
        elif pattern == "place":
            name = f"{rng.choice(FR_TRADES)} {rng.choice(FR_PLACES)}"
        elif pattern == "suffix":
            name = f"{last} {rng.choice(FR_NAME_SUFFIXES)}"
        elif pattern == "region":
            name = f"{rng.choice(FR_REGIONS[region])} {rng.choice(FR_TRADES + FR_NAME_SUFFIXES)}"
        elif pattern == "brand":
            first = self.fake_fr.first_name()
            name = rng.choice(FR_BRANDS).format(first=first)
        elif pattern == "acronym":
            name = rng.choice(FR_ACRONYM_HEADS) + rng.choice(FR_ACRONYM_TAILS)
            if self.chance(0.4):
                name += f" {rng.choice(FR_REGIONS[region])}"
        elif pattern == "sci":
            name = rng.choice(SCI_NAMES).format(last=last)
            return name, "SCI", "", name
        else:
            name = rng.choice(FR_LONG_NAMES).format(last=last)[:200].rstrip()
            return name, form, "", name.split(" — ")[0]
        base = name  # without the legal form: what a web domain or an e-mail would use
        if self.chance(0.45):
            prefix = form in ("SARL", "SAS", "SNC") and self.chance(0.2)
            name = f"{form} {name}" if prefix else f"{name} {form}"
        trade = rng.choice(FR_ENSEIGNES) if self.chance(0.08) else ""
        return name, form, trade, base

    def company_name_be(self, dutch: bool) -> tuple[str, str, str]:
        """(legal name, legal form, name without the form) of a Belgian business."""
        rng = self.rng
        faker = self.fake_nl if dutch else self.fake_be
        last = faker.last_name()
        form = self.weighted(BE_FORMS_NL if dutch else BE_FORMS_FR)
        roll = rng.random()
        if roll < 0.55:
            name = f"{rng.choice(BE_TRADES_NL if dutch else BE_TRADES_FR)} {last}"
        elif roll < 0.75:
            name = f"{last} & {'Zonen' if dutch else 'Fils'}"
        elif roll < 0.9:
            name = f"{'Gebroeders' if dutch else 'Ets'} {last}"
        else:
            name = f"{last}-{faker.last_name()}"
        base = name
        if self.chance(0.6):
            name = f"{name} {form}"
        return name, form, base

    def customer(self, status: CustomerStatus, kind: str, batch: _Batch) -> None:
        rng = self.rng
        cid = self.next_customer_id
        self.next_customer_id += 1
        prospect = status is CustomerStatus.PROSPECT

        # Creation: prospects in the last two years, customers up to six years ago.
        age = rng.randint(0, 700) if prospect else rng.randint(30, 6 * 365)
        created_at = self.moment(self.today - timedelta(days=age))

        siren = siret = enterprise_number = vat = zone = ""
        owner: _Person | None = None
        legal_form = trade_name = ""
        is_consumer = kind == "consumer"
        language = "fr"
        if kind == "be":
            postal_code, city, language, zone = rng.choice(BE_CITIES)
            region = 1
            country = Country.BELGIUM
            dutch = language == "nl"
            legal_name, legal_form, base_name = self.company_name_be(dutch)
            enterprise_number = self.new_be_number()
            vat = "BE" + enterprise_number
            number = rng.randint(1, 250)
            street = rng.choice(BE_STREETS_NL if dutch else BE_STREETS_FR)
            line1 = f"{street} {number}"
            line2 = ""
            phone = self.be_phone(zone)
            tld = ".be"
            person_faker = self.fake_nl if dutch else self.fake_be
        else:
            postal_code, city, region = rng.choice(FR_CITIES)
            country = Country.FRANCE
            number = rng.randint(1, 180)
            bis = " bis" if self.chance(0.04) else ""
            line1 = f"{number}{bis} {rng.choice(FR_STREETS)}"
            line2 = rng.choice(FR_LINE2) if self.chance(0.2) and not is_consumer else ""
            phone = self.fr_phone(postal_code, mobile=is_consumer or self.chance(0.1))
            tld = ".fr" if self.chance(0.75) else ".com"
            person_faker = self.fake_fr
            if is_consumer:
                owner = self.person(self.fake_fr, None)
                legal_name = base_name = f"{owner.civility} {owner.first} {owner.last}"
            else:
                form = self.weighted(FR_FORMS)
                legal_name, legal_form, trade_name, base_name = self.company_name_fr(form, region)
                siren = self.new_siren()
                siret = self.siret_of(siren)
                vat = "" if legal_form == "SCI" else french_vat_from_siren(siren)
        billing = Address(line1, line2, postal_code, city, country)
        delivery = billing
        if not is_consumer and self.chance(0.2):
            if country is Country.FRANCE:
                d_code, d_city, _ = rng.choice(_FR_CITIES_BY_REGION[region])
                d_line = f"{rng.randint(1, 120)} {rng.choice(FR_STREETS)}"
            else:
                d_code, d_city = postal_code, city
                d_line = (
                    f"{rng.choice(BE_STREETS_NL if language == 'nl' else BE_STREETS_FR)} "
                    f"{rng.randint(1, 250)}"
                )
            delivery = Address(
                d_line, rng.choice(("Dépôt", "Entrepôt", "Chantier", "")), d_code, d_city, country
            )

        domain = _slug(trade_name or base_name) + tld
        if is_consumer:
            email = (
                f"{_slug(legal_name.split(' ', 1)[1], 40).replace('-', '.')}"
                f"{rng.randint(1, 99)}@{rng.choice(PERSONAL_MAIL)}"
            )
            website = ""
        else:
            mailbox = rng.choice(("contact", "compta", "comptabilite", "accueil", "factures"))
            email = (
                f"{mailbox}@{domain}"
                if self.chance(0.8)
                else (f"{_slug(base_name, 20).replace('-', '.')}@{rng.choice(PERSONAL_MAIL)}")
            )
            website = f"www.{domain}" if self.chance(0.4) else ""

        # Segment, salesperson, terms, credit limit.
        if is_consumer:
            segment = PARTICULIERS
        elif kind == "be":
            segment = EXPORT_BE if self.chance(0.85) else rng.choice((GRANDS_COMPTES, PME))
        elif prospect:
            segment = GRANDS_COMPTES if self.chance(0.15) else PME
        elif status in (
            CustomerStatus.UNDER_WATCH,
            CustomerStatus.BLOCKED,
            CustomerStatus.INSOLVENCY,
        ):
            segment = self.weighted(((LENTS, 55), (PME, 35), (GRANDS_COMPTES, 10)))
        else:
            segment = self.weighted(((GRANDS_COMPTES, 12), (PME, 68), (LENTS, 20)))
        salesperson_id = self.salespeople[region][0]

        if is_consumer:
            terms = rng.choice(
                (
                    (0, PaymentTermsBasis.INVOICE_DATE),
                    (15, PaymentTermsBasis.INVOICE_DATE),
                    (30, PaymentTermsBasis.INVOICE_DATE),
                )
            )
        elif status is CustomerStatus.BLOCKED and self.chance(0.6):
            terms = (0, PaymentTermsBasis.INVOICE_DATE)  # cash only until it is settled
        elif kind == "be":
            terms = self.weighted(
                (
                    ((30, PaymentTermsBasis.INVOICE_DATE), 60),
                    ((60, PaymentTermsBasis.INVOICE_DATE), 25),
                    ((30, PaymentTermsBasis.END_OF_MONTH_AFTER), 15),
                )
            )
        elif segment == GRANDS_COMPTES:
            terms = self.weighted(
                (
                    ((60, PaymentTermsBasis.INVOICE_DATE), 45),
                    ((45, PaymentTermsBasis.END_OF_MONTH_AFTER), 35),
                    ((45, PaymentTermsBasis.END_OF_MONTH_THEN), 20),
                )
            )
        else:
            terms = self.weighted(
                (
                    ((30, PaymentTermsBasis.INVOICE_DATE), 45),
                    ((45, PaymentTermsBasis.END_OF_MONTH_AFTER), 20),
                    ((45, PaymentTermsBasis.END_OF_MONTH_THEN), 7),
                    ((60, PaymentTermsBasis.INVOICE_DATE), 15),
                    ((15, PaymentTermsBasis.INVOICE_DATE), 8),
                    ((30, PaymentTermsBasis.END_OF_MONTH_AFTER), 5),
                )
            )
        credit_limit: int | None
        if prospect:
            credit_limit = None
        elif is_consumer:
            credit_limit = rng.choice((None, 50_000, 100_000, 200_000, 300_000))
        elif status is CustomerStatus.BLOCKED or status is CustomerStatus.INSOLVENCY:
            credit_limit = 0 if self.chance(0.7) else rng.randint(2, 20) * 50_000
        else:
            low, high, step = {
                GRANDS_COMPTES: (50_000, 250_000, 5_000),
                PME: (5_000, 40_000, 1_000),
                LENTS: (2_000, 15_000, 500),
                EXPORT_BE: (5_000, 60_000, 1_000),
            }[segment]
            credit_limit = rng.randrange(low, high + 1, step) * 100

        insolvency_kind = opened_on = bodacc_on = None
        if status is CustomerStatus.INSOLVENCY:
            insolvency_kind = self.weighted(
                (
                    (InsolvencyKind.SAFEGUARD, 20),
                    (InsolvencyKind.RECEIVERSHIP, 50),
                    (InsolvencyKind.LIQUIDATION, 30),
                )
            )
            opened_on = self.today - timedelta(days=rng.randint(25, 300))
            bodacc_on = opened_on + timedelta(days=rng.randint(7, 18))

        notes = rng.choice(CUSTOMER_NOTES) if self.chance(0.12) else ""
        account_code = ""
        if not prospect:
            self.account_seq += 1
            account_code = f"C{self.account_seq:0{self.account_width}d}"

        draft = CustomerDraft(
            legal_name=legal_name,
            status=status,
            trade_name=trade_name,
            legal_form=legal_form,
            country=country,
            siren=siren,
            siret=siret,
            enterprise_number=enterprise_number,
            vat_number=vat,
            account_code=account_code,
            billing_address=billing,
            delivery_address=delivery,
            email=email,
            phone=phone,
            website=website,
            is_consumer=is_consumer,
            language=language,
            segment_id=self.segment_ids[segment],
            salesperson_id=salesperson_id,
            payment_terms_days=terms[0],
            payment_terms_basis=terms[1],
            credit_limit_cents=credit_limit,
            insolvency_kind=insolvency_kind,
            insolvency_opened_on=opened_on,
            bodacc_published_on=bodacc_on,
            notes=notes,
        )
        draft = validate_customer(draft, self.today)
        # The service's own `_apply` fills the columns and derives sort_name and search_text;
        # it only sets attributes, so a plain namespace stands in for an ORM instance (the
        # instrumentation would triple the cost at 50,000 customers).
        record = SimpleNamespace()
        _apply(cast(Customer, record), draft)
        row = dict(vars(record))  # columns _apply does not set keep their schema default
        row.update(
            id=cid,
            created_at=created_at,
            updated_at=created_at,
            priority_prospect=prospect and self.chance(0.2),
        )
        batch.customers.append(row)
        creator = self.salespeople[region][1] if prospect else self.assistant[1]
        batch.audit.append(self.audit_row(created_at, creator, "customer", cid, draft.legal_name))

        # Contacts: the head of the business, then accounting, then purchasing or site.
        people: list[_Person] = []
        if owner is not None:
            people.append(_Person(owner.first, owner.last, owner.female, ""))
        else:
            if kind == "be":
                head = rng.choice(BE_HEAD_ROLES) if legal_form in ("SA", "NV") else BE_HEAD_ROLES[0]
            else:
                head = HEAD_ROLES.get(legal_form, ("Gérant", "Gérante"))
            people.append(self.person(person_faker, head))
            how_many = self.weighted(((1, 30), (2, 45), (3, 25)))
            if how_many >= 2:
                people.append(self.person(person_faker, rng.choice(ACCOUNTING_ROLES)))
            if how_many >= 3:
                people.append(self.person(person_faker, rng.choice(OTHER_ROLES)))
        for position, p in enumerate(people):
            accounting = any(p.role in pair for pair in ACCOUNTING_ROLES)
            if is_consumer:
                c_email, c_phone = email, phone
            else:
                c_email = f"{_slug(p.first, 20)}.{_slug(p.last, 20)}@{domain}"
                c_phone = (
                    self.be_phone(zone, mobile=self.chance(0.5))
                    if kind == "be"
                    else self.fr_phone(postal_code, mobile=self.chance(0.5))
                )
            batch.contacts.append(
                {
                    "customer_id": cid,
                    "first_name": p.first,
                    "last_name": p.last,
                    "role": p.role,
                    "email": c_email,
                    "phone": c_phone,
                    "is_primary": position == 0,
                    "receives_reminders": accounting or len(people) == 1,
                    "notes": rng.choice(CONTACT_NOTES) if self.chance(0.06) else "",
                    "created_at": created_at,
                    "updated_at": created_at,
                }
            )

        if not prospect:
            self.accounts.append(
                _AccountSeed(
                    cid,
                    segment,
                    status,
                    is_consumer,
                    kind == "be",
                    terms[0],
                    terms[1],
                    created_at.date(),
                    opened_on,
                )
            )
        if not is_consumer:
            self.ratings(cid, status, kind, opened_on, batch)
            self.visits(cid, status, created_at.date(), people, self.salespeople[region], batch)
        if (
            status in (CustomerStatus.BLOCKED, CustomerStatus.INSOLVENCY)
            and len(self.doubtful_candidates) < 200
        ):
            self.doubtful_candidates.append(
                {
                    "customer_id": cid,
                    "name": draft.legal_name,
                    "siren": draft.siren or draft.enterprise_number,
                    "address": line1,
                    "postal_code": postal_code,
                    "city": city,
                    "kind": insolvency_kind,
                    "opened_on": opened_on,
                    "bodacc_on": bodacc_on,
                }
            )

    def audit_row(
        self, at: datetime, actor: str, entity: str, entity_id: int, summary: str
    ) -> dict[str, Any]:
        return {
            "at": at,
            "actor": actor,
            "action": AuditAction.CREATE.value,
            "entity": entity,
            "entity_id": entity_id,
            "summary": summary,
            "changes_json": "{}",
        }

    def ratings(
        self, cid: int, status: CustomerStatus, kind: str, opened_on: date | None, batch: _Batch
    ) -> None:
        rng = self.rng
        p = (
            0.8
            if status
            in (CustomerStatus.UNDER_WATCH, CustomerStatus.BLOCKED, CustomerStatus.INSOLVENCY)
            else 0.4
        )
        if not self.chance(p):
            return
        sources = [RatingSource.COFACE, RatingSource.CREDITSAFE]
        if kind == "fr":
            sources.insert(0, RatingSource.BANQUE_DE_FRANCE)
        chosen = rng.sample(sources, rng.randint(1, min(3, len(sources))))
        for source in chosen:
            tier = rng.choices(range(4), TIER_WEIGHTS[status])[0]
            rated_on = self.today - timedelta(days=rng.randint(10, 1000))
            if opened_on is not None and self.chance(0.6):
                tier = 3  # the rating agencies saw the judgment
                rated_on = min(self.today, opened_on + timedelta(days=rng.randint(2, 20)))
            if source is RatingSource.BANQUE_DE_FRANCE:
                value = rng.choice(BDF[tier])
            else:
                low, high = (COFACE if source is RatingSource.COFACE else CREDITSAFE)[tier]
                value = str(rng.randint(low, high))
            comment = rng.choice(RATING_COMMENTS[source]) if self.chance(0.5) else ""
            draft = validate_rating(RatingDraft(source, value, rated_on, comment), self.today)
            at = self.moment(rated_on)
            batch.ratings.append(
                {
                    "customer_id": cid,
                    "source": draft.source.value,
                    "value": draft.value,
                    "rated_on": draft.rated_on,
                    "comment": draft.comment,
                    "created_at": at,
                    "updated_at": at,
                }
            )

    def visits(
        self,
        cid: int,
        status: CustomerStatus,
        created_on: date,
        people: list[_Person],
        author: tuple[int, str],
        batch: _Batch,
    ) -> None:
        rng = self.rng
        count = self.weighted(VISITS_PER_CUSTOMER[status])
        first_day = max(created_on, self.today - timedelta(days=VISIT_WINDOW_DAYS))
        span = (self.today - first_day).days
        if count == 0 or span < 0:
            return
        count = min(count, span + 1)
        offsets = sorted(rng.sample(range(span + 1), count))
        author_id, author_name = author
        base, slope = WORRY[status]
        reassuring = REASSURING[status]
        for offset in offsets:
            visit_date = first_day + timedelta(days=offset)
            recency = 1 - (self.today - visit_date).days / VISIT_WINDOW_DAYS
            worry = base + slope * max(0.0, recency)
            observations = []
            worrying = 0
            for topic in ObservationTopic:
                roll = rng.random()
                if roll < 0.1:
                    assessment = Assessment.NOT_OBSERVED
                elif roll < 0.1 + worry:
                    assessment = Assessment.WORRYING
                    worrying += 1
                elif roll < 0.1 + worry + reassuring:
                    assessment = Assessment.REASSURING
                else:
                    assessment = Assessment.NEUTRAL
                comment = ""
                if assessment is not Assessment.NOT_OBSERVED and self.chance(
                    {Assessment.WORRYING: 0.9, Assessment.REASSURING: 0.6}.get(assessment, 0.4)
                ):
                    comment = rng.choice(COMMENTS[topic][assessment])
                observations.append(Observation(topic, assessment, comment))
            met = rng.sample(people, min(len(people), rng.choice((1, 1, 2))))
            attendees = " et ".join(p.attendee() for p in met)
            if worrying >= 3:
                credit_note = rng.choice(CREDIT_NOTES_BAD)
            elif worrying:
                credit_note = rng.choice(CREDIT_NOTES_WATCH)
            else:
                credit_note = rng.choice(CREDIT_NOTES_HEALTHY) if self.chance(0.6) else ""
            reminded_p = 0.8 if status is not CustomerStatus.ACTIVE else 0.55
            roll = rng.random()
            reminded = None if roll < 0.12 else roll < 0.12 + reminded_p * 0.88
            next_visit = (
                visit_date + timedelta(days=rng.choice((30, 45, 60, 90, 120)))
                if self.chance(0.8)
                else None
            )
            draft = validate_visit_report(
                VisitReportDraft(
                    customer_id=cid,
                    visit_date=visit_date,
                    author_id=author_id,
                    attendees=attendees,
                    observations=tuple(observations),
                    payment_terms_reminded=reminded,
                    approval_circuit=rng.choice(APPROVAL_CIRCUITS) if self.chance(0.8) else "",
                    for_credit_management=credit_note,
                    free_text=rng.choice(FREE_TEXTS) if self.chance(0.7) else "",
                    next_visit_on=next_visit,
                ),
                self.today,
            )
            vid = self.next_visit_id
            self.next_visit_id += 1
            written = self.moment(
                visit_date + timedelta(days=rng.choice((0, 0, 1))), time(9, 0), time(19, 30)
            )
            written = max(written, datetime.combine(visit_date, time(0, 0)))
            batch.visits.append(
                {
                    "id": vid,
                    "customer_id": cid,
                    "author_id": draft.author_id,
                    "visit_date": draft.visit_date,
                    "attendees": draft.attendees,
                    "payment_terms_reminded": draft.payment_terms_reminded,
                    "approval_circuit": draft.approval_circuit,
                    "for_credit_management": draft.for_credit_management,
                    "free_text": draft.free_text,
                    "next_visit_on": draft.next_visit_on,
                    "created_at": written,
                    "updated_at": written,
                }
            )
            batch.observations.extend(
                {
                    "visit_report_id": vid,
                    "topic": o.topic.value,
                    "assessment": o.assessment.value,
                    "comment": o.comment,
                }
                for o in draft.observations
            )
            batch.audit.append(
                self.audit_row(
                    written,
                    author_name,
                    "visit_report",
                    vid,
                    f"customer {cid} {draft.visit_date.isoformat()}",
                )
            )

    # --- doubtful companies ----------------------------------------------------------------------

    def doubtful(self, total: int) -> Iterator[dict[str, Any]]:
        rng = self.rng
        reporters = [self.owner, self.assistant, *self.salespeople]
        from_customers = rng.sample(
            self.doubtful_candidates, min(len(self.doubtful_candidates), total // 2)
        )
        for c in from_customers:
            reported_by = rng.choice(reporters)
            if c["kind"] is not None:
                source = DoubtfulSource.PUBLISHED_INSOLVENCY
                reason = (
                    f"{INSOLVENCY_LABELS[c['kind']]} le "
                    f"{c['opened_on']:%d/%m/%Y}, jugement publié au BODACC le "
                    f"{c['bodacc_on']:%d/%m/%Y}"
                )
                detail = "BODACC A"
                reported_on = c["bodacc_on"]
            else:
                source = DoubtfulSource.UNPAID_INVOICES
                reason = "Factures impayées depuis plus de 90 jours, client bloqué"
                detail = "Notre comptabilité"
                reported_on = self.today - timedelta(days=rng.randint(5, 200))
            yield self.doubtful_row(
                c["customer_id"],
                c["name"],
                c["siren"],
                c["address"],
                c["postal_code"],
                c["city"],
                reason,
                source,
                detail,
                reported_on,
                reported_by[0],
            )
        for _ in range(total - len(from_customers)):
            form = self.weighted(FR_FORMS)
            postal_code, city, region = rng.choice(FR_CITIES)
            name, _form, _trade, _base = self.company_name_fr(form, region)
            address = f"{rng.randint(1, 150)} {rng.choice(FR_STREETS)}"
            source, reason, detail = rng.choice(DOUBTFUL_REASONS)
            reported_on = self.today - timedelta(days=rng.randint(5, 900))
            yield self.doubtful_row(
                None,
                name,
                self.new_siren(),
                address,
                postal_code,
                city,
                reason,
                source,
                detail,
                reported_on,
                rng.choice(reporters)[0],
            )

    def doubtful_row(
        self,
        customer_id: int | None,
        name: str,
        siren: str,
        address: str,
        postal_code: str,
        city: str,
        reason: str,
        source: DoubtfulSource,
        detail: str,
        reported_on: date,
        reported_by_id: int,
    ) -> dict[str, Any]:
        at = self.moment(reported_on)
        return {
            "customer_id": customer_id,
            "name": name,
            "siren": siren,
            "address": address,
            "postal_code": postal_code,
            "city": city,
            "reason": reason,
            "source": source.value,
            "source_detail": detail,
            "reported_on": reported_on,
            "reported_by_id": reported_by_id,
            "active": True,
            "search_text": search_key(name, siren, address, postal_code, city),
            "created_at": at,
            "updated_at": at,
        }


# --- Receivables history -----------------------------------------------------------------------

# fmt: off
LEDGER_WINDOW_DAYS = 730  # invoices cover the last two years
LEDGER_FLUSH = 20_000  # documents generated between two writes (bounded memory at 50,000)
VAT_BP = 2000  # French standard rate; Belgian businesses are invoiced without VAT (reverse charge)
# A customer's typical invoice incl. VAT, in euros, drawn log-uniformly in (low, high) by
# segment; each of its invoices varies around it.
INVOICE_SIZE = {
    GRANDS_COMPTES: (1_500, 15_000),
    PME: (400, 6_000),
    LENTS: (300, 4_500),
    EXPORT_BE: (600, 9_000),
    PARTICULIERS: (90, 2_500),
}
# Days between two invoices of a business customer (roughly monthly; more for key accounts).
INVOICE_GAP = {GRANDS_COMPTES: (14, 30), PME: (24, 48), LENTS: (26, 52), EXPORT_BE: (30, 62)}
# A consumer buys a few times in two years.
CONSUMER_INVOICES = ((1, 50), (2, 30), (3, 15), (4, 5))
CREDIT_NOTE_SHARE = {
    GRANDS_COMPTES: 0.03, PME: 0.02, LENTS: 0.025, EXPORT_BE: 0.02, PARTICULIERS: 0.03,
}
# Stored values of payments.method, and how a bank statement line starts for each.
PAYMENT_METHODS = {
    GRANDS_COMPTES: (("transfer", 100),),
    PME: (("transfer", 70), ("bill_of_exchange", 15), ("cheque", 15)),
    LENTS: (("transfer", 60), ("cheque", 40)),
    EXPORT_BE: (("transfer", 100),),
    PARTICULIERS: (("cheque", 45), ("transfer", 30), ("card", 25)),
}
PAYMENT_REFERENCE = {"transfer": "VIR", "cheque": "CHQ", "bill_of_exchange": "LCR", "card": "CB"}
# Payment runs: a key account pays every invoice due in a fortnight by one transfer; many
# small businesses do the same on the 15th and the 30th (the last day of a short month).
KEY_ACCOUNT_RUNS = (10, 25)
SME_RUNS = (15, 30)
# fmt: on


class _AccountSeed(NamedTuple):
    """What the customer generator passes on to the receivables history."""

    customer_id: int
    segment: str
    status: CustomerStatus
    consumer: bool
    belgian: bool
    terms_days: int
    terms_basis: PaymentTermsBasis
    created_on: date
    insolvency_opened_on: date | None


@dataclass(slots=True)
class _Account:
    id: int
    index: int
    terms_days: int
    basis: PaymentTermsBasis
    stop: date  # no invoice after this day (blocked, or the judgment that opened a proceeding)
    trouble_from: date | None  # invoices from this day on go mostly unpaid
    unpaid_from: date | None  # invoices from this day on are never paid
    cutoff: date | None  # no payment on or after this day (opening judgment)
    typical_cents: float  # typical invoice excl. VAT
    vat: bool
    method: str
    runs: tuple[int, ...]  # days of the month of its payment runs; () invoice by invoice
    slow: bool  # pays 20 to 90 days late
    watch: bool  # under watch: recent invoices often unpaid or paid in part
    credit_p: float
    gap: tuple[int, int]
    left: int  # invoices still to issue; -1: no limit
    letters: int = 0  # matching codes used so far (A, B, … AA)


def _business_day(day: date) -> date:
    """Saturday and Sunday move to the next Monday (invoices, bank credits)."""
    weekday = day.weekday()
    return day + timedelta(days=7 - weekday) if weekday >= 5 else day


def _runs_of(year: int, month: int, runs: tuple[int, ...]) -> list[date]:
    last = calendar.monthrange(year, month)[1]
    return [date(year, month, min(d, last)) for d in runs]


def _run_before(day: date, runs: tuple[int, ...]) -> date:
    """The last payment run on or before `day` (this month's or the previous month's)."""
    before = [d for d in _runs_of(day.year, day.month, runs) if d <= day]
    if before:
        return before[-1]
    previous = day.replace(day=1) - timedelta(days=1)
    return _runs_of(previous.year, previous.month, runs)[-1]


def _run_after(day: date, runs: tuple[int, ...]) -> date:
    """The first payment run on or after `day`."""
    after = [d for d in _runs_of(day.year, day.month, runs) if d >= day]
    if after:
        return after[0]
    following = day.replace(day=28) + timedelta(days=4)
    return _runs_of(following.year, following.month, runs)[0]


def _matching_code(n: int) -> str:
    """1 -> 'A', 26 -> 'Z', 27 -> 'AA': the lettering codes accounting software uses."""
    code = ""
    while n > 0:
        n, rest = divmod(n - 1, 26)
        code = chr(65 + rest) + code
    return code


class _Ledger:
    """Two years of invoices, credit notes and payments for every non-prospect, day by day.

    Each customer's next invoice waits in the bucket of its day, so the invoices (and credit
    notes) of all customers come out in calendar order and their numbers follow the calendar
    (FA-2025-000001 is the first invoice of 2025 in the file). The whole fate of an invoice
    is drawn when it is issued: a credit note, the payments and their dates, what is still
    open on `today`. A payment is written once its day is past, so a key account's
    fortnightly transfer carries every invoice it pays.

    Signs follow `DocumentKind.sign`: invoices positive, credit notes negative; payments are
    positive in `payments`, allocated to invoices. For every invoice,
    total − open = payments allocated to it + the credit note settled against it; a credit
    note on an invoice still open stays open itself (negative, on account) until the
    invoice is settled.
    """

    def __init__(
        self,
        seed: int,
        today: date,
        now: datetime,
        seeds: list[_AccountSeed],
        first_document_id: int,
        first_payment_id: int,
    ) -> None:
        self.rng = random.Random(f"receivables-{seed}")  # its own stream: customers unchanged
        self.today = today
        self.now = now
        self.window_start = today - timedelta(days=LEDGER_WINDOW_DAYS)
        self.span = (today - self.window_start).days + 1  # days in the window, today included
        self.seeds = seeds
        self.accounts: list[_Account] = []
        self.next_document_id = first_document_id
        self.next_payment_id = first_payment_id
        self.numbers: dict[tuple[str, int], int] = {}
        self.documents: list[dict[str, Any]] = []
        # One bucket per day of the window (index = days since window_start).
        self.invoice_days: list[list[_Account]] = [[] for _ in range(self.span)]
        self.credit_days: list[list[tuple[Any, ...]]] = [[] for _ in range(self.span)]
        # Payments by day: account index -> (invoice id, invoice number, cents) allocated.
        self.payment_days: list[dict[int, list[tuple[int, str, int]]]] = [
            {} for _ in range(self.span)
        ]
        self.written_days = 0  # payments of the days before this index are written
        self.stamps: dict[date, datetime] = {}
        self.invoices = self.credit_notes = self.payments = 0

    def between(self, low: int, high: int) -> int:
        """randint(low, high), at a fraction of its cost (called millions of times)."""
        return low + int(self.rng.random() * (high - low + 1))

    # --- accounts ----------------------------------------------------------------------------

    def account(self, index: int, s: _AccountSeed) -> tuple[date, _Account]:
        rng = self.rng
        between = self.between
        today = self.today
        stop = today
        trouble = unpaid_from = cutoff = None
        if s.status is CustomerStatus.BLOCKED:
            # Payments slowed down, then stopped; deliveries (and invoices) stopped once
            # the last invoices were well overdue.
            trouble = today - timedelta(days=between(120, 330))
            stop = min(
                today - timedelta(days=s.terms_days + between(15, 45)),
                trouble + timedelta(days=between(60, 150)),
            )
            unpaid_from = stop - timedelta(days=60)
        elif s.status is CustomerStatus.INSOLVENCY and s.insolvency_opened_on is not None:
            cutoff = s.insolvency_opened_on  # nothing is paid after the opening judgment
            trouble = cutoff - timedelta(days=between(100, 240))
            stop = min(today, cutoff - timedelta(days=between(0, 15)))
            unpaid_from = stop - timedelta(days=60)
        low, high = INVOICE_SIZE[s.segment]
        vat = not s.belgian
        typical = math.exp(rng.uniform(math.log(low), math.log(high))) * 100
        if vat:
            typical = typical * 10_000 / (10_000 + VAT_BP)
        method = self.weighted(PAYMENT_METHODS[s.segment])
        watch = s.status is CustomerStatus.UNDER_WATCH
        runs: tuple[int, ...] = ()
        if method == "transfer" and s.segment == GRANDS_COMPTES:
            runs = KEY_ACCOUNT_RUNS
        elif method == "transfer" and s.segment == PME and rng.random() < 0.5:
            runs = SME_RUNS
        first_day = max(self.window_start, s.created_on)
        if s.consumer:
            gap, left = (30, 250), self.weighted(CONSUMER_INVOICES)
            if trouble is not None:  # a consumer who stopped paying bought lately
                gap, left = (20, 60), max(2, left)
                first_day = max(first_day, trouble)
                unpaid_from = trouble
        else:
            gap, left = INVOICE_GAP[s.segment], -1
        account = _Account(
            id=s.customer_id,
            index=index,
            terms_days=s.terms_days,
            basis=s.terms_basis,
            stop=stop,
            trouble_from=trouble,
            unpaid_from=unpaid_from,
            cutoff=cutoff,
            typical_cents=typical,
            vat=vat,
            method=method,
            runs=runs,
            slow=s.segment == LENTS or (watch and rng.random() < 0.5),
            watch=watch,
            credit_p=CREDIT_NOTE_SHARE[s.segment] * (2 if watch or trouble else 1),
            gap=gap,
            left=left,
        )
        first = first_day + timedelta(days=between(0, gap[1]))
        return _business_day(first), account

    def weighted(self, pairs: tuple[tuple[Any, int], ...]) -> Any:
        return self.rng.choices([v for v, _ in pairs], [w for _, w in pairs])[0]

    def slot(self, day: date) -> int:
        return (day - self.window_start).days

    # --- the calendar ------------------------------------------------------------------------

    def run(
        self,
        session: Any,
        cancelled: Callable[[], bool],
        progress: Callable[[float], None],
    ) -> None:
        for index, s in enumerate(self.seeds):
            first, account = self.account(index, s)
            self.accounts.append(account)
            if first <= account.stop:
                self.invoice_days[self.slot(first)].append(account)
        for k in range(self.span):
            day = self.window_start + timedelta(days=k)
            for account in self.invoice_days[k]:
                self.invoice(day, account)
            for item in self.credit_days[k]:
                self.documents.append(self.credit_note(day, *item))
            self.invoice_days[k] = self.credit_days[k] = []
            if len(self.documents) >= LEDGER_FLUSH:
                if cancelled():
                    raise DemoCancelled()
                # Every payment up to this day is complete: no later invoice can join it.
                self.flush(session, k + 1)
                progress((k + 1) / self.span)
        self.flush(session, self.span)
        progress(1.0)

    def number(self, prefix: str, day: date) -> str:
        key = (prefix, day.year)
        n = self.numbers.get(key, 0) + 1
        self.numbers[key] = n
        return f"{prefix}-{day.year}-{n:06d}"

    def stamp(self, day: date) -> datetime:
        """Nine in the morning of `day` (never after now): when the entry was recorded."""
        at = self.stamps.get(day)
        if at is None:
            at = self.stamps[day] = min(datetime.combine(day, time(9, 0)), self.now)
        return at

    def invoice(self, issued: date, a: _Account) -> None:
        rng = self.rng
        due = due_date(issued, a.terms_days, a.basis)
        excl = max(1500, round(a.typical_cents * rng.lognormvariate(0.0, 0.45)))
        if rng.random() < 0.6:
            excl -= excl % 100  # most prices are whole euros
        vat = (excl * VAT_BP + 5000) // 10_000 if a.vat else 0
        total = excl + vat
        doc_id = self.next_document_id
        self.next_document_id += 1
        number = self.number("FA", issued)
        parts, credit = self.fate(a, issued, due, total)
        paid = 0
        for _, amount in parts:
            paid += amount
        credited = credit[1] if credit else 0
        settled_on = None
        code = ""
        if paid + credited == total:
            # Settled by its last payment, or by the credit note that cancels it whole.
            settled_on = parts[-1][0] if parts else credit[0] if credit else issued
            a.letters += 1
            code = _matching_code(a.letters)
        stamp = self.stamp(issued)
        self.documents.append(
            {
                "id": doc_id,
                "customer_id": a.id,
                "kind": DocumentKind.INVOICE.value,
                "number": number,
                "issued_on": issued,
                "due_on": due,
                "total_cents": total,
                "vat_cents": vat,
                "open_cents": 0 if settled_on else total - paid,
                "settled_on": settled_on,
                "corrects_id": None,
                "label": "",
                "import_source": "",
                "matching_code": code,
                "created_at": stamp,
                "updated_at": self.stamp(settled_on) if settled_on else stamp,
            }
        )
        self.invoices += 1
        payment_days = self.payment_days
        start = self.window_start
        for on, amount in parts:
            payment_days[(on - start).days].setdefault(a.index, []).append((doc_id, number, amount))
        if credit is not None:
            vat_share = -((vat * credit[1] + total // 2) // total)
            self.credit_days[self.slot(credit[0])].append(
                (a, doc_id, number, credit[1], vat_share, settled_on, code)
            )
        # The customer's next invoice.
        if a.left > 0:
            a.left -= 1
            if a.left == 0:
                return
        following = _business_day(issued + timedelta(days=self.between(*a.gap)))
        if following <= a.stop and following <= self.today:
            self.invoice_days[self.slot(following)].append(a)

    def fate(
        self, a: _Account, issued: date, due: date, total: int
    ) -> tuple[list[tuple[date, int]], tuple[date, int] | None]:
        """(payments as (day, cents), credit note as (day, cents) or None) of one invoice."""
        rand = self.rng.random
        between = self.between
        today = self.today
        credit = None
        if rand() < a.credit_p:
            on = _business_day(issued + timedelta(days=between(4, 40)))
            if on <= today and (a.cutoff is None or on < a.cutoff):
                full = rand() < 0.2  # the invoice is cancelled as a whole
                amount = total if full else max(100, round(total * (0.05 + 0.25 * rand())))
                credit = (on, amount)
        owed = total - (credit[1] if credit else 0)
        if owed <= 0 or (a.unpaid_from is not None and issued >= a.unpaid_from):
            return [], credit
        troubled = a.trouble_from is not None and issued >= a.trouble_from
        roll = rand()
        if troubled:
            mode = "none" if roll < 0.55 else "partial" if roll < 0.85 else "full"
        elif a.watch and (today - issued).days <= 150:
            mode = "none" if roll < 0.2 else "partial" if roll < 0.35 else "full"
        else:
            mode = "partial" if roll < (0.07 if a.slow else 0.03) else "full"
        if mode == "none":
            return [], credit
        if troubled:
            delay = between(45, 120)
        elif a.slow:
            delay = 20 + int(70 * rand() ** 1.6)  # "Payeurs lents": 20 to 90 days late
        else:
            r = rand()
            if r < 0.74:  # most pay by the due date
                delay = -between(0, 10)
            elif r < 0.94:
                delay = between(1, 15)
            else:
                delay = between(16, 45)
        earliest = issued if credit is None else credit[0] + timedelta(days=2)
        on = self.pay_day(max(due + timedelta(days=delay), earliest), a.runs, earliest)
        parts: list[tuple[date, int]]
        if mode == "partial" and owed >= 2000:
            first = int(owed * (0.25 + 0.45 * rand()))
            first = min(owed - 100, max(100, first - first % 1000))  # a round sum of euros
            parts = [(on, first)]
            if not troubled:  # the balance follows; a customer in trouble never pays it
                later = on + timedelta(days=between(15, 75))
                later = self.pay_day(later, a.runs, on + timedelta(days=1))
                parts.append((later, owed - first))
        else:
            parts = [(on, owed)]
        kept = []
        for on, amount in parts:
            if on > today or (a.cutoff is not None and on >= a.cutoff):
                break  # not yet paid, or frozen by the opening judgment
            kept.append((on, amount))
        return kept, credit

    @staticmethod
    def pay_day(day: date, runs: tuple[int, ...], earliest: date) -> date:
        """The business day the money meant for `day` arrives, never before `earliest`.

        A payer with payment runs pays in the last run before `day` (it schedules what
        falls due before the next run), or the next run when that one is too early. A
        Saturday moves to the Friday before (unless too early), a Sunday to the Monday.
        """
        if runs:
            day = max(_run_before(day, runs), earliest)
            day = _run_after(day, runs)
        if day.weekday() == 5 and day - timedelta(days=1) >= earliest:
            return day - timedelta(days=1)
        return _business_day(day)

    def credit_note(
        self,
        on: date,
        a: _Account,
        invoice_id: int,
        invoice_number: str,
        amount: int,
        vat_share: int,
        settled_on: date | None,
        code: str,
    ) -> dict[str, Any]:
        self.credit_notes += 1
        doc_id = self.next_document_id
        self.next_document_id += 1
        return {
            "id": doc_id,
            "customer_id": a.id,
            "kind": DocumentKind.CREDIT_NOTE.value,
            "number": self.number("AV", on),
            "issued_on": on,
            "due_on": on,
            "total_cents": -amount,
            "vat_cents": vat_share,
            # Settled against its invoice once the invoice is settled; until then on account.
            "open_cents": 0 if settled_on else -amount,
            "settled_on": settled_on,
            "corrects_id": invoice_id,
            "label": f"Avoir sur {invoice_number}",
            "import_source": "",
            "matching_code": code,
            "created_at": self.stamp(on),
            "updated_at": self.stamp(settled_on or on),
        }

    # --- writing -----------------------------------------------------------------------------

    def flush(self, session: Any, until: int) -> None:
        """Write the documents generated so far, then the payments of the days before the
        slot `until`, with their allocations (documents first: allocations point to them)."""
        bulk.insert_rows(session, Document, self.documents)
        self.documents = []
        payments: list[dict[str, Any]] = []
        allocations: list[dict[str, Any]] = []
        rng = self.rng
        for k in range(self.written_days, until):
            if not self.payment_days[k]:
                continue
            on = self.window_start + timedelta(days=k)
            stamp = self.stamp(on)
            for index, parts in self.payment_days[k].items():
                a = self.accounts[index]
                pid = self.next_payment_id
                self.next_payment_id += 1
                head = PAYMENT_REFERENCE[a.method]
                if a.method == "cheque":
                    head += f" {rng.randrange(10**6, 10**7)}"
                numbers = " ".join(number for _, number, _ in parts[:3])
                if len(parts) > 3:
                    numbers += f" +{len(parts) - 3}"
                amount = 0
                for doc_id, _, cents in parts:
                    amount += cents
                    allocations.append(
                        {"payment_id": pid, "document_id": doc_id, "amount_cents": cents}
                    )
                payments.append(
                    {
                        "id": pid,
                        "customer_id": a.id,
                        "received_on": on,
                        "amount_cents": amount,
                        "reference": f"{head} {numbers}",
                        "method": a.method,
                        "import_source": "",
                        "created_at": stamp,
                        "updated_at": stamp,
                    }
                )
            self.payment_days[k] = {}
        self.written_days = until
        self.payments += bulk.insert_rows(session, Payment, payments)
        bulk.insert_rows(session, PaymentAllocation, allocations)


def generate_demo(
    services: Services,
    *,
    customers: int = 300,
    seed: int = 1,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> DemoSummary:
    """Fill an empty data file with the demo company, its team and `customers` customers.

    Same seed + same day (from the injected clock) → same data. One transaction: on any
    error, or when `cancelled()` turns true (DemoCancelled), nothing is written. Then the
    last nine weeks of reminders are replayed (`demo_reminders.play_reminder_history`).
    `progress(fraction)` is called between batches.
    """
    if not 0 <= customers <= MAX_CUSTOMERS:
        raise ValueError(f"customers must be between 0 and {MAX_CUSTOMERS}: {customers}")
    ctx = services.context
    gen = _Generator(seed, ctx.clock.today(), ctx.clock.now())
    gen.account_width = max(5, len(str(customers)))
    report = progress or (lambda _fraction: None)
    stop = cancelled or (lambda: False)

    with ctx.database.transaction() as session:
        if session.execute(select(func.count(Customer.id))).scalar_one():
            raise ValueError("the demo is written into a file without customers")
        start = gen.start

        # The company, as the settings dialog would save it.
        profile = validate_company(gen.company_profile())
        company_id = bulk.next_id(session, CompanySettings)
        company_row = {f: getattr(profile, f) for f in CompanyProfile.__dataclass_fields__}
        company_row["country"] = profile.country.value
        company_row.update(
            id=company_id,
            created_at=start,
            updated_at=start,
            early_payment_discount="Pas d'escompte pour paiement anticipé.",
        )
        bulk.insert_rows(session, CompanySettings, [company_row])
        audit_rows = [gen.audit_row(start, OWNER[0], "company", company_id, profile.legal_name)]

        # The team: owner, assistant, one salesperson per region.
        team = [(OWNER, Profile.OWNER), (ASSISTANT, Profile.ASSISTANT)]
        team += [(s, Profile.SALESPERSON) for s in SALESPEOPLE]
        user_id = bulk.next_id(session, User)
        user_rows = []
        for offset, ((name, email), profile_kind) in enumerate(team):
            uid = user_id + offset
            user_rows.append(
                {
                    "id": uid,
                    "name": name,
                    "sort_name": fold(name),
                    "email": email,
                    "phone": USER_PHONES[offset],
                    "profile": profile_kind.value,
                    "active": True,
                    "created_at": start,
                    "updated_at": start,
                }
            )
            audit_rows.append(gen.audit_row(start, OWNER[0], "user", uid, name))
        bulk.insert_rows(session, User, user_rows)
        gen.owner = (user_id, OWNER[0])
        gen.assistant = (user_id + 1, ASSISTANT[0])
        gen.salespeople = [(user_id + 2 + i, s[0]) for i, s in enumerate(SALESPEOPLE)]

        segment_id = bulk.next_id(session, Segment)
        segment_rows = []
        for offset, (name, description) in enumerate(SEGMENTS):
            gen.segment_ids[name] = segment_id + offset
            segment_rows.append(
                {
                    "id": segment_id + offset,
                    "name": name,
                    "sort_name": fold(name),
                    "description": description,
                    "dunning_plan_id": None,
                    "created_at": start,
                    "updated_at": start,
                }
            )
        bulk.insert_rows(session, Segment, segment_rows)
        bulk.insert_rows(session, AuditEntry, audit_rows)

        # Customers, in batches so 50,000 of them fit in little memory.
        gen.next_customer_id = bulk.next_id(session, Customer)
        gen.next_visit_id = bulk.next_id(session, VisitReport)
        statuses = _allocate(gen.rng, customers, STATUS_SHARES)
        kinds = _allocate(gen.rng, customers, KIND_SHARES)
        totals = dict.fromkeys(("contacts", "ratings", "visits", "prospects", "belgian"), 0)
        for begin in range(0, customers, CHUNK):
            if stop():
                raise DemoCancelled()
            batch = _Batch()
            for status, kind in zip(
                statuses[begin : begin + CHUNK], kinds[begin : begin + CHUNK], strict=True
            ):
                if kind == "consumer" and status is CustomerStatus.INSOLVENCY:
                    status = CustomerStatus.BLOCKED  # no insolvency proceeding for a consumer
                gen.customer(status, kind, batch)
                totals["prospects"] += status is CustomerStatus.PROSPECT
                totals["belgian"] += kind == "be"
            bulk.insert_rows(session, Customer, batch.customers)
            totals["contacts"] += bulk.insert_rows(session, Contact, batch.contacts)
            totals["ratings"] += bulk.insert_rows(session, ExternalRating, batch.ratings)
            totals["visits"] += bulk.insert_rows(session, VisitReport, batch.visits)
            bulk.insert_rows(session, VisitObservation, batch.observations)
            bulk.insert_rows(session, AuditEntry, batch.audit)
            report(min(begin + CHUNK, customers) / max(customers, 1) * CUSTOMERS_SHARE)

        doubtful_total = 0 if customers == 0 else max(2, min(30, customers // 20))
        doubtful = bulk.insert_rows(session, DoubtfulCompany, list(gen.doubtful(doubtful_total)))

        # Two years of invoices, credit notes and payments of every non-prospect.
        ledger = _Ledger(
            seed,
            gen.today,
            gen.now,
            gen.accounts,
            bulk.next_id(session, Document),
            bulk.next_id(session, Payment),
        )
        ledger.run(
            session,
            stop,
            lambda fraction: report(CUSTOMERS_SHARE + (0.85 - CUSTOMERS_SHARE) * fraction),
        )
        if stop():
            raise DemoCancelled()
    dispute_credit_notes = 0
    # What the services do from here is signed by the demo's owner, not by whoever runs
    # the command: the journal of changes then reads as the company's own.
    previous = services.identity.user
    services.identity.sign_in(
        next((u for u in services.reference.users() if u.profile is Profile.OWNER), previous)
    )
    if customers:
        # The disputes of the last weeks first, so the reminders leave their disputed
        # parts out; see services.demo_disputes.
        from desktop.services.demo_disputes import play_disputes

        dispute_credit_notes = play_disputes(services, seed)
        # The reminders of the last weeks, played through the reminder services (their
        # own transactions, after the company exists); see services.demo_reminders.
        from desktop.services.demo_reminders import play_reminder_history

        play_reminder_history(
            services, seed, ASSISTANT[0], lambda fraction: report(0.85 + 0.15 * fraction)
        )
        # A few proposals at every stage; see services.demo_proposals.
        from desktop.services.demo_proposals import play_proposals

        play_proposals(services, seed)
        # Slow payers spreading what they owe; see services.demo_plans.
        from desktop.services.demo_plans import play_repayment_plans

        play_repayment_plans(services)
        # Solvency scores a fortnight apart over the replayed weeks, then today's: the
        # customer list shows scores and each customer page a short history (issue 7).
        for weeks_ago in (8, 6, 4, 2, 0):
            services.score.refresh(gen.today - timedelta(weeks=weeks_ago))
    services.identity.sign_in(previous)
    report(1.0)
    return DemoSummary(
        customers=customers,
        prospects=totals["prospects"],
        belgian=totals["belgian"],
        users=len(team),
        segments=len(SEGMENTS),
        contacts=totals["contacts"],
        ratings=totals["ratings"],
        visit_reports=totals["visits"],
        doubtful_companies=doubtful,
        invoices=ledger.invoices,
        credit_notes=ledger.credit_notes + dispute_credit_notes,
        payments=ledger.payments,
    )
