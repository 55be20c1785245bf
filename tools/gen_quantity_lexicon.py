#!/usr/bin/env python3
"""Generate the word lexicon of lib/quantity.c (the block between the GENERATED markers).

  python3 tools/gen_quantity_lexicon.py [lib/quantity.c]

The table is sorted by word (the entries of one word are adjacent) and reached through a
static open-addressing hash on the word hash of lib/segment.h, all fixed at compile time: no init, no global
mutable state, one probe for most words. Edit the lists below, not the C.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from word_hash import word_hash  # noqa: E402

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
      ("tenth", 10), ("tenths", 10), ("twentieth", 20), ("twentieths", 20), ("thirtieth", 30),
      ("thirtieths", 30), ("fortieth", 40), ("fiftieth", 50), ("hundredth", 100), ("hundredths", 100),
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
# words before a currency name that say whose it is ("Hong Kong dollars"); aux 255: "new"
adjs = [("us", "USD"), ("u.s.", "USD"), ("american", "USD"), ("hong", "HKD"), ("kong", "HKD"),
        ("australian", "AUD"), ("aussie", "AUD"), ("canadian", "CAD"), ("zealand", "NZD"),
        ("singapore", "SGD"), ("taiwan", "TWD"), ("taiwanese", "TWD"), ("swiss", "CHF"),
        ("french", "FRF"), ("mexican", "MXN"), ("indian", "INR"), ("japanese", "JPY"),
        ("chinese", "CNY"), ("finnish", "FIM"), ("brazilian", "BRL"), ("african", "ZAR"),
        ("south", "ZAR"), ("german", "DEM"), ("italian", "ITL"), ("spanish", "ESP"),
        ("russian", "RUB"), ("turkish", "TRY"), ("british", "GBP"), ("korean", "KRW"),
        ("pakistani", "PKR"), ("egyptian", "EGP"), ("saudi", "SAR"), ("philippine", "PHP"),
        ("israeli", "ILS"), ("nigerian", "NGN")]
E.extend((w, "L_CURADJ", ci[c], 1) for w, c in adjs)
E.append(("new", "L_CURADJ", 255, 1))

# measures: a number of these is a dimension, not a count (kind number, never a claim)
dims = """metre metres meter meters km kms kilometre kilometres kilometer kilometers cm centimetre
centimetres centimeter centimeters mm millimetre millimetres millimeter millimeters mile miles
feet foot ft inch inches yard yards kg kgs kilogram kilograms kilo kilos gram grams tonne tonnes
ton tons lb lbs ounce ounces oz litre litres liter liters gallon gallons acre acres hectare
hectares sq square cubic degree degrees mph kph knots megabit megabits kilobit kilobits gigabit
gigabits bit bits byte bytes kilobyte kilobytes megabyte megabytes gigabyte gigabytes terabyte
terabytes kb mb gb tb mbps kbps gbps ghz mhz khz hz watt watts kilowatt kilowatts megawatt
megawatts gigawatt gigawatts kw mw gw kwh mwh gwh volt volts calorie calories pixel pixels
megapixel megapixels celsius fahrenheit storeys storey floors pound pounds""".split()
add("L_DIM", 0, [(w, 1) for w in dims])
months = [("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
          ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
          ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7),
          ("aug", 8), ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12)]
add("L_MONTH", 0, months)

# Qualifiers before a number, longest first within those that end alike ("no more than"
# before "more than"). They are emitted grouped by their last word; the L_QEND entry of that
# word gives the group (aux: first index, value: how many), so bound_before() tries only
# the qualifiers that can end at the word before the number.
QUALS = [
    ('CT_BOUND_UPPER', 'as much as'),
    ('CT_BOUND_UPPER', 'as many as'),
    ('CT_BOUND_UPPER', 'as high as'),
    ('CT_BOUND_UPPER', 'as large as'),
    ('CT_BOUND_LOWER', 'as little as'),
    ('CT_BOUND_LOWER', 'as few as'),
    ('CT_BOUND_LOWER', 'as low as'),
    ('CT_BOUND_LOWER', 'greater than or equal to'),
    ('CT_BOUND_LOWER', 'more than or equal to'),
    ('CT_BOUND_LOWER', 'higher than or equal to'),
    ('CT_BOUND_LOWER', 'larger than or equal to'),
    ('CT_BOUND_LOWER', 'bigger than or equal to'),
    ('CT_BOUND_UPPER', 'less than or equal to'),
    ('CT_BOUND_UPPER', 'fewer than or equal to'),
    ('CT_BOUND_UPPER', 'lower than or equal to'),
    ('CT_BOUND_UPPER', 'smaller than or equal to'),
    ('CT_BOUND_LOWER', 'equal to or more than'),
    ('CT_BOUND_LOWER', 'equal to or greater than'),
    ('CT_BOUND_UPPER', 'equal to or less than'),
    ('CT_BOUND_UPPER', 'equal to or fewer than'),
    ('CT_BOUND_LOWER', 'at least or equal to'),
    ('CT_BOUND_UPPER', 'at most or equal to'),
    ('CT_BOUND_LOWER', 'greater or equal than'),
    ('CT_BOUND_LOWER', 'higher or equal than'),
    ('CT_BOUND_LOWER', 'bigger or equal than'),
    ('CT_BOUND_LOWER', 'larger or equal than'),
    ('CT_BOUND_LOWER', 'more or equal than'),
    ('CT_BOUND_UPPER', 'less or equal than'),
    ('CT_BOUND_UPPER', 'lower or equal than'),
    ('CT_BOUND_UPPER', 'smaller or equal than'),
    ('CT_BOUND_UPPER', 'fewer or equal than'),
    ('CT_BOUND_APPROX', 'in the region of'),
    ('CT_BOUND_APPROX', 'on the order of'),
    ('CT_BOUND_UPPER', 'no more than'),
    ('CT_BOUND_UPPER', 'not more than'),
    ('CT_BOUND_UPPER', 'no greater than'),
    ('CT_BOUND_UPPER', 'no higher than'),
    ('CT_BOUND_LOWER', 'no less than'),
    ('CT_BOUND_LOWER', 'not less than'),
    ('CT_BOUND_LOWER', 'no fewer than'),
    ('CT_BOUND_LOWER', 'no lower than'),
    ('CT_BOUND_LOWER', 'well higher than'),
    ('CT_BOUND_LOWER', 'well more than'),
    ('CT_BOUND_UPPER', 'well less than'),
    ('CT_BOUND_UPPER', 'a maximum of'),
    ('CT_BOUND_LOWER', 'a minimum of'),
    ('CT_BOUND_LOWER', 'in excess of'),
    ('CT_BOUND_APPROX', 'more or less'),
    ('CT_BOUND_LOWER', 'well over'),
    ('CT_BOUND_LOWER', 'well above'),
    ('CT_BOUND_UPPER', 'well below'),
    ('CT_BOUND_UPPER', 'well under'),
    ('CT_BOUND_UPPER', 'just under'),
    ('CT_BOUND_UPPER', 'just below'),
    ('CT_BOUND_LOWER', 'just over'),
    ('CT_BOUND_LOWER', 'just above'),
    ('CT_BOUND_UPPER', 'less than'),
    ('CT_BOUND_UPPER', 'fewer than'),
    ('CT_BOUND_UPPER', 'lower than'),
    ('CT_BOUND_UPPER', 'smaller than'),
    ('CT_BOUND_UPPER', 'up to'),
    ('CT_BOUND_UPPER', 'at most'),
    ('CT_BOUND_UPPER', 'maximum of'),
    ('CT_BOUND_LOWER', 'more than'),
    ('CT_BOUND_LOWER', 'higher than'),
    ('CT_BOUND_LOWER', 'greater than'),
    ('CT_BOUND_LOWER', 'larger than'),
    ('CT_BOUND_LOWER', 'bigger than'),
    ('CT_BOUND_LOWER', 'at least'),
    ('CT_BOUND_LOWER', 'upwards of'),
    ('CT_BOUND_LOWER', 'upward of'),
    ('CT_BOUND_LOWER', 'minimum of'),
    ('CT_BOUND_APPROX', 'an estimated'),
    ('CT_BOUND_APPROX', 'close to'),
    ('CT_BOUND_APPROX', 'estimated at'),
    ('CT_BOUND_UPPER', 'under'),
    ('CT_BOUND_UPPER', 'below'),
    ('CT_BOUND_LOWER', 'over'),
    ('CT_BOUND_LOWER', 'above'),
    ('CT_BOUND_LOWER', 'exceeding'),
    ('CT_BOUND_LOWER', 'exceed'),
    ('CT_BOUND_LOWER', 'exceeds'),
    ('CT_BOUND_LOWER', 'exceeded'),
    ('CT_BOUND_LOWER', 'surpass'),
    ('CT_BOUND_LOWER', 'surpassed'),
    ('CT_BOUND_LOWER', 'surpassing'),
    ('CT_BOUND_LOWER', 'topping'),
    ('CT_BOUND_APPROX', 'about'),
    ('CT_BOUND_APPROX', 'around'),
    ('CT_BOUND_APPROX', 'roughly'),
    ('CT_BOUND_APPROX', 'nearly'),
    ('CT_BOUND_APPROX', 'almost'),
    ('CT_BOUND_APPROX', 'approximately'),
    ('CT_BOUND_APPROX', 'approx'),
    ('CT_BOUND_APPROX', 'some'),
    ('CT_BOUND_APPROX', 'estimated'),
    ('CT_BOUND_APPROX', 'circa'),
    ('CT_BOUND_APPROX', 'nigh'),
]
groups = {}
for bound, words in QUALS:
    groups.setdefault(words.split()[-1], []).append((bound, words.split()))
QUAL_ROWS = []
for last, items in groups.items():
    E.append((last, "L_QEND", len(QUAL_ROWS), len(items)))
    QUAL_ROWS.extend(items)
assert len(QUAL_ROWS) < 256

# words after a number that are not the thing it counts ("5 to", "two of", "3 were")
stop = """a a.m. about according after again against ago ahead all alone also altogether am among
an and apiece are as at away back be because been before behind between both but by can
combined could did do does down each earlier either every fold for from had has have he
her here his i if in into is it its just later least less may might minus more most my
neither no not o'clock off on only onwards or our out over overall p.m. per percent plus
pm point points respectively said says she should since so than that the their then
there they this through times to together total under until up versus via vs was we were
when where which while who will with would yet you your""".split()
add("L_STOP", 0, [(w, 1) for w in stop])

# classes of the words that can start a quantity (can_start() in quantity.c)
START = ("L_NUM", "L_FRAC", "L_ORD", "L_MULT", "L_VAGUE", "L_HUNDRED", "L_PCT")

# classes of the words after which "a"/"an" is a number (can_start() in quantity.c)
AFTER_A = ("L_FRAC", "L_SCALE", "L_HUNDRED")

HASH_SIZE = 2048

# A second filter after start_mask: a one-hash Bloom set on the first three letters, the
# last one and the length. Must match word_key() in quantity.c.
WORD_SET_BITS = 8192

# words before a quantity that make it hypothetical ("if there were only two countries")
HYPO = ["if", "unless", "imagine", "suppose", "supposing", "hypothetically", "whether"]

# Marks on plain words, one byte indexed by the top bits of the word hash the segmenter
# already computed: MARK_START for the words that can start a quantity and for "a"/"an"
# (a number before "dozen"), the first filter of can_start(); MARK_HYPO for HYPO. A byte,
# not a bit: fewer instructions for every word of the text; 4096 of them let ~2% of other
# words through.
START_HASH_SHIFT = 20
MARK_START, MARK_HYPO = 1, 2

def letter(c):
    return ord(c) - 97 if "a" <= c <= "z" else 26

def word_key(w):
    n = len(w)
    k = letter(w[0])
    k = k * 27 + (letter(w[1]) if n > 1 else 26)
    k = k * 27 + (letter(w[2]) if n > 2 else 26)
    k = k * 27 + letter(w[-1])
    k = (k * 16 + n) & 0xFFFFFFFF
    return ((k * 2654435761) & 0xFFFFFFFF) >> 19

def fmt(v):
    if float(v).is_integer():
        return "%.0f" % v
    return repr(float(v))

def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "lib/quantity.c"
    rows = sorted(E, key=lambda e: (e[0], e[1]))
    assert all(len(w) < 16 and w.isascii() and w == w.lower() for w, *_ in rows)
    out = ["/* BEGIN GENERATED by tools/gen_quantity_lexicon.py: do not edit */",
           "/* clang-format off */"]
    def wrapped(head, items):
        lines, cur = [head], "   "
        for it in items:
            if len(cur) + len(it) + 2 > 88:
                lines.append(cur)
                cur = "   "
            cur += " " + it + ","
        lines.append(cur)
        lines.append("};")
        return lines
    out.extend(wrapped("static const char *const cur_codes[] = {", ['"%s"' % c for c in CUR]))
    out.extend(wrapped("static const char *const time_units[] = {", ['"%s"' % u for u in TU]))
    out.extend(wrapped("static const char *const hypo_cues[] = {",
                       ['"%s"' % w for w in HYPO] + ["NULL"]))
    out.append("static const qualifier qualifiers[] = {")
    for bound, words in QUAL_ROWS:
        out.append("    Q(%s, %s)," % (bound, ", ".join('"%s"' % w for w in words)))
    out.append("};")
    out.append("static const lex_entry lexicon[] = {")
    for i, (w, cls, aux, v) in enumerate(rows):
        same = sum(1 for r in rows[i:i + 8] if r[0] == w)  # this entry and those after it
        out.append('    {"%s", %d, %s, %d, %d, %s},' % (w, len(w), cls, aux, same, fmt(v)))
    out.append("};")
    # open addressing on the word hash: slot -> 1 + index of the word's first entry, 0 when empty
    table = [0] * HASH_SIZE
    seen = set()
    for i, r in enumerate(rows):
        if r[0] in seen:
            continue
        seen.add(r[0])
        h = word_hash(r[0]) % HASH_SIZE
        while table[h]:
            h = (h + 1) % HASH_SIZE
        table[h] = i + 1
    assert len(seen) < HASH_SIZE // 2
    def emit_mask(name, pred, what):
        mask = [0] * (26 * 27)
        for w, cls, aux, v in rows:
            if pred(cls) and w[0].isalpha():
                c2 = ord(w[1]) - 97 if len(w) > 1 and w[1].isalpha() else 26
                mask[(ord(w[0]) - 97) * 27 + c2] |= 1 << len(w)
        out.append("/* bit n of %s[first * 27 + second] (letters a..z; 26: none, or not a" % name)
        out.append(" * letter): some word of n bytes beginning with those letters %s */" % what)
        out.append("static const uint16_t %s[26 * 27] = {" % name)
        for k in range(0, 26 * 27, 18):
            out.append("    " + ", ".join(str(x) for x in mask[k:k + 18]) + ",")
        out.append("};")
    emit_mask("start_mask", lambda c: c in START, "can start a quantity")
    emit_mask("any_mask", lambda c: True, "is in the lexicon")
    def emit_set(name, pred, what):
        bits = [0] * (WORD_SET_BITS // 32)
        for w, cls, aux, v in rows:
            if pred(cls):
                k = word_key(w)
                bits[k // 32] |= 1 << (k % 32)
        out.append("/* %s: the word_key() bits of the words that %s */" % (name, what))
        out.append("static const uint32_t %s[WORD_SET_BITS / 32] = {" % name)
        for k in range(0, len(bits), 6):
            out.append("    " + ", ".join("0x%08xu" % x for x in bits[k:k + 6]) + ",")
        out.append("};")
    out.append("#define WORD_SET_BITS %du" % WORD_SET_BITS)
    emit_set("start_set", lambda c: c in START, "can start a quantity")
    emit_set("after_a_set", lambda c: c in AFTER_A, "make \"a\" a number (\"a dozen\")")
    marks = [0] * (1 << (32 - START_HASH_SHIFT))
    for w in [r[0] for r in rows if r[1] in START] + ["a", "an"]:
        marks[word_hash(w) >> START_HASH_SHIFT] |= MARK_START
    for w in HYPO:
        marks[word_hash(w) >> START_HASH_SHIFT] |= MARK_HYPO
    out.append("#define START_HASH_SHIFT %du" % START_HASH_SHIFT)
    out.append("#define MARK_START %du" % MARK_START)
    out.append("#define MARK_HYPO %du" % MARK_HYPO)
    out.append("/* at (ct__word_hash() >> START_HASH_SHIFT) of a word: MARK_START for the words that can")
    out.append(" * start a quantity, and \"a\" and \"an\"; MARK_HYPO for hypo_cues */")
    out.append("static const uint8_t word_marks[1u << (32 - START_HASH_SHIFT)] = {")
    for k in range(0, len(marks), 40):
        out.append("    " + ",".join(str(x) for x in marks[k:k + 40]) + ",")
    out.append("};")
    out.append("#define LEX_HASH_SIZE %du" % HASH_SIZE)
    out.append("/* ct__word_hash() of the word, open addressing: 1 + index of its first entry; 0 = empty */")
    out.append("static const uint16_t lex_hash[LEX_HASH_SIZE] = {")
    for k in range(0, HASH_SIZE, 16):
        out.append("    " + ", ".join(str(x) for x in table[k:k + 16]) + ",")
    out.append("};")
    out.append("/* clang-format on */")
    out.append("/* END GENERATED */")
    src = open(path, encoding="utf-8").read()
    a = src.index("/* BEGIN GENERATED")
    b = src.index("/* END GENERATED */") + len("/* END GENERATED */")
    open(path, "w", encoding="utf-8").write(src[:a] + "\n".join(out) + src[b:])

if __name__ == "__main__":
    main()
