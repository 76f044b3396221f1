"""Numbers and dates written the way each language writes them (Babel's CLDR data)."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from babel.core import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

# CLDR puts a space between a currency code and the digits ("RON 2,500"); Babel does not.
_CODE_BESIDE_DIGIT = re.compile(r"(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z])")


@lru_cache(maxsize=4096)  # counts and figures repeat over thousands of cards
def number(value: int, locale: str) -> str:
    """1234 is '1.234' in Romanian and '1,234' in English."""
    return str(format_decimal(value, locale=locale))


def kibibytes(size: int, locale: str) -> str:
    """12_595 bytes are '12,3 KiB' in Romanian and '12.3 KiB' in English."""
    return f"{format_decimal(round(size / 1024, 1), format='0.0', locale=locale)} KiB"


def seconds(value: float, locale: str) -> str:
    """13.04 s is '13,0' in Romanian and '13.0' in English (one decimal)."""
    return format_decimal(round(value, 1), format="0.0", locale=locale)


def megabytes(size: int, locale: str) -> str:
    """2_345_678 bytes are '2,3 MB' in Romanian and '2.3 MB' in English."""
    return f"{format_decimal(round(size / 1_000_000, 1), format='0.0', locale=locale)} MB"


@lru_cache(maxsize=4096)  # every card and fact box of a case formats the same few dates
def partial_date(value: str, locale: str) -> str:
    """'2014' stays '2014'; '2014-09' is 'septembrie 2014' / 'September 2014'; a day is long."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return str(format_date(date(parts[0], parts[1], 1), "LLLL y", locale=locale))
    return str(format_date(date(parts[0], parts[1], parts[2]), "long", locale=locale))


def period(start: str | None, end: str | None, locale: str) -> str | None:
    if not start:
        return None
    first = partial_date(start, locale)
    return f"{first} – {partial_date(end, locale)}" if end else first


def money(value: int, currency: str, locale: str) -> str:
    """2500000 RON is '2.500.000 RON' in Romanian and 'RON 2,500,000' in English: the language's
    currency pattern, without decimals (amounts are whole units)."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern
    whole = re.sub(r"\.0+", "", pattern.split(";")[0])
    text = str(format_currency(value, currency, format=whole, locale=locale, currency_digits=False))
    return _CODE_BESIDE_DIGIT.sub("\u00a0", text)


def percent(share: float, locale: str) -> str:
    """0.85 is '85 %' in Romanian and '85%' in English."""
    return str(format_percent(share, locale=locale))
