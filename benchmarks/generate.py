"""A deterministic synthetic news corpus for benchmarks: N articles from a seed.

Every article reports one diplomatic or commemorative event in the register of
the real corpus (an embassy holds an event, an ambassador speaks, a film is
screened, a campaign is cited, guests from organizations attend), padded with
background paragraphs to a length between 150 and 1,200 words. People, films,
campaigns, organizations and past events are invented from syllables, so no
article names anyone real; countries and their capitals are real, as the
extractor's gazetteer expects.

    python benchmarks/generate.py 1000 corpus.jsonl --seed 7
    python benchmarks/generate.py 200 corpus/ --format txt
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Iterator

MIN_WORDS, MAX_WORDS = 150, 1200

# (country, demonym, capital, a second city)
COUNTRIES = [
    ("Argentina", "Argentine", "Buenos Aires", "Cordoba"),
    ("Brazil", "Brazilian", "Brasilia", "Sao Paulo"),
    ("Canada", "Canadian", "Ottawa", "Toronto"),
    ("Chile", "Chilean", "Santiago", "Valparaiso"),
    ("Colombia", "Colombian", "Bogota", "Medellin"),
    ("Egypt", "Egyptian", "Cairo", "Alexandria"),
    ("France", "French", "Paris", "Lyon"),
    ("Georgia", "Georgian", "Tbilisi", "Batumi"),
    ("Germany", "German", "Berlin", "Hamburg"),
    ("Hungary", "Hungarian", "Budapest", "Debrecen"),
    ("India", "Indian", "New Delhi", "Mumbai"),
    ("Indonesia", "Indonesian", "Jakarta", "Surabaya"),
    ("Italy", "Italian", "Rome", "Milan"),
    ("Japan", "Japanese", "Tokyo", "Osaka"),
    ("Jordan", "Jordanian", "Amman", "Aqaba"),
    ("Kazakhstan", "Kazakh", "Astana", "Almaty"),
    ("Kenya", "Kenyan", "Nairobi", "Mombasa"),
    ("Lithuania", "Lithuanian", "Vilnius", "Kaunas"),
    ("Malaysia", "Malaysian", "Kuala Lumpur", "Penang"),
    ("Mexico", "Mexican", "Mexico City", "Guadalajara"),
    ("Morocco", "Moroccan", "Rabat", "Casablanca"),
    ("Norway", "Norwegian", "Oslo", "Bergen"),
    ("Pakistan", "Pakistani", "Islamabad", "Lahore"),
    ("Peru", "Peruvian", "Lima", "Cusco"),
    ("Poland", "Polish", "Warsaw", "Krakow"),
    ("Portugal", "Portuguese", "Lisbon", "Porto"),
    ("Qatar", "Qatari", "Doha", "Al Wakrah"),
    ("Romania", "Romanian", "Bucharest", "Cluj-Napoca"),
    ("Senegal", "Senegalese", "Dakar", "Thies"),
    ("Spain", "Spanish", "Madrid", "Barcelona"),
    ("Sweden", "Swedish", "Stockholm", "Gothenburg"),
    ("Tunisia", "Tunisian", "Tunis", "Sfax"),
    ("Turkey", "Turkish", "Ankara", "Istanbul"),
    ("Ukraine", "Ukrainian", "Kyiv", "Odesa"),
    ("Uzbekistan", "Uzbek", "Tashkent", "Samarkand"),
    ("Vietnam", "Vietnamese", "Hanoi", "Da Nang"),
]

_ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "r", "s", "t", "v", "z", "br", "dr", "kr", "st", "tr", "sh", "ch"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou", "ia"]
_CODAS = ["", "", "n", "r", "l", "s", "m", "k", "th", "nd"]
_SURNAME_ENDINGS = ["ov", "ova", "ez", "ini", "sen", "ski", "escu", "idis", "ani", "berg", "ard", "oni"]

TITLES = ["Ambassador", "Chargé d'affaires", "Consul General", "Deputy Head of Mission", "Counsellor"]
GUEST_TITLES = ["director", "chairman", "professor", "deputy", "head", "president", "researcher", "rector"]
ORG_KINDS = ["Foundation", "Institute", "Association", "Society", "Council", "University", "Center"]
ORG_TOPICS = ["Cultural Heritage", "International Dialogue", "Peace Studies", "Memory", "Human Rights",
              "Oriental Studies", "Youth Exchange", "Public Diplomacy", "Humanitarian Law"]
FILM_WORDS = ["documentary", "film", "documentary film", "short film"]
HIST_HEADS = ["tragedy", "massacre", "deportation", "siege", "famine", "uprising"]
EVENT_KINDS = ["commemorative event", "reception", "round table", "conference", "exhibition", "film screening",
               "memorial ceremony", "concert"]
VENUE_KINDS = ["Hall", "Library", "Museum", "Theatre", "Cultural Center"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]

BACKGROUND = [
    "The {n} anniversary of the {hist} is marked every year by communities across the world.",
    "During the {hist}, hundreds of civilians were killed and thousands were forced to leave their homes.",
    "Historians note that the events of {year} remain an open wound for the families of the victims.",
    "Relations between {a} and {b} have developed steadily in trade, education and culture in recent years.",
    "The two countries signed {k} agreements on cooperation in energy, transport and tourism.",
    "Students from {a} continue their studies at universities in {b} under an exchange programme.",
    "The speakers called on the international community to give a legal assessment of the crimes committed.",
    "Photographs, archive documents and books about the {hist} were displayed in the hall.",
    "Participants observed a minute of silence in memory of the victims.",
    "A booklet prepared by the {org} was distributed to the guests.",
    "The organizers said that similar events will be held in other cities of {b} later this year.",
    "Trade turnover between the two countries exceeded {k} hundred million dollars last year.",
    "The guests were also informed about the cultural heritage and the traditions of {a}.",
    "Local journalists, diplomats accredited in {b} and representatives of the diaspora attended.",
    "In conclusion, the guests were treated to dishes of the national cuisine of {a}.",
    "The conference also discussed prospects for cooperation between research centers of the two countries.",
]


class Names:
    """Invented, pronounceable names; the same seed gives the same names."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def word(self, syllables: int) -> str:
        r = self.rng
        text = "".join(r.choice(_ONSETS) + r.choice(_VOWELS) for _ in range(syllables)) + r.choice(_CODAS)
        return text[:1].upper() + text[1:]

    def person(self) -> str:
        r = self.rng
        return f"{self.word(r.randint(1, 2))} {self.word(r.randint(1, 2))}{r.choice(_SURNAME_ENDINGS)}"

    def title_words(self, count: int) -> str:
        return " ".join(self.word(self.rng.randint(1, 2)) for _ in range(count))


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _date(rng: random.Random) -> dt.date:
    return dt.date(2012, 1, 1) + dt.timedelta(days=rng.randrange(12 * 365))


