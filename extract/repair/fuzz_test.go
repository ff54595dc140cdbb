package repair

import (
	"testing"
	"unicode/utf8"
)

func FuzzRepair(f *testing.F) {
	for _, s := range []string{
		"",
		"kin-\nderen en Roma-\nkinderen",
		"o\uFB03cieel\u00A0\u00A0we\u00ADttelijk\r\n\r\nKop\nTekst.",
		"coo\u0308rdinatie \u200B na\u0131\u0308ef",
		"a\xff\xfeb\x00c",
		"Het is o\uFFFD cieel en we\uE001 elijk; o cieel, kin deren, de kinderen, co rdinatie, na ef, tra cking.",
		"This \uFFFD ctional report is signi cant, speci c and e ective.",
		"- een\n- twee\n\n\n1. drie\n",
		"Datum: 1 mei\nKop\n\nTekst zonder punt\n",
		"\u2029\u2028\u0085\f\v\t \u3000",
		"e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309\u030a\u030b\u030c\u030d\u030e\u030f\u0310\u0311\u0312\u0313\u0314\u0315\u0316\u0317\u0318\u0319\u031a\u031b\u031c\u031d\u031e\u031f\u0320\u0321",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out, reps := Text(in)
		if !utf8.ValidString(out) {
			t.Fatalf("Text(%q) = %q is not valid UTF-8", in, out)
		}
		checkRepairs(t, in, out, reps)
		if again, _ := Text(out); again != out {
			t.Fatalf("Text is not idempotent:\n in   %q\n once %q\n twice %q", in, out, again)
		}
	})
}
