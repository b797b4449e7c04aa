#!/usr/bin/env python3
"""Derives src/main/resources/programmes/good-practice-sheets.json, the 30 good-practice sheets the
programmes library starts with, from the plain text of the SG-CIPD's document "Référencement des
bonnes pratiques" (Secrétariat général du Comité interministériel de prévention de la délinquance,
stratégie nationale de prévention de la délinquance 2013-2017), as a PDF-to-text extraction gives it.

Usage: derive.py SOURCE_TXT OUTPUT_JSON      (standard library only; see README.md next to this file)

What is parsed: the table of contents (titles, order, programme axis), then each "FICHE DE BONNE
PRATIQUE": its theme line, its "• <heading>" sections, its indicators and the block of local
reference actions. What is decided by hand lies in the explicit tables further down (facets, ages,
reference actions, text corrections), each entry checked against the text so that a different
source file fails loudly instead of producing a wrong resource.
"""
import json
import re
import sys
import unicodedata

SOURCE = {
    "title": "Référencement des bonnes pratiques",
    "publisher": "Secrétariat général du Comité interministériel de prévention de la délinquance (SG-CIPD)",
    "strategy": "Stratégie nationale de prévention de la délinquance 2013-2017",
}
AXES = {"1": "YOUTH", "2": "VIOLENCE_VICTIMS", "3": "PUBLIC_TRANQUILLITY"}
SECTION_KEYS = ["carrier", "need", "objectives", "public", "steering", "spotting", "followUp", "description",
                "schedule", "staff", "partners", "addedValue", "outlets", "costs", "funding", "evaluation",
                "expectedResults", "difficulties", "successFactors"]
PUBLICS = {"YOUNG_PEOPLE", "MINORS_UNDER_JUSTICE", "ADULTS_UNDER_JUSTICE", "PRISONERS", "WOMEN_VICTIMS", "VICTIMS",
           "CHILDREN", "PUPILS", "RESIDENTS", "TRANSPORT_USERS", "PROFESSIONALS", "GENERAL_PUBLIC"}
CARRIERS = {"ASSOCIATION", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT", "STATE_SERVICE", "JUSTICE",
            "POLICE_GENDARMERIE", "EDUCATION", "MISSION_LOCALE", "SOCIAL_LANDLORD", "TRANSPORT_OPERATOR", "OTHER"}
FUNDINGS = {"FIPD", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT", "REGION", "STATE", "CAF", "ARS", "EUROPE",
            "SOCIAL_LANDLORD", "TRANSPORT_OPERATOR", "PRIVATE", "OTHER"}

# ---------------------------------------------------------------------------------------------
# Section headings. The key is the heading as the sheets write it, lower case, straight
# apostrophes, trailing colon dropped. A heading that names one known section (in any of the
# document's wordings) fills that section; a heading that combines several, or names none, is kept
# under its own heading in extraSections ("EXTRA"). "INDICATORS" sections feed the indicator list;
# "EVALUATION+INDICATORS" fills "evaluation" and gives its list items as indicators.
# ---------------------------------------------------------------------------------------------
HEADINGS = {
    "nature du porteur de projet": "carrier",
    "nature du porteur du projet": "carrier",
    "nature de l'organisme chargé de réaliser le projet": "carrier",
    "besoin initial et contexte": "need",
    "contexte": "need",
    "objectifs précis de l'action": "objectives",
    "objectif précis de l'action": "objectives",
    "public bénéficiaire": "public",
    "pilotage de l'action": "steering",
    "pilotage du dispositif": "steering",
    "modalités de repérage du public": "spotting",
    "modalités de suivi du public": "followUp",
    "modalité de suivi du public": "followUp",
    "modalités de suivi": "followUp",
    "descriptif détaillé de l'action": "description",
    "descriptif détaillé des actions": "description",
    "lieu et calendrier de déroulement": "schedule",
    "calendrier de déroulement": "schedule",
    "calendrier de l'action": "schedule",
    "moyens humains mobilisés": "staff",
    "moyens humains": "staff",
    "moyens humains mobilisés par la collectivité": "staff",
    "partenaires impliqués": "partners",
    "partenaires associés": "partners",
    "autres partenaires impliqués": "partners",
    "valeur ajoutée de l'action": "addedValue",
    "valeur ajoutée": "addedValue",
    "valeur ajoutée de l'action (activité radiophonique)": "addedValue",
    "débouchés": "outlets",
    "coût": "costs",
    "sources de financement": "funding",
    "méthode d'évaluation": "evaluation",
    "méthode d'évaluation et indicateurs": "EVALUATION+INDICATORS",
    "méthode d'évaluation / indicateurs": "EVALUATION+INDICATORS",
    "méthode d'évaluation ; indicateurs": "EVALUATION+INDICATORS",
    "indicateurs": "INDICATORS",
    "indicateurs d'évaluation": "INDICATORS",
    "résultats attendus": "expectedResults",
    "effets attendus": "expectedResults",
    "éventuelles difficultés rencontrées": "difficulties",
    "éléments de réussite": "successFactors",
    "outils": "successFactors",
    # combined or unmatched headings: kept as they are
    "pilotage de l'action et partenaires impliqués": "EXTRA",
    "pilotage de l'action, partenaires impliqués, moyens humains mobilisés": "EXTRA",
    "pilotage et descriptif détaillé de l'action": "EXTRA",
    "public bénéficiaire et modalités de repérage": "EXTRA",
    "modalités de repérage et de suivi du public": "EXTRA",
    "modalités de repérage du public et de suivi du public": "EXTRA",
    "modalités de mise en œuvre": "EXTRA",
    "moyens matériels": "EXTRA",
    "modalités d'accompagnement des jeunes placés sous main de justice": "EXTRA",
    "calendrier de déroulement et contenu": "EXTRA",
    "résultats attendus, valeur ajoutée de l'action": "EXTRA",
    "modalités de repérage du lieu d'implantation": "EXTRA",
    # Hand decision: "Objectifs et valeur ajoutée de l'action" (sheet 24) combines two sections, but its
    # one sentence states the objective and the library refuses a sheet without objectives.
    "objectifs et valeur ajoutée de l'action": "objectives",
}
# "• Lieu :" and "• Temporalité :" open sub-parts of a "Lieu et calendrier de déroulement" section
# (sheet 16): kept as labels inside that section, not taken for headings.
SUB_LABELS = {"lieu", "temporalité"}
# A heading written without a bullet inside another section (sheet 23: the reference texts are listed
# at the end of the funding section): number -> {line as written: heading kept in extraSections}.
INLINE_HEADINGS = {23: {"-Textes de références :": "Textes de référence"}}
# A qualifier dropped with a heading is kept as the first line of the section it fills.
HEADING_LABELS = {"valeur ajoutée de l'action (activité radiophonique)": "Activité radiophonique :"}