def _length(rng: random.Random) -> int:
    """Words per article: most near 300-500, a long tail to 1,200 (log-uniform-ish)."""
    return int(min(MAX_WORDS, max(MIN_WORDS, MIN_WORDS * (MAX_WORDS / MIN_WORDS) ** (rng.random() ** 2.0))))


def generate_article(index: int, rng: random.Random, pools: dict) -> dict:
    """One article as a JSON Lines record: id, title, date, source and text."""
    names = Names(rng)
    sender, sdem, _, _ = rng.choice(pools["senders"])
    host, _, capital, second = rng.choice([c for c in COUNTRIES if c[0] != sender])
    city = capital if rng.random() < 0.8 else second
    ambassador = rng.choice(pools["people"])
    title = rng.choice(TITLES)
    hist = rng.choice(pools["historical"])
    film = rng.choice(pools["films"])
    campaign = rng.choice(pools["campaigns"])
    org = rng.choice(pools["organizations"])
    guests = [(rng.choice(pools["people"]), rng.choice(GUEST_TITLES), rng.choice(pools["organizations"]))
              for _ in range(rng.randint(1, 3))]
    kind = rng.choice(EVENT_KINDS)
    venue = f"{names.word(2)} {rng.choice(VENUE_KINDS)}"
    date = _date(rng)
    event_day = date - dt.timedelta(days=rng.randint(0, 2))
    year = rng.randint(1915, 1995)
    years = max(1, date.year - year)
    mission = rng.choice([f"the {sdem} embassy in {host}", f"the Embassy of {sender} in {host}",
                          f"the {sdem} Embassy in {city}"])
    paragraphs = [
        f"A {kind} dedicated to the {_ordinal(years)} anniversary of the {hist} was held at {mission} "
        f"on {MONTHS[event_day.month - 1]} {event_day.day}.",
        f"The event was co-organized by the {org} and attended by diplomats, public figures and members of the diaspora.",
        f"Addressing the event, {sender}'s {title} to {host} {ambassador} spoke about the {hist} "
        f"and its consequences for the region.",
        f"The {title.lower()} noted the importance of the “{campaign}” campaign initiated by the {org}.",
    ]
    for person, guest_title, guest_org in guests:
        paragraphs.append(rng.choice([
            f"{guest_title.capitalize()} of the {guest_org} {person} said that such crimes must never be forgotten.",
            f"{person}, {guest_title} of the {guest_org}, stressed the role of historical memory.",
        ]))
    if rng.random() < 0.7:
        paragraphs.append(f"Later, the {rng.choice(FILM_WORDS)} “{film}” about the {hist} was screened at the {venue}.")
    target = _length(rng)
    words = sum(len(p.split()) for p in paragraphs)
    context = {"hist": hist, "a": sender, "b": host, "org": org}
    while words < target:
        sentence = rng.choice(BACKGROUND).format(n=_ordinal(years), year=year, k=rng.randint(2, 40), **context)
        if rng.random() < 0.4 or len(paragraphs) < 6:
            paragraphs.append(sentence)
        else:
            paragraphs[-1] += " " + sentence
        words += len(sentence.split())
    headline = f"{sdem} embassy in {host} holds {kind} on {hist}"
    source = pools["sources"][index % len(pools["sources"])]
    text = f" date {date.isoformat()} By {source}\n\n{headline}\n\n" + "\n\n".join(paragraphs) + "\n"
    return {"id": f"gen-{index:06d}", "title": headline, "date": date.isoformat(), "source": source, "text": text}


