# triggers.lex — negation and hedge triggers, in the spirit of NegEx/ConText
# and its Dutch adaptation ContextD.
#
# A trigger's scope runs from the trigger to the end of its clause:
#   forward   after the trigger   ("er is geen bewijs dat ...")
#   backward  before the trigger  ("... is uitgesloten")
#   both      on both sides       ("mensenhandelaren richten zich niet op ...")
# A scope ends at a [boundary] ("maar", "omdat", "but", ";"), at the end of the
# sentence, and after 16 tokens forward or 6 backward; {scope=N} sets another
# length for one trigger. A cue in a negation's scope is negated, in a hedge's
# scope hedged. Where triggers overlap, the longest wins: a pseudo-trigger
# ("niet alleen", "no doubt") thereby cancels the shorter trigger it contains,
# and "niet uit te sluiten" is a hedge, not a negation. A trigger that lies
# inside a longer term ("zonder papieren", "not guilty") is no trigger.

[trigger negation forward]
nl: geen
nl: geen enkele
nl: geen enkele aanwijzing
nl: geen aanwijzing*
nl: geen aanwijzingen dat
nl: geen ~2 bewijs
nl: er is geen bewijs dat
nl: geen signalen
nl: geen sprake van
nl: niets
nl: nergens
nl: noch
nl: evenmin
nl: niemand
nl: gebrek aan bewijs
nl: vrijgesproken van
nl: vrijspraak van
nl: niet bewezen dat
nl: niet aangetoond dat
nl: is niet gebleken dat
nl: zonder {scope=3}
en: no
en: no ~2 evidence
en: no indication*
en: no sign*
en: none
en: nothing
en: neither
en: nor
en: nobody
en: no one
en: lack of evidence
en: acquitted of
en: cleared of
en: found not guilty of
en: not guilty of
en: not proven that
en: was not proven that
en: is not proven that
en: been proven that
en: without {scope=3}
en: excluded

[trigger negation both]
en: no longer
nl: niet langer
nl: niet
nl: nooit
nl: nimmer
en: not
en: never
en: cannot
en: can't
en: don't
en: doesn't
en: didn't
en: isn't
en: aren't
en: wasn't
en: weren't
en: hasn't
en: haven't
en: hadn't
en: won't
en: wouldn't

[trigger negation backward]
nl: is uitgesloten
nl: werd uitgesloten
nl: wordt uitgesloten
nl: niet aangetoond
nl: kon niet worden aangetoond
nl: niet bewezen
nl: werd niet bewezen
nl: is niet gebleken
nl: ontbreekt
nl: geen sprake
en: ruled out
en: was ruled out
en: were ruled out
en: is ruled out
en: not found
en: was not proven
en: not proven
en: unfounded
en: is lacking

[trigger hedge forward]
nl: mogelijk
nl: mogelijke
nl: wellicht
nl: misschien
nl: vermoedelijk*
nl: vermoed*
nl: waarschijnlijk
nl: onwaarschijnlijk
nl: vermeend*
nl: onbevestigd*
nl: niet bevestigd
nl: onduidelijk
nl: onbekend
nl: weinig bekend
nl: weinig zicht
nl: beperkt zicht
nl: lichte signalen
nl: zeer lichte signalen
nl: enkele signalen
nl: signalen dat
nl: aanwijzingen dat
nl: weinig ~2 bewijs
nl: beperkt ~2 bewijs
nl: de vraag of
nl: in hoeverre
nl: het vermoeden
nl: vermoedens
nl: indien
nl: eventueel
nl: eventuele
nl: het risico bestaat dat
nl: kan niet garanderen
nl: niet te garanderen
nl: geen garantie
nl: suggereert
nl: suggereren
nl: vrezen dat
nl: vreest dat
nl: vreesde dat
nl: vreesden dat
nl: valt niet te zeggen of
nl: is niet te zeggen of
nl: onduidelijk of
nl: onbekend of
nl: niet bekend of
nl: het is onduidelijk
nl: het is onbekend
nl: het is niet bekend
nl: geen ~3 beeld {scope=30}
nl: geen zicht op {scope=30}
nl: geen overzicht {scope=30}
en: possibly
en: possible
en: perhaps
en: probably
en: likely
en: unlikely
en: suspected
en: alleged*
en: presumably
en: reportedly
en: apparently
en: potential*
en: unconfirmed
en: not confirmed
en: unclear
en: unknown
en: little is known
en: little ~2 evidence
en: limited ~2 evidence
en: anecdotal
en: slight signals
en: some signals
en: some indications
en: signs that
en: indications that
en: whether
en: if
en: there is a risk that
en: cannot guarantee
en: can not guarantee
en: no guarantee
en: suggest
en: suggests
en: suggested
en: suspect that
en: fear that
en: fears that
en: feared that
en: suspects that
en: suspected that
en: signals that
en: it is unclear
en: it is unknown
en: it is not known
en: it remains unclear
en: no overview {scope=30}
en: no clear picture {scope=30}

