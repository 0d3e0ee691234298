"""Country names and ISO 3166-1 alpha-2 codes, so a location is stored as a code we can trust."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from aicareers.errors import ProfileError

# ISO 3166-1 alpha-2 with short English names; XK (Kosovo) is user-assigned but widely used.
_TABLE = """\
AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla|AL Albania|
AM Armenia|AO Angola|AQ Antarctica|AR Argentina|AS American Samoa|AT Austria|AU Australia|
AW Aruba|AX Åland Islands|AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh|
BE Belgium|BF Burkina Faso|BG Bulgaria|BH Bahrain|BI Burundi|BJ Benin|BL Saint Barthélemy|
BM Bermuda|BN Brunei|BO Bolivia|BQ Caribbean Netherlands|BR Brazil|BS Bahamas|BT Bhutan|
BV Bouvet Island|BW Botswana|BY Belarus|BZ Belize|CA Canada|CC Cocos (Keeling) Islands|
CD Democratic Republic of the Congo|CF Central African Republic|CG Republic of the Congo|
CH Switzerland|CI Côte d'Ivoire|CK Cook Islands|CL Chile|CM Cameroon|CN China|CO Colombia|
CR Costa Rica|CU Cuba|CV Cabo Verde|CW Curaçao|CX Christmas Island|CY Cyprus|CZ Czechia|
DE Germany|DJ Djibouti|DK Denmark|DM Dominica|DO Dominican Republic|DZ Algeria|EC Ecuador|
EE Estonia|EG Egypt|EH Western Sahara|ER Eritrea|ES Spain|ET Ethiopia|FI Finland|FJ Fiji|
FK Falkland Islands|FM Micronesia|FO Faroe Islands|FR France|GA Gabon|GB United Kingdom|
GD Grenada|GE Georgia|GF French Guiana|GG Guernsey|GH Ghana|GI Gibraltar|GL Greenland|
GM Gambia|GN Guinea|GP Guadeloupe|GQ Equatorial Guinea|GR Greece|
GS South Georgia and the South Sandwich Islands|GT Guatemala|GU Guam|GW Guinea-Bissau|
GY Guyana|HK Hong Kong|HM Heard Island and McDonald Islands|HN Honduras|HR Croatia|HT Haiti|
HU Hungary|ID Indonesia|IE Ireland|IL Israel|IM Isle of Man|IN India|
IO British Indian Ocean Territory|IQ Iraq|IR Iran|IS Iceland|IT Italy|JE Jersey|JM Jamaica|
JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KI Kiribati|KM Comoros|
KN Saint Kitts and Nevis|KP North Korea|KR South Korea|KW Kuwait|KY Cayman Islands|
KZ Kazakhstan|LA Laos|LB Lebanon|LC Saint Lucia|LI Liechtenstein|LK Sri Lanka|LR Liberia|
LS Lesotho|LT Lithuania|LU Luxembourg|LV Latvia|LY Libya|MA Morocco|MC Monaco|MD Moldova|
ME Montenegro|MF Saint Martin|MG Madagascar|MH Marshall Islands|MK North Macedonia|ML Mali|
MM Myanmar|MN Mongolia|MO Macao|MP Northern Mariana Islands|MQ Martinique|MR Mauritania|
MS Montserrat|MT Malta|MU Mauritius|MV Maldives|MW Malawi|MX Mexico|MY Malaysia|
MZ Mozambique|NA Namibia|NC New Caledonia|NE Niger|NF Norfolk Island|NG Nigeria|NI Nicaragua|
NL Netherlands|NO Norway|NP Nepal|NR Nauru|NU Niue|NZ New Zealand|OM Oman|PA Panama|PE Peru|
PF French Polynesia|PG Papua New Guinea|PH Philippines|PK Pakistan|PL Poland|
PM Saint Pierre and Miquelon|PN Pitcairn|PR Puerto Rico|PS Palestine|PT Portugal|PW Palau|
PY Paraguay|QA Qatar|RE Réunion|RO Romania|RS Serbia|RU Russia|RW Rwanda|SA Saudi Arabia|
SB Solomon Islands|SC Seychelles|SD Sudan|SE Sweden|SG Singapore|SH Saint Helena|SI Slovenia|
SJ Svalbard and Jan Mayen|SK Slovakia|SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|
SR Suriname|SS South Sudan|ST São Tomé and Príncipe|SV El Salvador|SX Sint Maarten|SY Syria|
SZ Eswatini|TC Turks and Caicos Islands|TD Chad|TF French Southern Territories|TG Togo|
TH Thailand|TJ Tajikistan|TK Tokelau|TL Timor-Leste|TM Turkmenistan|TN Tunisia|TO Tonga|
TR Türkiye|TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda|
UM United States Minor Outlying Islands|US United States|UY Uruguay|UZ Uzbekistan|
VA Vatican City|VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands|
VI U.S. Virgin Islands|VN Vietnam|VU Vanuatu|WF Wallis and Futuna|WS Samoa|XK Kosovo|YE Yemen|
YT Mayotte|ZA South Africa|ZM Zambia|ZW Zimbabwe"""

# Names people actually write that differ from the short ISO names above.
_ALIASES = {
    "usa": "US", "u s": "US", "u s a": "US", "united states of america": "US", "america": "US",
    "uk": "GB", "u k": "GB", "great britain": "GB", "britain": "GB", "england": "GB",
    "scotland": "GB", "wales": "GB", "northern ireland": "GB", "deutschland": "DE",
    "holland": "NL", "korea": "KR", "republic of korea": "KR", "russian federation": "RU",
    "czech republic": "CZ", "turkey": "TR", "turkiye": "TR", "ivory coast": "CI", "uae": "AE",
    "viet nam": "VN", "swaziland": "SZ", "burma": "MM", "macedonia": "MK", "cape verde": "CV",
    "east timor": "TL", "drc": "CD", "dr congo": "CD", "congo": "CG", "vatican": "VA",
    "espana": "ES", "brasil": "BR", "mainland china": "CN", "prc": "CN", "hong kong sar": "HK",
    "macau": "MO", "palestinian territories": "PS", "persia": "IR",
}  # fmt: skip


def _key(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used for lookups."""
    spaced = re.sub(r"[^\w]+", " ", text)
    plain = unicodedata.normalize("NFKD", spaced).encode("ascii", "ignore").decode("ascii")
    words = plain.lower().replace("_", " ").split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    """(code -> name, lookup key -> code), built once on first use."""
    names: dict[str, str] = {}
    for entry in _TABLE.replace("\n", "").split("|"):
        code, name = entry.split(" ", 1)
        names[code] = name
    keys = {_key(name): code for code, name in names.items()}
    keys.update(_ALIASES)
    return names, keys


def country_name(code: str) -> str:
    """The English short name of an ISO alpha-2 code (KeyError if unknown)."""
    return _tables()[0][code]


def find_country(text: str) -> str | None:
    """The ISO code for a code, name or alias, or None when nothing matches."""
    stripped = text.strip()
    names, keys = _tables()
    if len(stripped) == 2 and stripped.upper() in names:
        return stripped.upper()
    return keys.get(_key(stripped))


def country_code(value: str) -> str:
    """Validate a user-given country and return its ISO code, or raise ProfileError."""
    code = find_country(value)
    if code is None:
        raise ProfileError(
            "country",
            f"Unknown country {value.strip()!r}. Give a two-letter ISO code (US, GB, DE, IN, BR) "
            "or the country's English name.",
        )
    return code