def _pools(rng: random.Random) -> dict:
    """Recurring entities, so that people, films and campaigns occur in many articles (as in real news)."""
    names = Names(rng)
    return {
        "senders": rng.sample(COUNTRIES, 8),
        "people": [names.person() for _ in range(400)],
        "organizations": [f"{names.word(2)} {rng.choice(ORG_KINDS)} for {rng.choice(ORG_TOPICS)}" for _ in range(60)],
        "films": [names.title_words(rng.randint(1, 3)) for _ in range(80)],
        "campaigns": [f"Justice for {names.word(2)}" if rng.random() < 0.5 else f"Truth about {names.word(2)}"
                      for _ in range(30)],
        "historical": [f"{names.word(2)} {rng.choice(HIST_HEADS)}" for _ in range(25)],
        "sources": ["Newswire " + names.word(2) for _ in range(6)],
    }


def generate(count: int, seed: int = 0) -> Iterator[dict]:
    """`count` article records, the same for the same seed."""
    rng = random.Random(seed)
    pools = _pools(rng)
    for index in range(count):
        yield generate_article(index, random.Random(f"{seed}/{index}"), pools)


def write_corpus(count: int, out: Path, seed: int = 0, fmt: str | None = None) -> Path:
    """Write the corpus as one .jsonl file or a directory of .txt files (fmt "txt")."""
    out = Path(out)
    fmt = fmt or ("jsonl" if out.suffix == ".jsonl" else "txt")
    if fmt == "jsonl":
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as handle:
            for record in generate(count, seed):
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    else:
        out.mkdir(parents=True, exist_ok=True)
        for record in generate(count, seed):
            (out / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path, help="a .jsonl file, or a directory for .txt files")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--format", choices=("jsonl", "txt"), default=None)
    args = parser.parse_args(argv)
    write_corpus(args.count, args.out, args.seed, args.format)
    return 0


if __name__ == "__main__":
    sys.exit(main())