[trigger hedge backward]
nl: niet te kunnen inschatten
nl: niet in te schatten
nl: valt niet te zeggen
nl: is niet bekend
nl: is onbekend
nl: is onduidelijk
en: is unclear
en: is unknown
en: remains unclear
en: remains unknown
en: is not known
en: are not known
en: was not known
en: cannot be estimated

[trigger hedge both]
nl: sluit niet uit
nl: sluiten niet uit
nl: niet uitsluiten
# "niet uit te sluiten dat X" and "X is niet uit te sluiten" alike.
nl: niet uit te sluiten
nl: niet uitgesloten
nl: kan niet worden uitgesloten
en: cannot be ruled out
en: can not be ruled out
en: cannot be excluded
en: not ruled out
en: not be ruled out
en: not excluded
en: do not rule out
en: does not rule out
en: did not rule out
en: cannot rule out
en: can not rule out
en: could not rule out
en: cannot exclude
en: can't exclude
nl: kan
nl: kunnen
nl: kon
nl: konden
nl: zou
nl: zouden
nl: zou kunnen
nl: zouden kunnen
nl: lijkt
nl: lijken
nl: leek
nl: leken
nl: schijnt
nl: schijnen
en: may
en: might
en: could
en: can
en: would
en: appears
en: appear
en: appeared
en: seems
en: seem
en: seemed

# What follows a risk trigger is what the group is vulnerable to, not what is
# done to it: "kwetsbaar voor mensenhandel" speaks to Q1, not Q2. A risk
# trigger's scope is 12 tokens unless {scope=N} says otherwise.
[trigger risk forward]
nl: kwetsbaar ~2 voor
nl: kwetsbaarder ~2 voor
nl: kwetsbare ~2 voor
nl: kwetsbaarheid voor
nl: vatbaar ~2 voor
nl: risico op
nl: risico ~2 op
nl: risico's op
nl: risico ~2 om
nl: risico's ~2 om
nl: risico lopen op
nl: gevaar voor
nl: kans op
en: vulnerable ~2 to
en: vulnerability to
en: at risk of
en: at risk for
en: risk of
en: risk for
en: risks of
en: susceptible to
en: prone to
en: in danger of

[trigger pseudo]
nl: niet op zichzelf
# "lijkt op" is "resembles": a comparison, no hedge.
nl: lijkt ~1 op
nl: lijken ~1 op
nl: leek ~1 op
nl: leken ~1 op
en: not in isolation
en: not on its own
nl: niet alleen
nl: niet enkel
nl: niet uitsluitend
nl: niet zonder reden
nl: geen twijfel
nl: geen enkele twijfel
nl: zonder twijfel
nl: zonder meer
nl: geen uitzondering
nl: geen geheim
nl: niet ongewoon
nl: niet ongebruikelijk
nl: niet zelden
nl: niet de enige
nl: niet te onderschatten
nl: geen toeval
nl: neemt niet weg
nl: nam niet weg
nl: niet te ontkennen
nl: valt niet te ontkennen
en: not only
en: not just
en: not merely
en: no doubt
en: without doubt
en: without a doubt
en: not without reason
en: no exception
en: no secret
en: not uncommon
en: not unusual
en: not rare
en: not the only
en: no coincidence
en: no longer only
en: does not change the fact
en: cannot be denied

[boundary]
nl: maar
nl: echter
nl: omdat
nl: hoewel
nl: terwijl
nl: doordat
nl: want
nl: tenzij
nl: behalve
nl: ofschoon
nl: daarentegen
nl: desondanks
nl: wel
en: but
en: however
en: although
en: though
en: because
en: whereas
en: while
en: unless
en: except
any: ;
any: :

# A backward scope stops at the word that opens its clause as well.
[boundary backward]
nl: dat
nl: die
nl: wat
nl: waar
nl: welke
nl: wie
en: that
en: which
en: who
en: whom
en: whose
en: where