# Words the PDF extraction split with a space (found by looking for adjacent fragments whose
# concatenation is a word of the document, then checked one by one).
BROKEN_WORDS = {
    "exposé s": "exposés", "de s violences": "des violences", "victim es": "victimes", "victime s": "victimes",
    "fo rmation": "formation", "soc iale": "sociale", "p artager": "partager", "ave c": "avec",
    "l’ind ividualisation": "l’individualisation", "adm inistration": "administration", "m ain": "main",
    "p révention": "prévention", "préventio n": "prévention", "publ ic": "public", "envir onnement": "environnement",
    "SDFE/D PS": "SDFE/DPS",
}

BULLET = re.compile(r"^(?:[-•\u2212\u2192\ufffd]|o(?=\s)|\.(?=\s))\s*")
NUMBERED = re.compile(r"^(?:\d{1,2}(?:°|-|\)|\.)|[a-h]\))\s+")
PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")
FOOTNOTE_RULE = re.compile(r"^ {20,}$")  # the rule above a page's footnotes
TERMINAL = (".", ":", ";", "!", "?", "…", "»")
SHORT_LINE = 76  # a line shorter than this that is followed by a capital ends on purpose
LOWER_START = re.compile(r"^[a-zà-ÿœ0-9(«]")
# A line that ends on a comma, an opening bracket, a dash or a little word goes on on the next one.
OPEN_END = re.compile(r"(?:[,(/–-]|\b(?:de|du|des|la|le|les|l[’']|d[’']|à|au|aux|et|ou|en|par|pour|sur))\s*$")
OPEN_WORD = re.compile(r"\b(?:de|du|des|la|le|les|l[’']|d[’']|à|au|aux|et|ou|en|par|pour|sur)\s*$")


def fix_words(text):
    for broken, whole in BROKEN_WORDS.items():
        text = text.replace(broken, whole)
    return text


def tidy(text):
    text = text.replace("'", "’")
    text = fix_words(text)
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" ([,.])(?=\s|$)", r"\1", text)
    return text.strip()


def heading_key(text):
    text = fix_words(text.replace("’", "'"))
    text = re.sub(r"\s+", " ", text).strip().rstrip(":").strip().lower()
    return text


def slug(title, limit=72):
    plain = title.replace("œ", "oe").replace("Œ", "Oe").replace("æ", "ae").replace("’", " ").replace("'", " ")
    plain = unicodedata.normalize("NFKD", plain).encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", plain)
    out = []
    for word in words:  # the code column holds 80 characters: a long title is cut after a word
        if len("-".join(out + [word])) > limit:
            break
        out.append(word)
    while out and out[-1] in {"a", "au", "aux", "d", "dans", "de", "des", "du", "en", "et", "l", "la", "le", "les",
                              "lors", "mise", "ou", "par", "pour", "sous", "sur", "un", "une"}:  # no hanging word
        out.pop()
    return "-".join(out)


# ---------------------------------------------------------------------------------------------
# Table of contents
# ---------------------------------------------------------------------------------------------
def read_contents(lines):
    start = next(i for i, l in enumerate(lines) if "Liste des fiches de bonnes pratiques" in l)
    end = next(i for i, l in enumerate(lines) if i > start and l.strip().startswith("FICHE DE BONNE PRATIQUE"))
    entries, axis, pending = [], None, None
    for line in lines[start:end]:
        text = line.strip()
        programme = re.match(r"([123])\)\s*Programme", text)
        if programme:
            axis = AXES[programme.group(1)]
            continue
        if text.startswith("•"):
            pending = text[1:].strip()
        elif pending is not None and text:
            pending += " " + text
        if pending is not None and re.search(r"\.{2,}\s*\d+$", pending):
            title = re.sub(r"\s*\.{2,}\s*\d+$", "", pending)
            entries.append((tidy(title), axis))
            pending = None
    return entries


