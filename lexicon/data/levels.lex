# levels.lex — words that word a level of the scale.
#
# A level counts as worded only when a level word stands next to a level
# target of the question (at most two words apart, within the clause):
# "hoge kwetsbaarheid", "verhoogd risico", "risk is high", "zeer lichte
# signalen". Any "hoge" elsewhere in the sentence does not count. When a
# passage words several levels, the one nearest to its target wins.

[level-target Q1]
nl: kwetsba*
nl: risico*
nl: vatbaar*
nl: weerbaar*
en: vulnerab*
en: risk*
en: susceptib*

[level-target Q2]
nl: signaal
nl: signalen
nl: aanwijzing*
nl: indicatie*
en: signal*
en: sign
en: signs
en: indication*

# Words that tie a level word to a target standing further before it, in
# the same clause: "het risico op uitbuiting is hoog", "describes the
# vulnerability of these children as moderate".
[level-link]
nl: is
nl: was
nl: zijn
nl: waren
nl: wordt
nl: werd
nl: blijft
nl: bleef
nl: lijkt
nl: leek
nl: lijken
nl: blijkt
nl: bleek
nl: ligt
nl: lag
nl: als
en: is
en: was
en: are
en: were
en: be
en: been
en: remains
en: remained
en: appears
en: appeared
en: seems
en: seemed
en: as
en: considered
en: rated

[level slight]
nl: licht
nl: lichte
nl: lichtelijk
nl: enigszins
nl: gering
nl: geringe
nl: beperkt
nl: beperkte
en: slight
en: slightly
en: mild
en: mildly
en: somewhat
en: limited

[level moderate]
nl: matig
nl: matige
nl: gemiddeld
nl: gemiddelde
en: moderate
en: moderately
en: medium

[level fair]
nl: redelijk
nl: redelijke
nl: behoorlijk
nl: behoorlijke
nl: aanzienlijk
nl: aanzienlijke
nl: substantieel
nl: substantiële
en: fair
en: fairly
en: considerable
en: considerably
en: substantial
en: substantially
en: reasonably
en: fairly high
en: fairly great
nl: redelijk groot
nl: redelijk grote
nl: redelijk hoog
nl: redelijk hoge
nl: vrij groot
nl: vrij grote
nl: vrij hoog
nl: vrij hoge

[level elevated]
nl: verhoogd
nl: verhoogde
nl: vergroot
nl: vergrote
nl: groter
nl: grotere
nl: extra
nl: kwetsbaarder
nl: meer kwetsbaar
nl: meer risico
nl: hoger
nl: hogere
en: elevated
en: increased
en: heightened
en: higher
en: greater
en: additional
en: more vulnerable
en: more at risk
en: extra

[level high]
nl: hoog
nl: hoge
nl: zeer
nl: uiterst
nl: bijzonder
nl: groot
nl: grote
nl: ernstig
nl: ernstige
nl: sterk
nl: sterke
nl: zeer kwetsbaar
nl: hoogst
en: high
en: highly
en: very
en: extremely
en: particularly
en: great
en: severe
en: severely
en: acute
en: especially
