#!/usr/bin/env python3
"""Generate the word lexicon of lib/quantity.c (the block between the GENERATED markers).

  python3 tools/gen_quantity_lexicon.py [lib/quantity.c]

The table is sorted by word so that the library finds a word with a binary search inside
the slice of its first letter (first_index[]), both fixed at compile time: no init, no
global mutable state. Edit the lists below, not the C.
"""
import sys

# (word, class, aux, value). aux: a unit/currency/direction index, see quantity.c.
E = []
def add(cls, aux, pairs):
    for w, v in pairs:
        E.append((w, cls, aux, v))

units = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
add("L_NUM", 0, [(w, i) for i, w in enumerate(units)])
tens = "twenty thirty forty fifty sixty seventy eighty ninety".split()
add("L_NUM", 0, [(w, 20 + 10 * i) for i, w in enumerate(tens)])
add("L_NUM", 0, [("fourty", 40), ("nought", 0), ("naught", 0)])
add("L_HUNDRED", 0, [("hundred", 100)])
add("L_SCALE", 0, [("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12),
                   ("dozen", 12), ("lakh", 1e5), ("lakhs", 1e5), ("crore", 1e7), ("crores", 1e7),
                   ("dzs", 12), ("dozs", 12), ("doz", 12)])
# abbreviations, only right after a number (or spaced after a money amount)
add("L_SCALE", 1, [("k", 1e3), ("m", 1e6), ("mn", 1e6), ("mln", 1e6), ("mil", 1e6), ("b", 1e9),
                   ("bn", 1e9), ("bln", 1e9), ("tn", 1e12), ("trn", 1e12), ("tr", 1e12), ("tln", 1e12)])
add("L_VAGUE", 0, [("dozens", 12), ("hundreds", 100), ("thousands", 1e3), ("millions", 1e6),
                   ("billions", 1e9), ("trillions", 1e12), ("tens", 10), ("scores", 20)])
fr = [("half", 2), ("halves", 2), ("third", 3), ("thirds", 3), ("quarter", 4), ("quarters", 4),
      ("fourth", 4), ("fourths", 4), ("fifth", 5), ("fifths", 5), ("sixth", 6), ("sixths", 6),
      ("seventh", 7), ("sevenths", 7), ("eighth", 8), ("eighths", 8), ("ninth", 9), ("ninths", 9),
      ("tenth", 10), ("tenths", 10), ("twentieth", 20), ("hundredth", 100), ("hundredths", 100),
      ("thousandth", 1000), ("thousandths", 1000),
      ("millionth", 1e6), ("millionths", 1e6), ("billionth", 1e9), ("billionths", 1e9),
      ("trillionth", 1e12), ("trillionths", 1e12)]
add("L_FRAC", 0, fr)
ords = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
add("L_ORD", 0, [(w, i + 1) for i, w in enumerate(ords)])
add("L_ORD", 0, [("thirtieth", 30), ("fortieth", 40), ("fiftieth", 50), ("hundredth", 100)])
# multipliers; aux 1 = more, 2 = less
add("L_MULT", 1, [("twice", 2), ("double", 2), ("doubled", 2), ("doubling", 2), ("doubles", 2),
                  ("triple", 3), ("tripled", 3), ("tripling", 3), ("triples", 3), ("thrice", 3),
                  ("quadrupled", 4), ("quadrupling", 4), ("quadruple", 4),
                  ("twofold", 2), ("threefold", 3), ("fourfold", 4), ("fivefold", 5),
                  ("sixfold", 6), ("sevenfold", 7), ("eightfold", 8), ("ninefold", 9),
                  ("tenfold", 10), ("hundredfold", 100), ("thousandfold", 1000)])
add("L_MULT", 2, [("halved", 2), ("halving", 2)])
# currencies: aux indexes cur_codes[] in quantity.c
CUR = ["USD", "EUR", "GBP", "CNY", "JPY", "INR", "CHF", "CAD", "AUD", "HKD", "KRW", "RUB",
       "BRL", "SGD", "TWD", "MXN", "ZAR", "SEK", "NOK", "DKK", "TRY", "ILS", "NGN", "VND",
       "THB", "MYR", "PHP", "FIM", "FRF", "DEM", "ITL", "ESP", "NZD", "PKR", "EGP", "SAR", "AED",
       "IDR", "PLN", "UAH", "XBT"]
ci = {c: i for i, c in enumerate(CUR)}
names = [("dollar", "USD"), ("dollars", "USD"), ("bucks", "USD"), ("euro", "EUR"), ("euros", "EUR"),
         ("pound", "GBP"), ("pounds", "GBP"), ("sterling", "GBP"), ("yuan", "CNY"),
         ("renminbi", "CNY"), ("rmb", "CNY"), ("yen", "JPY"), ("rupee", "INR"), ("rupees", "INR"),
         ("rs", "INR"), ("won", "KRW"), ("franc", "CHF"), ("francs", "CHF"), ("peso", "MXN"),
         ("pesos", "MXN"), ("ruble", "RUB"), ("rubles", "RUB"), ("rouble", "RUB"),
         ("roubles", "RUB"), ("reais", "BRL"), ("rand", "ZAR"), ("lira", "TRY"),
         ("ringgit", "MYR"), ("baht", "THB"), ("dong", "VND"), ("naira", "NGN"),
         ("shekel", "ILS"), ("shekels", "ILS"), ("krona", "SEK"), ("kronor", "SEK"),
         ("krone", "NOK"), ("kroner", "NOK"), ("markka", "FIM"), ("markkaa", "FIM"),
         ("rupiah", "IDR"), ("zloty", "PLN"), ("hryvnia", "UAH"), ("riyal", "SAR"),
         ("riyals", "SAR"), ("dirham", "AED"), ("dirhams", "AED"), ("bitcoin", "XBT"),
         ("bitcoins", "XBT")]
for c in CUR:
    if c not in ("FIM", "FRF", "DEM", "ITL", "ESP", "XBT"):
        names.append((c.lower(), c))
names.append(("btc", "XBT"))
E.extend((w, "L_CUR", ci[c], 1) for w, c in names)
# hundredths of a currency: the amount is given in base units
E.extend((w, "L_CUR", ci[c], 0.01) for w, c in [("cent", "USD"), ("cents", "USD"), ("pence", "GBP"),
                                                 ("penny", "GBP"), ("pennies", "GBP"), ("paise", "INR")])
# time units: aux indexes time_units[] (second minute hour day week month year), value = factor
TU = ["second", "minute", "hour", "day", "week", "month", "year"]
tu = []
for i, u in enumerate(TU):
    tu += [(u, i, 1), (u + "s", i, 1)]
tu += [("decade", 6, 10), ("decades", 6, 10), ("century", 6, 100), ("centuries", 6, 100),
       ("yr", 6, 1), ("yrs", 6, 1), ("hr", 2, 1), ("hrs", 2, 1), ("min", 1, 1), ("mins", 1, 1),
       ("sec", 0, 1), ("secs", 0, 1), ("fortnight", 3, 14), ("fortnights", 3, 14), ("millennia", 6, 1000)]
E.extend((w, "L_TIME", a, v) for w, a, v in tu)
add("L_PCT", 0, [("percent", 1), ("percents", 1), ("percentage", 1), ("pct", 1), ("per", 1)])
# measures: a number of these is a dimension, not a count (kind number, never a claim)
dims = """metre metres meter meters km kms kilometre kilometres kilometer kilometers cm centimetre
centimetres centimeter centimeters mm millimetre millimetres millimeter millimeters mile miles
feet foot ft inch inches yard yards kg kgs kilogram kilograms kilo kilos gram grams tonne tonnes
ton tons lb lbs ounce ounces oz litre litres liter liters gallon gallons acre acres hectare
hectares sq square cubic degree degrees mph kph knots megabit megabits kilobit kilobits gigabit
gigabits bit bits byte bytes kilobyte kilobytes megabyte megabytes gigabyte gigabytes terabyte
terabytes kb mb gb tb mbps kbps gbps ghz mhz khz hz watt watts kilowatt kilowatts megawatt
megawatts gigawatt gigawatts kw mw gw kwh mwh gwh volt volts calorie calories pixel pixels
megapixel megapixels celsius fahrenheit storeys storey floors""".split()
add("L_DIM", 0, [(w, 1) for w in dims])
months = [("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
          ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
          ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
          ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)]
add("L_MONTH", 0, months)

def fmt(v):
    if float(v).is_integer():
        return "%.0f" % v
    return repr(float(v))

def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "lib/quantity.c"
    rows = sorted(E, key=lambda e: (e[0], e[1]))
    assert all(len(w) < 16 and w.isascii() and w == w.lower() for w, *_ in rows)
    first = []
    for c in range(27):
        letter = chr(ord("a") + c) if c < 26 else None
        idx = next((i for i, r in enumerate(rows) if letter is not None and r[0][0] >= letter), len(rows))
        first.append(idx)
    out = ["/* BEGIN GENERATED by tools/gen_quantity_lexicon.py: do not edit */"]
    out.append("static const char *const cur_codes[] = {" + ", ".join('"%s"' % c for c in CUR) + "};")
    out.append("static const char *const time_units[] = {" + ", ".join('"%s"' % u for u in TU) + "};")
    out.append("static const lex_entry lexicon[] = {")
    for w, cls, aux, v in rows:
        out.append('    {"%s", %d, %s, %d, %s},' % (w, len(w), cls, aux, fmt(v)))
    out.append("};")
    out.append("/* first_index[c]..first_index[c + 1]: the words starting with 'a' + c */")
    out.append("static const uint16_t first_index[27] = {" + ", ".join(map(str, first)) + "};")
    out.append("/* END GENERATED */")
    src = open(path, encoding="utf-8").read()
    a = src.index("/* BEGIN GENERATED")
    b = src.index("/* END GENERATED */") + len("/* END GENERATED */")
    open(path, "w", encoding="utf-8").write(src[:a] + "\n".join(out) + src[b:])

if __name__ == "__main__":
    main()