# ---------------------------------------------------------------------------------------------
# One sheet
# ---------------------------------------------------------------------------------------------
def is_heading(line, number):
    text = line.strip()
    inline = INLINE_HEADINGS.get(number, {})
    if text in inline:
        return inline[text], "EXTRA"
    if not text.startswith("•"):
        return None
    key = heading_key(text[1:])
    if key in HEADINGS:
        return tidy(text[1:].strip().rstrip(":").strip()), HEADINGS[key]
    return None


def split_footnotes(lines):
    """Takes out the footnotes at the foot of a page: {number: text}, and the lines without them."""
    kept, notes, i = [], {}, 0
    while i < len(lines):
        if FOOTNOTE_RULE.match(lines[i]):
            i += 1
            current = None
            while i < len(lines) and not re.match(r"^ \S", lines[i]):
                text = lines[i].strip()
                start = re.match(r"^(\d+) (\S.*)$", text)
                if start:
                    current = int(start.group(1))
                    notes[current] = start.group(2)
                elif text and current is not None:
                    notes[current] += " " + text
                i += 1
            continue
        kept.append(lines[i])
        i += 1
    return kept, {n: tidy(t) for n, t in notes.items()}


def blocks_of(lines):
    """Groups the lines of a section into blocks: paragraphs, list items, numbered items, lines."""
    blocks, blank, previous_raw = [], False, ""
    for raw in lines:
        if not raw.strip() or PAGE_NUMBER.match(raw):
            blank = True
            continue
        if re.match(r"^ \S", raw):
            blank = True  # the first line of a page: a new paragraph unless the sentence runs on
        text = raw.strip()
        sub_label = text.startswith("•") and heading_key(text[1:]) in SUB_LABELS
        current = blocks[-1] if blocks else None
        if sub_label:
            blocks.append({"kind": "para", "lines": [text[1:].strip()]})
        elif BULLET.match(text):
            blocks.append({"kind": "item", "lines": [BULLET.sub("", text, count=1)]})
        elif NUMBERED.match(text):
            blocks.append({"kind": "num", "lines": [text]})
        elif current is None:
            blocks.append({"kind": "para", "lines": [text]})
        elif blank:
            joined = " ".join(current["lines"]).rstrip()
            if not joined.endswith(TERMINAL) and (LOWER_START.match(text) or OPEN_WORD.search(joined)):
                current["lines"].append(text)
            else:
                blocks.append({"kind": "para", "lines": [text]})
        else:
            prev = previous_raw.strip()
            if len(prev) < SHORT_LINE and text[:1].isupper() and not OPEN_END.search(prev):
                blocks.append({"kind": "line", "lines": [text]})
            else:
                current["lines"].append(text)
        blank = False
        previous_raw = raw
    for block in blocks:
        joined = ""
        for line in block["lines"]:
            if joined.endswith("-") and not joined.endswith(" -"):
                joined += line  # words cut at an existing hyphen: co-/animateurs, au-/delà
            else:
                joined += (" " if joined else "") + line
        block["text"] = tidy(joined)
    return [b for b in blocks if b["text"]]


def render(blocks):
    out = ""
    for i, block in enumerate(blocks):
        text = ("- " + block["text"]) if block["kind"] == "item" else block["text"]
        if i:
            listed = {"item", "num"}
            same_list = block["kind"] in listed and blocks[i - 1]["kind"] in listed
            sub_part = block["kind"] == "num" and block["text"].endswith(":")  # "2- Activité radiophonique :"
            out += "\n" if (same_list and not sub_part) or block["kind"] == "line" else "\n\n"
        out += text
    return out or None


def split_entries(text):
    """An indicator paragraph split at its commas and semicolons (not inside parentheses)."""
    parts, depth, current = [], 0, ""
    for ch in text:
        depth += ch == "("
        depth -= ch == ")"
        if ch in ",;" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def indicators_of(blocks, lists_only):
    items = [b for b in blocks if b["kind"] in ("item", "num")]
    if items or lists_only:
        raw = [b["text"] for b in items]
    else:
        raw = []
        for block in blocks:
            text = re.sub(r"^Indicateurs (?:quantitatifs|qualitatifs)\s*:\s*", "", block["text"])
            raw.extend(split_entries(text))
    out = []
    for entry in raw:
        entry = entry.strip().rstrip(".;,").strip()
        if entry:
            out.append(entry[0].upper() + entry[1:])
    return out


