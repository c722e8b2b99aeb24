"""How names are spelled on a French keyboard, so that one name typed two ways is one name."""

# Letters of their own, not accents that folding removes, spelled as a French keyboard types
# them: a nurse types "Lecoeur" for the EHR's "Lecœur", "Sorensen" for "Sørensen", "Strasse"
# for "Straße".
PLAIN_LETTERS = str.maketrans({"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o",
                               "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th",
                               "Þ": "TH", "ı": "i"})
