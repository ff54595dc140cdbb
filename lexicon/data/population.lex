# population.lex — naming children at risk who fit no group.
#
# A passage about children ([children] in cues.lex) and trafficking or
# exploitation that is linked to no group gives a signal for the group
# "other". Its population is the longest [population] phrase in the passage;
# failing that, the noun phrase around the children term: the children term
# with the words right before and after it, up to a [stopwords] word or
# punctuation ("Vietnamese minors", "minderjarige drugskoeriers").

[population]
nl: alleenstaande minderjarige vreemdeling*
nl: alleenstaande minderjarige vluchteling*
nl: alleenstaande minderjarige asielzoeker*
nl: alleenstaande minderjarige*
nl: alleenstaande kinderen
nl: amv'ers
nl: minderjarige asielzoeker*
nl: minderjarige vluchteling*
nl: minderjarige migrant*
nl: jonge asielzoekers
nl: minderjarige drugskoerier*
nl: minderjarige drugsrunner*
nl: minderjarige ~1 runners
nl: minderjarige prostituee*
nl: minderjarige sekswerker*
nl: minderjarige slachtoffers
nl: straatkinderen
nl: weeskinderen
nl: kindsoldaat
nl: kindsoldaten
nl: vermiste kinderen
nl: vermiste minderjarig*
nl: verdwenen kinderen
nl: verdwenen minderjarig*
nl: kinderen in de jeugdzorg
nl: jongeren in de jeugdzorg
nl: meisjes in de jeugdzorg
nl: kinderen in ~1 opvang
nl: jongeren met een ~1 verstandelijke beperking
nl: licht verstandelijk beperkte jongeren
nl: lvb-jongeren
nl: zwerfjongeren
nl: dakloze jongeren
nl: tienermoeders
nl: kinderen van arbeidsmigranten
en: unaccompanied minors
en: unaccompanied child*
en: unaccompanied asylum-seeking child*
en: unaccompanied migrant child*
en: separated children
en: child soldier*
en: street children
en: missing children
en: runaway children
en: children in care
en: looked-after children
en: care leavers
en: child migrants
en: migrant children
en: refugee children
en: asylum-seeking children
en: child drug couriers
en: children with ~1 disabilities
en: homeless youth
en: child beggars

[stopwords]
nl: de
nl: het
nl: een
nl: en
nl: of
nl: van
nl: in
nl: op
nl: met
nl: voor
nl: door
nl: bij
nl: uit
nl: aan
nl: naar
nl: om
nl: tot
nl: over
nl: onder
nl: tussen
nl: als
nl: dat
nl: die
nl: dit
nl: deze
nl: er
nl: is
nl: zijn
nl: was
nl: waren
nl: worden
nl: wordt
nl: werd
nl: werden
nl: hun
nl: hen
nl: zij
nl: ze
nl: wij
nl: we
nl: hij
nl: zich
nl: ook
nl: niet
nl: geen
nl: wel
nl: nog
nl: al
nl: te
nl: dan
nl: maar
nl: want
nl: omdat
nl: zo
nl: zoals
nl: waar
nl: wie
nl: wat
nl: hoe
nl: veel
nl: meer
nl: vaak
nl: soms
nl: steeds
nl: heeft
nl: hebben
nl: had
nl: kan
nl: kunnen
nl: zou
nl: zouden
nl: moeten
nl: moet
nl: daarbij
nl: vooral
nl: bijvoorbeeld
nl: slachtoffer
nl: slachtoffers
en: the
en: a
en: an
en: and
en: or
en: of
en: on
en: at
en: to
en: for
en: by
en: with
en: from
en: as
en: that
en: this
en: these
en: those
en: are
en: were
en: be
en: been
en: being
en: has
en: have
en: who
en: which
en: what
en: their
en: they
en: them
en: its
en: not
en: no
en: also
en: more
en: many
en: some
en: can
en: could
en: may
en: might
en: would
en: should
en: will
en: such
en: than
en: into
en: about
en: often
en: victims
en: victim
any: it