def parse_sheet(number, lines):
    first = next(i for i, l in enumerate(lines) if is_heading(l, number))
    header = [l.strip() for l in lines[1:first] if l.strip()]
    # The theme is the line right under the programme line (whose second half, on programme 2, starts
    # in lower case); a title in capitals there means no theme, and so does sheet 30's second
    # programme line ("Programme d'actions pour l'amélioration de la tranquillité publique").
    theme = None
    for text in header[1:]:
        if text[:1].islower():
            continue
        if not (text.isupper() or text.startswith(("«", "Programme"))):
            theme = tidy(text)
        break
    if header and not header[0].startswith("Programme"):
        raise SystemExit(f"sheet {number}: no programme line")
    ref_at = next((i for i, l in enumerate(lines) if re.match(r"^\s*Action\(s\) locale\(s\) de référence", l)),
                  len(lines))
    body, references = lines[first:ref_at], lines[ref_at:]
    annex = next((i for i, l in enumerate(references) if l.strip().startswith("ANNEXE")), len(references))
    references = references[:annex]  # sheet 16's blank liaison form is left out
    body, notes = split_footnotes(body)

    parts, current = [], None
    for line in body:
        found = is_heading(line, number)
        if found:
            current = {"heading": found[0], "key": found[1], "raw": heading_key(line.strip().lstrip("•")), "lines": []}
            parts.append(current)
        else:
            current["lines"].append(line)

    sections = {key: None for key in SECTION_KEYS}
    extra, indicators = [], []
    for part in parts:
        blocks = blocks_of(part["lines"])
        label = HEADING_LABELS.get(part["raw"])
        if label:
            blocks.insert(0, {"kind": "para", "text": label, "lines": [label]})
        key = part["key"]
        if key == "INDICATORS":
            indicators += indicators_of(blocks, lists_only=False)
            continue
        if key == "EVALUATION+INDICATORS":
            indicators += indicators_of(blocks, lists_only=True)
            key = "evaluation"
        text = render(blocks)
        if key == "EXTRA" or sections.get(key) is not None:
            extra.append({"heading": part["heading"], "text": text})
        else:
            sections[key] = text

    for n, note in notes.items():  # a footnote goes after the paragraph of the section that calls it
        marker = re.compile(rf"(?<=[a-zé)]){n}(?=[\s.,;]|$)")
        places = [k for k, v in sections.items() if v and marker.search(v)]
        places += [i for i, e in enumerate(extra) if e["text"] and marker.search(e["text"])]
        if len(places) != 1:
            raise SystemExit(f"sheet {number}: footnote {n} called {len(places)} times")
        place = places[0]
        if isinstance(place, str):
            sections[place] = marker.sub("", sections[place], count=1) + "\n\nNote : " + note
        else:
            extra[place]["text"] = marker.sub("", extra[place]["text"], count=1) + "\n\nNote : " + note
    return theme, sections, extra, indicators, "\n".join(references)


# =============================================================================================
# Hand-decided values (sheet number -> value). Read the README for how each was decided.
# =============================================================================================

# Publics, from the "Public bénéficiaire" section (and its combined forms).
PUBLICS_BY_SHEET = {
    1: ["YOUNG_PEOPLE"],
    2: ["YOUNG_PEOPLE"],
    3: ["YOUNG_PEOPLE"],
    4: ["YOUNG_PEOPLE"],
    5: ["YOUNG_PEOPLE"],
    6: ["YOUNG_PEOPLE"],
    7: ["PUPILS", "YOUNG_PEOPLE"],                         # minors excluded from school, at risk meanwhile
    8: ["PUPILS", "YOUNG_PEOPLE"],                         # pupils dropping out (décrocheurs)
    9: ["YOUNG_PEOPLE", "MINORS_UNDER_JUSTICE", "ADULTS_UNDER_JUSTICE"],  # 16-25, sous main de justice
    10: ["ADULTS_UNDER_JUSTICE", "MINORS_UNDER_JUSTICE"],  # TIG / TNR, majeurs et mineurs
    11: ["PUPILS", "YOUNG_PEOPLE", "MINORS_UNDER_JUSTICE"],  # collégiens, adolescents, primo-délinquants
    12: ["ADULTS_UNDER_JUSTICE", "PRISONERS"],             # condamnés, milieu ouvert ou fermé
    13: ["MINORS_UNDER_JUSTICE"],
    14: ["MINORS_UNDER_JUSTICE", "PRISONERS"],             # mineurs détenus
    15: ["ADULTS_UNDER_JUSTICE", "MINORS_UNDER_JUSTICE"],
    16: ["MINORS_UNDER_JUSTICE", "ADULTS_UNDER_JUSTICE", "PRISONERS"],  # PJJ, SPIP, jeunes incarcérés
    17: ["VICTIMS"],                                       # victimes (and persons mis en cause: no code)
    18: ["WOMEN_VICTIMS", "CHILDREN"],                     # women victims and their children
    19: ["WOMEN_VICTIMS"],
    20: ["WOMEN_VICTIMS", "CHILDREN"],
    21: ["PRISONERS"],
    22: ["RESIDENTS"],                                     # usagers des espaces publics, habitants
    23: ["RESIDENTS"],                                     # habitantes
    24: ["TRANSPORT_USERS"],
    25: ["RESIDENTS", "GENERAL_PUBLIC"],                   # tout public entrant dans le champ de l'enquête
    26: ["RESIDENTS"],
    27: ["RESIDENTS"],
    28: ["GENERAL_PUBLIC"],                                # public of the festive event
    29: ["RESIDENTS"],
    30: ["TRANSPORT_USERS"],
}

# Ages (min, max), inclusive, from the public section: explicit figures ("16 à 25 ans"), "de moins de
# 16 ans" read as at most 15, "majeurs" as at least 18, "mineurs" as at most 17, when the whole
# public is so qualified. None where the public section names no age. The phrase is checked.
AGES = {
    1: (16, 25, "16 à 25 ans"),
    2: (16, 18, "16 à 18 ans"),
    3: (18, None, "jeunes majeurs sans domicile"),
    4: (18, 25, "18 à 25 ans"),
    5: (18, 25, "18 à 25 ans"),
    6: (12, 25, "12 à 25 ans"),
    7: (None, 15, "mineurs de moins de 16 ans"),
    9: (16, 25, "16 à 25 ans"),
    12: (18, 25, "18 à 25 ans"),
    13: (10, 18, "10 à 18 ans"),
    14: (None, 17, "Mineurs (filles et garçons)"),
    16: (16, 25, "(16-21 ans)"),  # PJJ 16-21 and SPIP 18-25 together
}

# Carrier types, from "Nature du porteur de projet". An unqualified "collectivité territoriale" is
# read as COMMUNE; a company, a public-interest group or an employers' group as OTHER.
CARRIERS_BY_SHEET = {
    1: ["ASSOCIATION", "COMMUNE", "INTERCOMMUNALITY", "SOCIAL_LANDLORD"],
    2: ["COMMUNE", "INTERCOMMUNALITY"],
    3: ["MISSION_LOCALE", "ASSOCIATION"],
    4: ["ASSOCIATION", "MISSION_LOCALE"],
    5: ["ASSOCIATION", "OTHER"],                           # association, entreprise
    6: ["COMMUNE", "ASSOCIATION"],
    7: ["DEPARTEMENT", "COMMUNE"],
    8: ["EDUCATION"],                                      # établissement public local d'enseignement
    9: ["COMMUNE", "INTERCOMMUNALITY"],
    10: ["INTERCOMMUNALITY", "COMMUNE", "DEPARTEMENT", "ASSOCIATION", "JUSTICE", "OTHER"],  # OTHER: conseil régional
    11: ["ASSOCIATION", "EDUCATION", "COMMUNE", "DEPARTEMENT", "INTERCOMMUNALITY"],  # "ville, conseil général", EPCI
    12: ["ASSOCIATION"],
    13: ["ASSOCIATION", "COMMUNE", "DEPARTEMENT", "INTERCOMMUNALITY"],
    14: ["ASSOCIATION"],
    15: ["ASSOCIATION"],                                   # association d'insertion par l'activité économique
    16: ["MISSION_LOCALE", "JUSTICE"],                     # missions locales, SPIP, PJJ
    17: ["DEPARTEMENT", "COMMUNE", "INTERCOMMUNALITY", "ASSOCIATION"],
    18: ["ASSOCIATION"],
    19: ["ASSOCIATION"],
    20: ["DEPARTEMENT", "COMMUNE", "INTERCOMMUNALITY", "ASSOCIATION"],
    21: ["JUSTICE"],                                       # CDAD, établissements pénitentiaires, SPIP
    22: ["COMMUNE"],
    23: ["COMMUNE", "SOCIAL_LANDLORD", "ASSOCIATION", "TRANSPORT_OPERATOR"],
    24: ["TRANSPORT_OPERATOR", "COMMUNE"],                 # société de transport ou collectivité territoriale
    25: ["POLICE_GENDARMERIE"],                            # DDSP, commissariats (survey bodies: extraSections)
    26: ["COMMUNE", "INTERCOMMUNALITY"],
    27: ["COMMUNE", "SOCIAL_LANDLORD", "EDUCATION"],       # communes, bailleurs, établissements scolaires
    28: ["COMMUNE", "INTERCOMMUNALITY"],
    29: ["COMMUNE", "ASSOCIATION", "SOCIAL_LANDLORD", "TRANSPORT_OPERATOR", "OTHER"],
    30: ["ASSOCIATION", "TRANSPORT_OPERATOR", "COMMUNE"],
}

# Funding sources, from "Sources de financement": ministries, programmes 101/107/147/182, the
# politique de la ville, the ACSé, the DETR, contrats aidés and the State's own means as STATE;
# conseil général as DEPARTEMENT, conseil régional as REGION, EPCI and communautés as
# INTERCOMMUNALITY, an unqualified "collectivités (territoriales/locales)" as COMMUNE; companies and
# foundations as PRIVATE; FSE / fonds européens as EUROPE; anything else named as OTHER.
FUNDINGS_BY_SHEET = {
    1: ["FIPD", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT", "REGION", "SOCIAL_LANDLORD"],
    2: ["FIPD", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT", "REGION"],
    3: ["COMMUNE", "DEPARTEMENT", "FIPD", "PRIVATE", "OTHER"],  # working hours offered by public/private actors
    4: ["FIPD", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT", "REGION"],
    5: ["REGION", "DEPARTEMENT", "STATE", "PRIVATE", "COMMUNE", "INTERCOMMUNALITY"],  # ACSé, Société Générale, EPCI
    6: ["STATE", "FIPD", "COMMUNE"],                       # emploi aidé, collectivités territoriales
    7: [],                                                 # no funding section
    8: [],                                                 # no funding section
    9: ["FIPD", "STATE", "COMMUNE"],                       # justice programmes 107/182, droit commun
    10: ["FIPD"],
    11: ["STATE", "OTHER", "FIPD", "COMMUNE", "INTERCOMMUNALITY", "DEPARTEMENT"],  # programme 182, CDAD
    12: ["STATE", "FIPD", "COMMUNE"],
    13: ["STATE", "FIPD", "COMMUNE", "DEPARTEMENT", "INTERCOMMUNALITY"],
    14: ["OTHER", "FIPD"],                                # associations
    15: ["FIPD", "STATE", "SOCIAL_LANDLORD", "COMMUNE"],  # DRPJJ, DSPIP
    16: ["STATE", "FIPD", "REGION", "INTERCOMMUNALITY", "EUROPE"],
    17: ["FIPD", "DEPARTEMENT", "COMMUNE", "INTERCOMMUNALITY", "STATE"],  # the ministry provides office, logistics
    18: ["STATE", "FIPD", "COMMUNE"],
    19: ["STATE", "FIPD", "COMMUNE"],
    20: ["DEPARTEMENT", "REGION", "CAF", "PRIVATE", "STATE"],  # fondation pour l'enfance, cour d'appel
    21: ["FIPD", "STATE", "OTHER", "EUROPE"],             # members of the CDAD, FSE
    22: ["FIPD", "STATE", "COMMUNE", "INTERCOMMUNALITY", "SOCIAL_LANDLORD", "TRANSPORT_OPERATOR"],
    23: ["COMMUNE", "FIPD", "STATE"],                      # programme 147
    24: ["FIPD", "TRANSPORT_OPERATOR", "COMMUNE"],
    25: ["FIPD", "COMMUNE", "STATE"],                      # police nationale's staff, State funds
    26: ["COMMUNE", "FIPD"],
    27: ["COMMUNE", "FIPD", "STATE"],                      # DETR
    28: ["COMMUNE", "FIPD"],
    29: ["COMMUNE", "DEPARTEMENT", "FIPD", "STATE", "SOCIAL_LANDLORD", "TRANSPORT_OPERATOR"],  # adultes-relais
    30: ["TRANSPORT_OPERATOR", "STATE", "EUROPE", "REGION", "INTERCOMMUNALITY"],  # contrats aidés, FSE, AOT
}

# Indicators where the text lists them inside a sentence rather than as items: number -> (list, the
# sentence they come from, which must be in the sheet).
INDICATOR_OVERRIDES = {
    27: (["Évolution des actes délictueux", "Modification du type de délinquance", "Nombre et types de plaintes"],
         "évolution des actes délictueux, modification du type de délinquance, nombre et types de plaintes"),
}

# Local reference actions, written from the "Action(s) locale(s) de référence" block by hand: the
# names of persons, telephone and fax numbers, e-mail and street addresses are left out on purpose.
# Where the block names no action (only an organisation), the name is the practice the sheet
# describes. Each entry gives a word of the block that must be there ("check").
REFERENCE_ACTIONS = {
    1: [("Chantier éducatif rupture aventure", "Association Intermédiaire Présence 30 AIDAR", "Nîmes", "AIDAR")],
    2: [("Passeport citoyen", "Ville des Mureaux – Maison de la justice et du droit", "Les Mureaux", "MUREAUX")],
    3: [("Jobs à la journée", "Mission locale de l’agglomération nazairienne", "Saint-Nazaire", "nazairienne"),
        ("TAPAJ (Travail alternatif payé à la journée)", "CEID (Comité d’étude et d’information sur la drogue)",
         None, "TAPAJ"),
        ("Ne me donne pas, je bosse", "Mission locale jeunes Alès – Pays Cévennes", "Alès", "Alès")],
    4: [("Le permis pour se mobiliser", "Association Auto-école Sauvegarde du Val d’Oise – service de prévention "
         "spécialisée", "Val-d’Oise", "Sauvegarde du Val")],
    5: [("Permis, sport, emploi", "GDF-SUEZ – Association FACE (Fondation Agir contre l’exclusion)", None, "FACE")],
    6: [("Référent de parcours", "Ville d’Orléans – Pôle prévention réussite éducative", "Orléans", "ORLÉANS")],
    7: [("Protocole interinstitutionnel relatif aux mineurs exclus définitivement d’un établissement scolaire "
         "(PIMEDES)", "Parquet du tribunal de grande instance de Paris – section des mineurs", "Paris",
         "section des mineurs")],
    8: [("La Parenthèse", "Collège Jean Renoir (académie d’Orléans-Tours)", "Bourges", "JEAN RENOIR")],
    9: [("Action insertion professionnelle", "Ville du Havre – Direction de la cohésion sociale", "Le Havre",
         "HAVRE")],
    10: [("Création de postes de TIG et de TNR", "Parquet du tribunal de grande instance de Reims", "Reims",
          "REIMS"),
         ("Création de postes de TIG et de TNR", "Direction territoriale de la PJJ de Guadeloupe", "Les Abymes",
          "GUADELOUPE"),
         ("Création de postes de TIG et de TNR", "Direction territoriale de la PJJ Pyrénées-Orientales / Aude",
          "Perpignan", "PERPIGNAN")],
    11: [("Exposition « 13-18, Questions de justice »", "Direction territoriale de la PJJ de Guyane – STEMO de "
          "Cayenne, avec le collège Constant Chlore", "Cayenne et Saint-Georges (Guyane)", "GUYANE"),
         ("Exposition « 13-18, Questions de justice »", "Direction territoriale de la PJJ du Limousin – STEMO du "
          "Limousin, UEMO de Brive-la-Gaillarde", "Brive-la-Gaillarde (Corrèze)", "LIMOUSIN"),
         ("Exposition « 13-18, Questions de justice »", "Direction territoriale de la PJJ Alpes – Vaucluse – STEMO "
          "de Digne-les-Bains, UEMO de Gap", "Digne-les-Bains et Gap", "DIGNE")],
    12: [("Stages de mobilisation citoyenne", "SPIP de Seine-et-Marne (SPIP 77)", "Seine-et-Marne", "SPIP 77"),
         ("Modules citoyenneté", "SPIP de Paris (SPIP 75)", "Paris", "SPIP 75")],
    13: [("Stage de formation civique / stage de citoyenneté", "Association Foot citoyen", None, "foot citoyen"),
         ("Stage de formation civique / stage de citoyenneté", "Direction territoriale de la PJJ de l’Hérault – "
          "STEMO de Montpellier, UEMO de Sète", "Sète", "SÈTE"),
         ("Stage de formation civique / stage de citoyenneté", "Direction territoriale de la PJJ Yonne Nièvre – "
          "STEMO de l’Yonne, UEMO de Sens", "Sens", "Sens")],
    14: [("Activité théâtrale : initiation aux métiers du monde de l’art", "Association Théâtre de Pierres, avec la "
          "direction territoriale de la PJJ de l’Hérault et le STEMO de Béziers", "Fouzilhon et Béziers (Hérault)",
          "THÉÂTRE DE PIERRES"),
         ("Activité radiophonique : Z’onde interdite", "Radio Clapas, avec la direction territoriale de la PJJ de "
          "l’Hérault et le STEMO de Montpellier", "Montpellier", "Radio Clapas")],
    15: [("Dispositif permanent anti-graffitis", "Association ALEAS", "Limoges", "ALEAS")],
    16: [("Conseiller justice départemental", "Mission locale de Bièvre Val de Marne", "Fresnes", "Bièvre")],
    17: [("Intervenant social en police et en gendarmerie", "ANISCG", "Mantes-la-Jolie", "ANISCG")],
    18: [("Référent pour les femmes victimes de violences au sein du couple", "Association Paroles de femmes 91",
          "Massy", "PAROLES DE FEMMES"),
         ("Référent pour les femmes victimes de violences au sein du couple", "Centre d’information aux droits des "
          "femmes et des familles du Calvados", "Lisieux", "CALVADOS")],
    19: [("Téléphone grave danger", "Association SOS Victimes 93", "Seine-Saint-Denis", "SOS VICTIMES 93"),
         ("Téléphone grave danger", "Observatoire des violences envers les femmes, conseil général de la "
          "Seine-Saint-Denis", "Seine-Saint-Denis", "Observatoire des violences")],
    20: [("Mesure d’accompagnement protégé des enfants (MAP)", "Observatoire départemental des violences envers les "
          "femmes de la Seine-Saint-Denis (conseil général)", "Seine-Saint-Denis", "OBSERVATOIRE DÉPARTEMENTAL"),
         ("Mesure d’accompagnement protégé des enfants (MAP)", "Association départementale la Sauvegarde de "
          "l’enfant, de l’adolescent et de l’adulte de la Seine-Saint-Denis", "Seine-Saint-Denis", "SAUVEGARDE")],
    21: [("PAD du centre pénitentiaire de Marseille (Les Baumettes)", "CDAD des Bouches-du-Rhône", "Marseille",
          "Baumettes")],
    22: [("Protocole d’interventions publiques", "Ville d’Aubervilliers – Direction prévention et sécurité",
          "Aubervilliers", "AUBERVILLIERS")],
    23: [("Marches exploratoires des femmes", "Association Les Drouaises", "Dreux", "DROUAISES"),
         ("Marches exploratoires des femmes", "Mairie de Gennevilliers – Direction de la citoyenneté et de la "
          "cohésion sociale", "Gennevilliers", "Gennevilliers")],
    24: [("« La 402 au féminin »", "TICE (Transports du Centre Essonne) et préfecture de l’Essonne", "Essonne",
          "402 AU FÉMININ")],
    25: [("Expertise sur le sentiment d’insécurité", "DDSP de la Haute-Garonne (DDSP 31), délégués à la cohésion "
          "police-population, avec l’organisme public indépendant « Ressources et Territoires »", "Haute-Garonne",
          "DDSP31")],
    26: [("Office de la tranquillité (Allo Toulouse)", "Ville de Toulouse", "Toulouse", "TOULOUSE")],
    27: [("Dispositif de vidéoprotection de la communauté d’agglomération de la Vallée de Montmorency",
          "CAVAM (Communauté d’agglomération de la Vallée de Montmorency)", "Vallée de Montmorency",
          "CAVAM")],
    28: [("Les Jeudis du Port", "Ville de Brest", "Brest", "JEUDIS DU PORT")],
    29: [("Médiateurs de quartier", "Ville de Nantes", "Nantes", "MÉDIATEURS DE QUARTIER")],
    30: [("Médiation sociale dans les transports en commun", "CITEO", "Lille", "CITEO"),
         ("Médiation sociale dans les transports en commun", "MEDIALYS", "Lyon", "MEDIALYS")],
}

# Text corrections made during the hand review, applied after parsing: number -> [(section key or
# extra heading, text as parsed, text as corrected)]. Each must match exactly once.
TEXT_FIXES = {
    3: [("difficulties", "Pérennité de la mobilisation des différents partenaires locaux\nPrécarité du mode de "
         "financement", "- Pérennité de la mobilisation des différents partenaires locaux\n- Précarité du mode de "
         "financement")],
    10: [("expectedResults", "La réinsertion sociale et professionnelle du public sous main de justice\n"
          "L’augmentation des postes de TIG/TNR", "- La réinsertion sociale et professionnelle du public sous main "
          "de justice\n- L’augmentation des postes de TIG/TNR")],
    23: [("need", "hors Zus source : Enquête « Cadre de vie et sécurité » janvier 2012, Insee ; dans « La situation "
          "des femmes en Zus », rapport 2012 de l’ONZUS.", "hors Zus (source : enquête « Cadre de vie et sécurité » "
          "janvier 2012, Insee ; dans « La situation des femmes en Zus », rapport 2012 de l’ONZUS).")],
    30: [("evaluation", "(*) Cohésion sociale\n\nInnovation et apprentissage\n\nTranquillité publique contribution "
          "Économique\n\nReconnaissance", "(*) CITER : Cohésion sociale, Innovation et apprentissage, Tranquillité "
          "publique, contribution Économique, Reconnaissance.")],
}


def check_facets(number, values, vocabulary, name):
    for code in values:
        if code not in vocabulary:
            raise SystemExit(f"sheet {number}: {name} code {code} is not in the vocabulary")
    if len(set(values)) != len(values):
        raise SystemExit(f"sheet {number}: {name} repeated")


def fold(text):
    plain = unicodedata.normalize("NFKD", text.replace("’", "'")).encode("ascii", "ignore").decode()
    return re.sub(r"\s+", " ", plain).lower()


def main(source, output):
    lines = open(source, encoding="utf-8").read().split("\n")
    contents = read_contents(lines)
    if len(contents) != 30:
        raise SystemExit(f"the table of contents lists {len(contents)} sheets, not 30")
    starts = [i for i, l in enumerate(lines) if l.strip().startswith("FICHE DE BONNE PRATIQUE")]
    if len(starts) != 30:
        raise SystemExit(f"{len(starts)} sheets found, not 30")
    ends = starts[1:] + [next(i for i, l in enumerate(lines) if i > starts[-1]
                              and l.strip().startswith("SECRÉTARIAT GÉNÉRAL"))]
    sheets, codes = [], set()
    for number, ((title, axis), start, end) in enumerate(zip(contents, starts, ends), 1):
        theme, sections, extra, indicators, references = parse_sheet(number, lines[start:end])
        for key, before, after in TEXT_FIXES.get(number, []):
            target = sections if key in sections else next(e for e in extra if e["heading"] == key)
            field = key if key in sections else "text"
            if target[field].count(before) != 1:
                raise SystemExit(f"sheet {number}: the fix of {key} does not match once")
            target[field] = target[field].replace(before, after)
        if number in INDICATOR_OVERRIDES:
            values, evidence = INDICATOR_OVERRIDES[number]
            if evidence not in json.dumps(sections, ensure_ascii=False):
                raise SystemExit(f"sheet {number}: indicator override does not match the text")
            indicators = values
        age_min, age_max, phrase = AGES.get(number, (None, None, None))
        if phrase and phrase not in (sections["public"] or ""):
            raise SystemExit(f"sheet {number}: age phrase {phrase!r} not in the public section")
        publics, carriers, fundings = PUBLICS_BY_SHEET[number], CARRIERS_BY_SHEET[number], FUNDINGS_BY_SHEET[number]
        check_facets(number, publics, PUBLICS, "public")
        check_facets(number, carriers, CARRIERS, "carrier")
        check_facets(number, fundings, FUNDINGS, "funding")
        if not publics or not carriers:
            raise SystemExit(f"sheet {number}: a public and a carrier are required")
        actions = []
        for name, carrier, place, check in REFERENCE_ACTIONS[number]:
            if fold(check) not in fold(references):
                raise SystemExit(f"sheet {number}: reference action {name!r} not found ({check!r})")
            actions.append({"name": name, "carrier": carrier, "place": place})
        code = slug(title)
        if code in codes:
            raise SystemExit(f"sheet {number}: code {code} already used")
        codes.add(code)
        sheets.append({
            "code": code, "number": number, "title": title, "axis": axis, "theme": theme,
            "publics": publics, "ageMin": age_min, "ageMax": age_max, "carriers": carriers, "fundings": fundings,
            "sections": sections, "extraSections": extra, "indicators": indicators, "referenceActions": actions,
        })
    with open(output, "w", encoding="utf-8") as out:
        json.dump({"source": SOURCE, "sheets": sheets}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    print(f"{len(sheets)} sheets written to {output}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
